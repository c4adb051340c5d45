namespace Linli.Web.Features.Open311;

/// <summary>An Open311 client's key. Only its SHA-256 is stored; the key itself is shown once, when it is issued.</summary>
public sealed class Open311ApiKey
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string KeyHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
