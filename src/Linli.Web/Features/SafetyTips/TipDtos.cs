namespace Linli.Web.Features.SafetyTips;

/// <summary>
/// A tip as the form and the API send it. The place is a tree node (community, grid, building or unit) or a point; there
/// is no field for a name, an identity document or a photo, and none is accepted.
/// </summary>
public sealed record SubmitTipRequest(
    string? Kind, string? What, string? OccurredOn, string? TimeOfDay, string? NodeCode, double? Latitude, double? Longitude,
    string? WhereNote, int? AssociationId);

/// <summary>Shown once: the receipt is the tipster's only way back to the tip.</summary>
public sealed record SubmittedTip(string Receipt, DateTimeOffset SubmittedAt, string CommunityName, string? CommunityNameEn, string? Station, string? StationEn);

public sealed record FollowUpRequest(string? Receipt);

public sealed record AnswerRequest(string? Receipt, string? Text);

public sealed record TipMessageView(bool FromStation, string Text, DateTimeOffset At);

/// <summary>What the receipt holder sees: their tip, the station's questions and the outcome. No officer names.</summary>
public sealed record TipFollowUpView(
    string Kind, string What, DateOnly OccurredOn, string? TimeOfDay, string PlaceName, string? PlaceNameEn, DateTimeOffset SubmittedAt,
    string Status, string? Outcome, string? OutcomeNote, bool QuestionOpen, bool LinkedToCase, DateTimeOffset? DeletesAt, IReadOnlyList<TipMessageView> Messages);

public sealed record AskRequest(string? Text);

public sealed record OutcomeRequest(string? Outcome, string? Note);

/// <summary>Either an existing case number, or a new case to file through intake (category, description, optional building).</summary>
public sealed record LinkCaseRequest(long? CaseNumber, string? Category, string? Description, string? BuildingCode);

public sealed record TipInboxItem(
    long Id, string Kind, DateTimeOffset SubmittedAt, string PlaceName, string? PlaceNameEn, string? Station, string? StationEn,
    string Status, string? Outcome, bool QuestionOpen, bool AwaitingStation, long? LinkedCaseId, DateTimeOffset? DeletesAt, bool ExpiringSoon);

public sealed record TipDetail(
    long Id, string Kind, string What, DateOnly OccurredOn, string? TimeOfDay, string PlaceCode, string PlaceName, string? PlaceNameEn,
    string CommunityName, string? CommunityNameEn, double? Latitude, double? Longitude, string? WhereNote, string? Station, string? StationEn,
    DateTimeOffset SubmittedAt, DateTimeOffset? TriagedAt, string Status, string? Outcome, string? OutcomeNote, DateTimeOffset? OutcomeAt,
    bool QuestionOpen, bool AwaitingStation, long? LinkedCaseId, DateTimeOffset? DeletesAt, bool ExpiringSoon, IReadOnlyList<TipMessageView> Messages);

/// <summary>The counts for the officer workbench.</summary>
public sealed record TipCounts(int New, int AwaitingReply);

public sealed record TipStatsRow(string Key, string Name, string? NameEn, IReadOnlyList<int> Counts, int Total);

/// <summary>Public monthly counts: per district and per volunteer association, months oldest first (China time).</summary>
public sealed record TipStats(IReadOnlyList<string> Months, IReadOnlyList<int> Totals, IReadOnlyList<TipStatsRow> Districts, IReadOnlyList<TipStatsRow> Associations);

/// <summary>The status words the API answers and the pages translate.</summary>
public static class TipStatus
{
    public const string New = "new";
    public const string AwaitingTipster = "awaitingTipster";
    public const string AwaitingStation = "awaitingStation";
    public const string InReview = "inReview";
    public const string Closed = "closed";

    public static string Of(DateTimeOffset? triagedAt, TipOutcome? outcome, bool questionOpen, bool awaitingStation) =>
        outcome == TipOutcome.Closed ? Closed
        : awaitingStation ? AwaitingStation
        : questionOpen ? AwaitingTipster
        : triagedAt is null ? New
        : InReview;
}
