namespace Linli.Web.Features.Care;

/// <summary>
/// A registration. A resident registers the household they linked (<see cref="UnitCode"/> is then ignored); a worker
/// names the unit and records that the household consented orally.
/// </summary>
public sealed record CareEntryRequest(
    string? UnitCode, string? Need, string? ContactName, string? Contact, string? Note, string? ConsentVersion, int? CampaignId = null, bool ConsentGivenOrally = false);

public sealed record CareEntryDto(
    long Id, string UnitCode, string UnitName, string? UnitNameEn, CareNeed Need, string ContactName, string Contact, string? Note,
    int? CampaignId, string? CampaignTitle, DateTimeOffset? ExpiresAt, string ConsentVersion, DateTimeOffset ConsentGivenAt, bool ConsentGivenOrally,
    bool SelfRegistered, DateTimeOffset CreatedAt);

public sealed record HelpRequestBody(string? Kind, string? Note);

/// <summary>A help request as its household sees it.</summary>
public sealed record HelpRequestDto(
    long Id, long EntryId, HelpKind Kind, string? Note, string UnitCode, string UnitName, HelpStatus Status,
    DateTimeOffset RaisedAt, DateTimeOffset? DeliveredAt, DateTimeOffset? ConfirmedAt);

/// <summary>A help request as the chief who delivers sees it: whom to ask for and how to reach them, never why they are registered.</summary>
public sealed record HelpTaskDto(
    long Id, HelpKind Kind, string? Note, string UnitCode, string UnitName, string? UnitNameEn, string ContactName, string Contact, HelpStatus Status,
    DateTimeOffset RaisedAt, DateTimeOffset? DeliveredAt);

/// <summary>Everything the register holds about the caller: their entries and help requests (also their export).</summary>
public sealed record MyCare(IReadOnlyList<CareEntryDto> Entries, IReadOnlyList<HelpRequestDto> HelpRequests, string ConsentVersion);

/// <summary>What a chief (or a community worker doing tasks) has to do: help requests to deliver and the entries open to them now.</summary>
public sealed record CareFieldView(IReadOnlyList<HelpTaskDto> Tasks, IReadOnlyList<CareEntryDto> Entries);

/// <summary>What a confirmation link shows: the help, its unit and whether it was confirmed.</summary>
public sealed record ConfirmationView(HelpKind Kind, string UnitName, string? UnitNameEn, DateTimeOffset? DeliveredAt, DateTimeOffset? ConfirmedAt);
