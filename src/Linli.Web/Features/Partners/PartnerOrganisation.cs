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

/// <summary>A partner organisation, here only as the place where partner staff hold their role; the registry comes later.</summary>
public sealed class PartnerOrganisation
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public PartnerType Type { get; set; }
}
