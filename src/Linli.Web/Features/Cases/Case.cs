using Linli.Web.Features.Departments;
using Linli.Web.Features.People;
using Linli.Web.Features.Tree;

namespace Linli.Web.Features.Cases;

/// <summary>Where a case is in its life. The allowed moves between them are in <see cref="Lifecycle.CaseStateMachine"/>.</summary>
public enum CaseState
{
    New,
    Dispatched,
    Accepted,
    InProgress,
    Resolved,
    Verified,
    Closed,
    Returned,
    Reopened,
    Cancelled,
    Duplicate,
}

/// <summary>How the case reached Linli.</summary>
public enum CaseSource
{
    Web,
    Api,
    Open311,
    Staff,
    Patrol,

    /// <summary>Filed by a volunteer for their association (counted per association and month).</summary>
    Volunteer,
}

/// <summary>
/// A reported problem at a place, handled to closure. It holds the reporter's contact only for the handlers (and for
/// notifications); the public sees the place, the problem and the progress.
/// </summary>
public sealed class Case
{
    public long Id { get; set; }

    /// <summary>The reporter's secret follow-up code: it opens the public case page and lets them verify, reopen and rate.</summary>
    public required string Receipt { get; set; }

    public int CategoryId { get; set; }
    public CaseCategory? Category { get; set; }
    public required string Description { get; set; }
    public List<CaseAnswer> Answers { get; set; } = [];
    public CaseSource Source { get; set; }
    public CaseState State { get; set; }

    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public string? Address { get; set; }
    public int GridNodeId { get; set; }
    public TreeNode? GridNode { get; set; }

    /// <summary>The grid's tree path, copied so "cases in my subtree" is one prefix test.</summary>
    public required string GridPath { get; set; }

    public string? BuildingCode { get; set; }

    public Guid? ReporterUserId { get; set; }
    public string? ReporterName { get; set; }
    public string? ReporterEmail { get; set; }
    public string? ReporterPhone { get; set; }

    /// <summary>Shown to the public as "a resident" whatever the name; handlers still see the contact.</summary>
    public bool ReporterAnonymous { get; set; }

    /// <summary>Staff member who filed it on a resident's behalf or from a patrol.</summary>
    public Guid? FiledByUserId { get; set; }

    /// <summary>The volunteer association a volunteer filed it for (source <see cref="CaseSource.Volunteer"/>).</summary>
    public int? VolunteerAssociationId { get; set; }

    public int? AssignedDepartmentId { get; set; }
    public Department? AssignedDepartment { get; set; }
    public StaffRole? AssignedRole { get; set; }

    /// <summary>The node where <see cref="AssignedRole"/> is held: the grid itself or the nearest ancestor with someone in that role.</summary>
    public int? AssignedNodeId { get; set; }
    public TreeNode? AssignedNode { get; set; }

    /// <summary>The handler who accepted the case.</summary>
    public Guid? HandlerUserId { get; set; }

    public DateTimeOffset ReportedAt { get; set; }
    public DateTimeOffset? DispatchedAt { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Before dispatch, the time by which it must be dispatched; from dispatch, by which the handler must accept.</summary>
    public DateTimeOffset RespondBy { get; set; }
    public DateTimeOffset ResolveBy { get; set; }

    /// <summary>0 = at its handler; 1 = community, 2 = street, 3 = district (and the department's supervisor).</summary>
    public int EscalationLevel { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }

    public long? DuplicateOfId { get; set; }

    public int? RatingStars { get; set; }
    public bool? RatingSolved { get; set; }
    public string? RatingComment { get; set; }
    public DateTimeOffset? RatedAt { get; set; }

    /// <summary>Hash of the client's request key and of what it sent, so a retry returns the same case and nothing else does.</summary>
    public string? ClientRequestKey { get; set; }
    public string? RequestFingerprint { get; set; }

    /// <summary>Open311 token (GET /tokens/{token}); it is not the receipt, which stays the reporter's secret.</summary>
    public string? Open311Token { get; set; }
    public string? Open311ApiKeyName { get; set; }

    /// <summary>Optimistic concurrency: two handlers or two escalation runs cannot both move the case from the same state.</summary>
    public int Version { get; set; }

    public List<CaseEvent> Events { get; set; } = [];
    public List<CasePhoto> Photos { get; set; } = [];
    public List<CaseFollower> Followers { get; set; } = [];

    public bool IsOpen => State is not (CaseState.Closed or CaseState.Cancelled or CaseState.Duplicate);
}

/// <summary>An answer to one of the category's questions; lists have several values.</summary>
public sealed class CaseAnswer
{
    public required string Code { get; set; }
    public List<string> Values { get; set; } = [];
}
