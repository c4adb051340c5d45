namespace Linli.Web.Features.Hazards;

/// <summary>A hazard in a staff list: the place by name, no finder.</summary>
public sealed record HazardListItem(
    long Number, string Kind, string Severity, string State, string Description, string NodeCode, string NodeName, string? NodeNameEn,
    string Source, bool NeedsVerification, DateTimeOffset FoundAt, DateTimeOffset Deadline, bool Overdue);

/// <summary>One hazard for staff who see its place; reading it writes an audit entry.</summary>
public sealed record HazardDetail(
    long Number, string Kind, string Severity, string State, string Description, HazardPlaceView Place,
    string Source, string? FoundBy, DateTimeOffset FoundAt, bool NeedsVerification, int? SourceVisitId,
    string? ResponsibleParty, HazardPartnerView? ResponsiblePartner, DateTimeOffset Deadline, bool Overdue,
    DateTimeOffset? RectifiedAt, DateTimeOffset? EliminatedAt, int FailedReinspections,
    IReadOnlyList<HazardPhotoView> Photos, IReadOnlyList<string> AllowedActions, IReadOnlyList<HazardEventView> Timeline);

public sealed record HazardPlaceView(string Code, string Kind, string Name, string? NameEn, double? Latitude, double? Longitude, string? Address);

public sealed record HazardPartnerView(int Id, string Name);

public sealed record HazardPhotoView(long Id, string Stage, string Url);

public sealed record HazardEventView(DateTimeOffset At, string Kind, string? By, string? Note, DateTimeOffset? Deadline);

/// <summary>What the officer workbench shows: hazards still open under the officer's places, and how many are overdue.</summary>
public sealed record HazardOfficerCounts(int Open, int Overdue);
