namespace Linli.Web.Features.Surveys;

public enum SurveyKind
{
    /// <summary>Any number of questions of any kind.</summary>
    Survey,

    /// <summary>One ranking or single-choice question ("your top safety concern here?"), ranked per area, answered by a unit's plan.</summary>
    PriorityVote,
}

public enum QuestionKind { SingleChoice, MultipleChoice, Scale, Ranking, FreeText }

/// <summary>What a 1–5 scale question measures for the quarterly indices; None for any other question.</summary>
public enum IndexTag { None, SenseOfSecurity, Satisfaction }

/// <summary>Where a survey is in its life; derived from the stored dates, never stored.</summary>
public enum SurveyPhase { Draft, Scheduled, Open, Closed }

/// <summary>
/// A survey or priority vote for the verified residents of a node (its audience). Built as a draft, then published
/// with a schedule (opens, closes); closing early moves <see cref="ClosesAt"/> to now.
/// </summary>
public sealed class Survey
{
    public int Id { get; set; }
    public SurveyKind Kind { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public int NodeId { get; set; }

    /// <summary>A copy of the audience node's path: respondents are residents with a household linked under it.</summary>
    public required string NodePath { get; set; }

    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }

    /// <summary>Null while a draft; questions are frozen once published.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Publish the aggregate results to everyone once closed (never the free-text answers).</summary>
    public bool IsPublic { get; set; }

    public Guid? CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<SurveyQuestion> Questions { get; set; } = [];

    public SurveyPhase PhaseAt(DateTimeOffset now) =>
        PublishedAt is null ? SurveyPhase.Draft : now < OpensAt ? SurveyPhase.Scheduled : now < ClosesAt ? SurveyPhase.Open : SurveyPhase.Closed;
}

public sealed class SurveyQuestion
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public int Position { get; set; }
    public QuestionKind Kind { get; set; }
    public required string Text { get; set; }
    public bool Required { get; set; }
    public IndexTag Tag { get; set; }
    public List<SurveyOption> Options { get; set; } = [];
}

public sealed class SurveyOption
{
    public int Id { get; set; }
    public int QuestionId { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
}

/// <summary>"Has responded": no answers, no time — only so that each verified resident responds once.</summary>
public sealed class SurveyRespondent
{
    public int SurveyId { get; set; }
    public Guid UserId { get; set; }
}

/// <summary>
/// One anonymous response: a random id (so row order says nothing), no account, only the day, and the area
/// (the audience's child node holding the respondent's household) for per-area results and indices.
/// </summary>
public sealed class SurveyResponse
{
    public Guid Id { get; set; }
    public int SurveyId { get; set; }
    public DateOnly Day { get; set; }
    public required string AreaPath { get; set; }
    public List<SurveyAnswer> Answers { get; set; } = [];
}

/// <summary>
/// One answer row: a chosen option (single or multiple choice), an option and its rank (ranking: 1 = first),
/// a value 1–5 (scale), or a text (free text, shown to staff only).
/// </summary>
public sealed class SurveyAnswer
{
    public long Id { get; set; }
    public Guid ResponseId { get; set; }
    public int QuestionId { get; set; }
    public int? OptionId { get; set; }
    public int? Value { get; set; }
    public string? Text { get; set; }
}

/// <summary>
/// The responsible unit's published plan against a closed priority vote's top concern: a department or the office
/// at a tree node (street office, community committee), like the feedback units, but with its own columns.
/// </summary>
public sealed class SurveyPlan
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public int? DepartmentId { get; set; }
    public int? UnitNodeId { get; set; }
    public required string UnitName { get; set; }
    public required string Concern { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public Guid? PublishedByUserId { get; set; }
    public List<SurveyPlanReport> Reports { get; set; } = [];
}

/// <summary>A dated report-back on a plan: what was done since.</summary>
public sealed class SurveyPlanReport
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public DateOnly Day { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset PostedAt { get; set; }
    public Guid? PostedByUserId { get; set; }
}
