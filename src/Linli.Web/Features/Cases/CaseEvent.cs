namespace Linli.Web.Features.Cases;

public enum CaseEventKind
{
    Reported,
    Dispatched,
    Accepted,
    Started,
    Updated,
    Resolved,
    Verified,
    Closed,
    Returned,
    Reopened,
    Cancelled,
    MarkedDuplicate,
    Merged,
    Escalated,
    Rated,
}

/// <summary>One step in a case's history: who, when, what changed and why. Public events appear on the case page.</summary>
public sealed class CaseEvent
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public DateTimeOffset At { get; set; }
    public CaseEventKind Kind { get; set; }
    public CaseState? FromState { get; set; }
    public CaseState ToState { get; set; }
    public Guid? ActorUserId { get; set; }

    /// <summary>The role the actor acted in ("GridChief@…", "reporter", "system"), never their name on public pages.</summary>
    public string? ActorRole { get; set; }
    public string? ActorName { get; set; }
    public string? Note { get; set; }
    public bool IsPublic { get; set; }

    /// <summary>For escalations: the node or department the case was raised to.</summary>
    public string? EscalatedTo { get; set; }

    /// <summary>Hash of the client's request key for this action, so a replayed action (an offline queue resending it) is applied once.</summary>
    public string? ClientRequestKey { get; set; }
}
