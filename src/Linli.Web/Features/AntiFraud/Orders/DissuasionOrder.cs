using Linli.Web.Features.Partners;
using Linli.Web.Features.Tree;

namespace Linli.Web.Features.AntiFraud.Orders;

public enum FraudRisk
{
    High,
    Medium,
    Low,
}

/// <summary>Open until someone has visited; visited until a handler closes it (a further visit may follow an "unreachable").</summary>
public enum DissuasionState
{
    Open,
    Visited,
    Closed,
}

public enum VisitOutcome
{
    Dissuaded,
    AlreadyLost,
    NotFraud,
    Unreachable,
}

public enum FollowUpKind
{
    None,

    /// <summary>The bank checks again at the person's next transaction.</summary>
    NextTransactionCheck,

    /// <summary>A call later, on <see cref="DissuasionOrder.FollowUpOn"/>.</summary>
    CallBack,
}

/// <summary>
/// A dissuasion order (劝阻单): a fraud-risk alert from an alliance partner, routed to its community's workers and police
/// officer, who visit the person. It holds only what the alert form asks for — name, phone, unit or address, what was
/// seen, the amount — and those personal fields are erased once the order has been closed long enough.
/// </summary>
public sealed class DissuasionOrder
{
    public long Id { get; set; }

    public int PartnerId { get; set; }
    public PartnerOrganisation? Partner { get; set; }
    public Guid RaisedByUserId { get; set; }
    public string? RaisedByName { get; set; }
    public DateTimeOffset RaisedAt { get; set; }

    public int CommunityNodeId { get; set; }
    public TreeNode? Community { get; set; }

    /// <summary>The community's tree path: scope checks and escalation read it.</summary>
    public required string CommunityPath { get; set; }

    // The person's fields: null once erased (ErasedAt).
    public string? PersonName { get; set; }
    public string? Phone { get; set; }
    public int? UnitNodeId { get; set; }
    public string? UnitCode { get; set; }
    public string? Address { get; set; }
    public string? Seen { get; set; }

    public FraudRisk Risk { get; set; }

    /// <summary>Whole yuan; null when the partner could not say.</summary>
    public long? AmountAtRisk { get; set; }

    /// <summary>Whether, when raised, the phone (or the name at the same unit or address) matched an earlier order in the community. Kept after erasure so the count stays true.</summary>
    public bool IsRepeatTarget { get; set; }

    public DateTimeOffset DueAt { get; set; }
    public DissuasionState State { get; set; }
    public int EscalationLevel { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }

    public VisitOutcome? Outcome { get; set; }
    public long? MoneyProtected { get; set; }
    public string? Advice { get; set; }
    public FollowUpKind? FollowUp { get; set; }
    public DateOnly? FollowUpOn { get; set; }
    public DateTimeOffset? VisitedAt { get; set; }
    public Guid? VisitedBy { get; set; }
    public string? VisitedByName { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
    public Guid? ClosedBy { get; set; }
    public string? ClosedByName { get; set; }
    public string? CloseNote { get; set; }

    public DateTimeOffset? ErasedAt { get; set; }

    /// <summary>Hash of the form's request key, so a double tap raises one order.</summary>
    public string? ClientRequestKey { get; set; }

    public int Version { get; set; }

    public List<DissuasionEvent> Events { get; set; } = [];
}

public enum DissuasionEventKind
{
    Raised,
    Visited,
    Closed,
    Escalated,
}

/// <summary>One step in an order's history: who, when, what. Visits keep their outcome; nothing personal is repeated here.</summary>
public sealed class DissuasionEvent
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public DateTimeOffset At { get; set; }
    public DissuasionEventKind Kind { get; set; }
    public Guid? ActorUserId { get; set; }
    public string? ActorName { get; set; }
    public string? ActorRole { get; set; }
    public VisitOutcome? Outcome { get; set; }

    /// <summary>For escalations: the code of the node the order was raised to.</summary>
    public string? EscalatedTo { get; set; }
}
