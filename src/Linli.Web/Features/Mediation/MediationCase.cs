namespace Linli.Web.Features.Mediation;

public enum DisputeKind
{
    Noise,
    WaterLeak,
    Parking,
    PropertyBoundary,
    Pets,
    FamilyNeighbour,
    Other,
}

/// <summary>A dispute runs sessions to an outcome; a potential conflict is the lighter record of one defused before it became a dispute.</summary>
public enum MediationType
{
    Dispute,
    PotentialConflict,
}

public enum MediationOutcome
{
    Reconciled,
    Referred,
    Failed,
}

/// <summary>What the check some days after a reconciliation found.</summary>
public enum FollowUpResult
{
    Held,
    Relapsed,
}

public enum MediatorCapacity
{
    CommunityWorker,
    Officer,

    /// <summary>A signed-in resident named by staff for this mediation only: it is their only way in.</summary>
    Volunteer,
}

/// <summary>
/// A neighbour conflict mediated at a community or a place below it (矛盾纠纷调解): a short neutral summary, the
/// households involved, the mediators, the sessions, the agreement and the outcome, then a follow-up check.
/// </summary>
public sealed class MediationCase
{
    public int Id { get; set; }
    public MediationType Type { get; set; }
    public DisputeKind Kind { get; set; }
    public int NodeId { get; set; }

    /// <summary>A copy of the node's path, so "mediations in my subtree" is the usual prefix test.</summary>
    public required string NodePath { get; set; }

    public required string Summary { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public Guid? OpenedByUserId { get; set; }

    public MediationOutcome? Outcome { get; set; }
    public DateTimeOffset? OutcomeAt { get; set; }
    public string? AgreementText { get; set; }

    /// <summary>Set when the outcome is a reconciliation: when the mediators check that it held.</summary>
    public DateTimeOffset? FollowUpDueAt { get; set; }
    public FollowUpResult? FollowUp { get; set; }
    public DateTimeOffset? FollowUpAt { get; set; }
    public string? FollowUpNote { get; set; }

    public List<MediationParty> Parties { get; set; } = [];
    public List<MediationMediator> Mediators { get; set; } = [];
    public List<MediationSession> Sessions { get; set; } = [];

    public bool IsOpen => Outcome is null;
}

/// <summary>A household party: its unit, and if given one contact name and one phone (reading them is audited).</summary>
public sealed class MediationParty
{
    public int Id { get; set; }
    public int MediationId { get; set; }
    public int UnitNodeId { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
}

public sealed class MediationMediator
{
    public int Id { get; set; }
    public int MediationId { get; set; }
    public Guid UserId { get; set; }
    public MediatorCapacity Capacity { get; set; }
    public DateTimeOffset NamedAt { get; set; }
}

public sealed class MediationSession
{
    public int Id { get; set; }
    public int MediationId { get; set; }
    public DateTimeOffset HeldAt { get; set; }
    public string? Place { get; set; }
    public required string Notes { get; set; }

    /// <summary>The parties (by id) who attended.</summary>
    public List<int> AttendedPartyIds { get; set; } = [];

    public DateTimeOffset RecordedAt { get; set; }
}
