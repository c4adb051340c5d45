namespace Linli.Web.Features.Mediation;

/// <summary>A household party: the unit's code, and optionally one contact name and one phone.</summary>
public sealed record PartyRequest(string? UnitCode, string? ContactName, string? ContactPhone);

/// <summary>Opens a dispute, or records a potential conflict (<c>type</c> "potential-conflict").</summary>
public sealed record OpenMediationRequest(string? NodeCode, string? Type, string? Kind, string? Summary, List<PartyRequest>? Parties);

/// <summary>Names a mediator by login: a community worker, the community officer, or a signed-in resident as volunteer mediator.</summary>
public sealed record MediatorRequest(string? Login);

public sealed record SessionRequest(DateTimeOffset? HeldAt, string? Place, string? Notes, List<int>? AttendedPartyIds);

public sealed record OutcomeRequest(string? Outcome, string? AgreementText);

public sealed record FollowUpRequest(string? Result, string? Note);

public sealed record PartyDto(int Id, string UnitCode, string UnitName, string? ContactName, string? ContactPhone);

/// <summary>A mediator; <see cref="Name"/> is null where the reader may not see it (a police reader who is not a mediator here).</summary>
public sealed record MediatorDto(string Capacity, string? Name, bool IsYou);

public sealed record SessionDto(int Id, DateTimeOffset HeldAt, string? Place, string Notes, IReadOnlyList<int> AttendedPartyIds);

public sealed record MediationDto(
    int Id, string Type, string Kind, string NodeCode, string NodeName, string Summary, DateTimeOffset OpenedAt, string State,
    IReadOnlyList<PartyDto> Parties, IReadOnlyList<MediatorDto> Mediators, IReadOnlyList<SessionDto> Sessions,
    string? Outcome, DateTimeOffset? OutcomeAt, string? AgreementText,
    DateTimeOffset? FollowUpDueAt, bool FollowUpDue, string? FollowUp, DateTimeOffset? FollowUpAt, string? FollowUpNote,
    bool CanNameMediators);

/// <summary>A line of the list: no party contacts and no mediator names.</summary>
public sealed record MediationListItem(
    int Id, string Type, string Kind, string NodeCode, string NodeName, string Summary, string State, string? Outcome,
    DateTimeOffset OpenedAt, DateTimeOffset? FollowUpDueAt, bool FollowUpDue, bool Mine);

public sealed record MediationCounts(int DisputesSolved, int PotentialConflictsReconciled);

public sealed record AreaMediationCounts(string Code, string Name, string? NameEn, int DisputesSolved, int PotentialConflictsReconciled);

/// <summary>Public aggregates: reconciled disputes and potential conflicts by the outcome's date, for an area and each area below it.</summary>
public sealed record MediationStatsReport(
    string NodeCode, string NodeName, string? NodeNameEn, DateTimeOffset From, DateTimeOffset To, MediationCounts Total, IReadOnlyList<AreaMediationCounts> Areas, string Definition);

public sealed class MediationOptions
{
    public const string Section = "Mediation";

    /// <summary>Days after a reconciliation at which the follow-up check is due.</summary>
    public int FollowUpDays { get; set; } = 30;
}
