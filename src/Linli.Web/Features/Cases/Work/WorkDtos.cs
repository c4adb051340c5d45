namespace Linli.Web.Features.Cases.Work;

public sealed record WorkItem(
    long Number, CategoryRef Category, string State, string Description, string? Address, string GridCode, DateTimeOffset ReportedAt,
    DateTimeOffset? DueAt, bool Overdue, int EscalationLevel, string? AssignedTo);

public sealed record ReporterContact(string? Name, string? Email, string? Phone, bool Anonymous);

public sealed record WorkEvent(DateTimeOffset At, string Kind, string? FromState, string State, string? ActorName, string? ActorRole, string? Note, bool Public, string? To);

public sealed record WorkPhoto(long Id, string Stage, int Width, int Height);

public sealed record WorkAnswer(string Code, IReadOnlyList<string> Values);

/// <summary>A case as staff see it. <see cref="Reporter"/> is filled only for the case's handlers, and each such read is audited.</summary>
public sealed record WorkCase(
    long Number, CategoryRef Category, bool ResolutionNeedsPhoto, string Description, IReadOnlyList<WorkAnswer> Answers, string State, string Source,
    double Latitude, double Longitude, string? Address, string GridCode, string? BuildingCode,
    string? AssignedDepartment, string? AssignedRole, string? AssignedNode,
    DateTimeOffset ReportedAt, DateTimeOffset? DispatchedAt, DateTimeOffset? RespondedAt, DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt,
    DateTimeOffset RespondBy, DateTimeOffset ResolveBy, DateTimeOffset? DueAt, bool Overdue, int EscalationLevel, long? DuplicateOf,
    int? RatingStars, bool? RatingSolved, string? RatingComment,
    ReporterContact? Reporter, bool ReporterHidden, IReadOnlyList<WorkEvent> Events, IReadOnlyList<WorkPhoto> Photos, IReadOnlyList<string> AllowedActions);

/// <summary>An action's body. <see cref="RequestKey"/> (or the Idempotency-Key header) makes a resent action apply once.</summary>
public sealed record ActionRequest(string? Note = null, bool Public = true, string? DepartmentCode = null, string? Role = null, string? NodeCode = null, string? RequestKey = null);

public sealed record MergeRequest(long Into, string? Note = null);

/// <summary>The deadline a case is working towards now: to respond before acceptance, to resolve after.</summary>
public static class Deadlines
{
    public static DateTimeOffset? DueAt(CaseState state, DateTimeOffset respondBy, DateTimeOffset resolveBy) => state switch
    {
        CaseState.New or CaseState.Dispatched or CaseState.Returned => respondBy,
        CaseState.Accepted or CaseState.InProgress or CaseState.Reopened => resolveBy,
        _ => null,
    };
}
