namespace Linli.Web.Features.Negotiations;

public sealed record PartyRequest(int? PartnerId, string? GroupName);

public sealed record OpenNegotiationRequest(string? NodeCode, string? Title, string? Description, List<PartyRequest>? Parties);

public sealed record MeetingRequest(DateTimeOffset? HeldAt, string? Place, string? Minutes);

public sealed record ProposalRequest(string? Title, string? Text, int? ProposedByPartyId);

public sealed record PositionRequest(string? Position, string? Note);

public sealed record AgreementRequest(string? Text, DateOnly? SignedOn, List<int>? PartyIds, int? ProposalId);

/// <summary>A follow-up task of the agreement, filed as a case at a building of the negotiation's area.</summary>
public sealed record TaskRequest(string? Category, string? Description, string? BuildingCode);

public sealed record PartyDto(int Id, int? PartnerId, string Name, bool SignedAgreement);

public sealed record MeetingDto(int Id, DateTimeOffset HeldAt, string? Place, string Minutes);

public sealed record PositionDto(int PartyId, string Position, string? Note, DateTimeOffset RecordedAt);

public sealed record ProposalDto(int Id, string Title, string Text, int? ProposedByPartyId, DateTimeOffset CreatedAt, IReadOnlyList<PositionDto> Positions);

public sealed record TaskDto(long CaseNumber, string Category, string Description, string State, DateTimeOffset CreatedAt);

public sealed record NegotiationDto(
    int Id, string NodeCode, string NodeName, string Title, string? Description, string State, DateTimeOffset CreatedAt,
    IReadOnlyList<PartyDto> Parties, IReadOnlyList<MeetingDto> Meetings, IReadOnlyList<ProposalDto> Proposals,
    string? AgreementText, DateOnly? AgreementSignedOn, int? AgreementProposalId, IReadOnlyList<TaskDto> Tasks);

public sealed record NegotiationListItem(int Id, string NodeCode, string NodeName, string Title, string State, int Parties, int Tasks, DateTimeOffset CreatedAt);
