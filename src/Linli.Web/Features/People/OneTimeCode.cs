namespace Linli.Web.Features.People;

/// <summary>A short-lived code sent to a phone or email to prove the person holds it. Only a hash is stored.</summary>
public sealed class OneTimeCode
{
    public int Id { get; set; }
    public required string Destination { get; set; }
    public required string CodeHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int FailedAttempts { get; set; }
    public DateTimeOffset? ConsumedAt { get; set; }
}
