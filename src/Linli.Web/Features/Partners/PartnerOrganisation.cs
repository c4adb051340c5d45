using Linli.Web.Features.Tree;

namespace Linli.Web.Features.Partners;

/// <summary>The five kinds of community partner (社区合伙人).</summary>
public enum PartnerType
{
    Institution,
    PublicWelfare,
    Commercial,
    Property,
    Autonomous,
}

public enum PartnerStatus
{
    Active,

    /// <summary>Suspended with a reason: its offers leave the public directory and take no sign-ups.</summary>
    Suspended,
}

/// <summary>
/// A community partner: where partner staff hold their role, the communities it serves, the joining agreement it
/// signed and what it offers residents.
/// </summary>
public sealed class PartnerOrganisation
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public PartnerType Type { get; set; }
    public string? NameEn { get; set; }

    /// <summary>What kind of organisation within its type, in plain words: bank, cinema, school, police station…</summary>
    public string? Subtype { get; set; }

    public string? Description { get; set; }
    public PartnerStatus Status { get; set; }
    public string? SuspensionReason { get; set; }
    public DateTimeOffset? SuspendedAt { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public List<PartnerContact> Contacts { get; set; } = [];
    public List<PartnerArea> Areas { get; set; } = [];
    public List<PartnerSignature> Signatures { get; set; } = [];
    public List<PartnerOffer> Offers { get; set; } = [];
}

/// <summary>A person to reach at the partner: a name and one contact method, nothing more.</summary>
public sealed class PartnerContact
{
    public int Id { get; set; }
    public int PartnerId { get; set; }
    public required string Name { get; set; }
    public required string Contact { get; set; }
}

/// <summary>A part of the tree the partner serves: a community, or a street or district for all of its communities.</summary>
public sealed class PartnerArea
{
    public int PartnerId { get; set; }
    public int NodeId { get; set; }
    public TreeNode? Node { get; set; }
}
