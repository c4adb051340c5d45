namespace Linli.Web.Features.Partners;

/// <summary>One version of the joining agreement every partner signs. Versions are only ever added.</summary>
public sealed class PartnerAgreementText
{
    public int Id { get; set; }
    public int Version { get; set; }
    public required string Text { get; set; }
    public string? TextEn { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
}

/// <summary>The record that a partner signed a version of the joining agreement: when, and who signed for it.</summary>
public sealed class PartnerSignature
{
    public int Id { get; set; }
    public int PartnerId { get; set; }
    public int Version { get; set; }
    public DateOnly SignedOn { get; set; }
    public required string SignedBy { get; set; }
    public Guid? RecordedByUserId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
