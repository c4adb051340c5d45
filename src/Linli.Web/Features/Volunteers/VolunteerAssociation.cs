namespace Linli.Web.Features.Volunteers;

public enum AssociationType
{
    Patrol,
    Mediation,
    ElderlyCare,
    Environment,
    Culture,
    SafetyInformation,
    Other,
}

public enum AssociationStatus
{
    Active,
    Dormant,
    Dissolved,
}

/// <summary>
/// A volunteer association (志愿者协会 / 志愿服务队) of one community, with its brand. Only active associations count
/// towards the community's target.
/// </summary>
public sealed class VolunteerAssociation
{
    public int Id { get; set; }
    public int CommunityNodeId { get; set; }

    /// <summary>The community's tree path, copied so "associations in my subtree" is one prefix test.</summary>
    public required string CommunityPath { get; set; }

    public required string Name { get; set; }
    public AssociationType Type { get; set; }
    public AssociationStatus Status { get; set; }
    public string? Motto { get; set; }

    /// <summary>A member who manages the association (shifts, attendance, hours). Cleared when they leave.</summary>
    public Guid? LeaderUserId { get; set; }

    /// <summary>The logo re-encoded as a new JPEG (no metadata kept).</summary>
    public byte[]? Logo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The minimum number of active associations a community should have, where it differs from the city default.</summary>
public sealed class CommunityVolunteerTarget
{
    public int CommunityNodeId { get; set; }
    public int MinimumAssociations { get; set; }
    public DateTimeOffset SetAt { get; set; }
    public Guid? SetByUserId { get; set; }
}
