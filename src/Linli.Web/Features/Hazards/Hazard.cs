using Linli.Web.Features.Partners;
using Linli.Web.Features.Tree;

namespace Linli.Web.Features.Hazards;

public enum HazardKind
{
    Fire,
    Building,
    Electrical,
    Traffic,
    PublicOrder,
}

public enum HazardSeverity
{
    General,
    Major,
}

/// <summary>Who found it. Street staff and administrators record as <see cref="Staff"/>.</summary>
public enum HazardSource
{
    Officer,
    Chief,
    CommunityWorker,
    Staff,
    Volunteer,
    Resident,
}

/// <summary>
/// Found (a resident's or volunteer's report waits here to be verified) → assigned (a responsible party and a deadline)
/// → rectified → eliminated by a passed re-inspection; a failed re-inspection reopens it with a new deadline. A report
/// that turns out not to be a hazard is dismissed.
/// </summary>
public enum HazardState
{
    Found,
    Assigned,
    Rectified,
    Reopened,
    Eliminated,
    Dismissed,
}

/// <summary>
/// A potential safety hazard (隐患) at a place: a tree node (unit, building, grid or community) with an optional point and
/// address. It describes a place and a problem, never a person: the form says photos must not show people, and only
/// staff finders are named.
/// </summary>
public sealed class Hazard
{
    public long Id { get; set; }
    public HazardKind Kind { get; set; }
    public HazardSeverity Severity { get; set; }
    public required string Description { get; set; }

    public int NodeId { get; set; }
    public TreeNode? Node { get; set; }

    /// <summary>The place node's tree path, so "hazards in my subtree" and the counts by area are one prefix test.</summary>
    public required string NodePath { get; set; }

    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Address { get; set; }

    public HazardSource Source { get; set; }

    /// <summary>Staff finders only; residents and volunteers who report are not recorded by account.</summary>
    public Guid? FoundByUserId { get; set; }
    public string? FoundByName { get; set; }
    public DateTimeOffset FoundAt { get; set; }

    /// <summary>Reported by a resident or volunteer: staff verify it (by assigning it, or dismissing it).</summary>
    public bool NeedsVerification { get; set; }

    /// <summary>The policing visit during which it was found (the policing feature's id; no foreign key).</summary>
    public int? SourceVisitId { get; set; }

    public string? ResponsibleParty { get; set; }
    public int? ResponsiblePartnerId { get; set; }
    public PartnerOrganisation? ResponsiblePartner { get; set; }

    public DateTimeOffset Deadline { get; set; }
    public HazardState State { get; set; }
    public DateTimeOffset? RectifiedAt { get; set; }
    public DateTimeOffset? EliminatedAt { get; set; }

    /// <summary>How many re-inspections failed: each reopened it.</summary>
    public int FailedReinspections { get; set; }

    public int Version { get; set; }

    public List<HazardEvent> Events { get; set; } = [];
    public List<HazardPhoto> Photos { get; set; } = [];

    public bool IsOpen => State is not (HazardState.Eliminated or HazardState.Dismissed);
}

public enum HazardEventKind
{
    Found,
    Reported,
    Assigned,
    Rectified,
    ReinspectionPassed,
    ReinspectionFailed,
    Dismissed,
}

/// <summary>One step of a hazard's timeline: who (staff only), when, what, and the deadline it set.</summary>
public sealed class HazardEvent
{
    public long Id { get; set; }
    public long HazardId { get; set; }
    public DateTimeOffset At { get; set; }
    public HazardEventKind Kind { get; set; }
    public Guid? ActorUserId { get; set; }
    public string? ActorName { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset? Deadline { get; set; }
}

public enum HazardPhotoStage
{
    Found,
    Rectification,
}

/// <summary>A photo re-encoded on upload by the cases' PhotoProcessor, so no location or camera metadata survives.</summary>
public sealed class HazardPhoto
{
    public long Id { get; set; }
    public long HazardId { get; set; }
    public HazardPhotoStage Stage { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}
