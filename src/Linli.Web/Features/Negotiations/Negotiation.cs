namespace Linli.Web.Features.Negotiations;

public enum NegotiationState
{
    Open,

    /// <summary>The parties signed an agreement; its follow-up tasks are cases.</summary>
    Agreed,
}

public enum PositionKind
{
    Support,
    Oppose,
    Abstain,
}

/// <summary>
/// A multi-party community issue settled by negotiation (协商) at a node of the tree — a market and a residential
/// complex over a road and an activity space: its parties, meetings, proposals, the agreement and its follow-up cases.
/// </summary>
public sealed class Negotiation
{
    public int Id { get; set; }
    public int NodeId { get; set; }

    /// <summary>A copy of the node's path, so "negotiations in my subtree" is the usual prefix test.</summary>
    public required string NodePath { get; set; }

    public required string Title { get; set; }
    public string? Description { get; set; }
    public NegotiationState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedByUserId { get; set; }
    public string? AgreementText { get; set; }
    public DateOnly? AgreementSignedOn { get; set; }
    public int? AgreementProposalId { get; set; }
    public List<NegotiationParty> Parties { get; set; } = [];
    public List<NegotiationMeeting> Meetings { get; set; } = [];
    public List<NegotiationProposal> Proposals { get; set; } = [];
    public List<NegotiationTask> Tasks { get; set; } = [];
}

/// <summary>A party: a registered partner, or a named group (the owners of a complex, the stallholders of a market).</summary>
public sealed class NegotiationParty
{
    public int Id { get; set; }
    public int NegotiationId { get; set; }
    public int? PartnerId { get; set; }
    public string? GroupName { get; set; }
    public bool SignedAgreement { get; set; }
}

public sealed class NegotiationMeeting
{
    public int Id { get; set; }
    public int NegotiationId { get; set; }
    public DateTimeOffset HeldAt { get; set; }
    public string? Place { get; set; }
    public required string Minutes { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

public sealed class NegotiationProposal
{
    public int Id { get; set; }
    public int NegotiationId { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public int? ProposedByPartyId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<PartyPosition> Positions { get; set; } = [];
}

/// <summary>A party's position on a proposal; recording it again replaces it.</summary>
public sealed class PartyPosition
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public int PartyId { get; set; }
    public PositionKind Position { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A follow-up task of the agreement: a normal case filed through intake, linked here.</summary>
public sealed class NegotiationTask
{
    public int Id { get; set; }
    public int NegotiationId { get; set; }
    public long CaseId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
