namespace Linli.Web.Features.Surveys;

/// <summary>A new draft: kind <c>survey</c> or <c>priority-vote</c>, the audience node, the schedule in China days (closes at the end of <c>closesOn</c>).</summary>
public sealed record CreateSurveyRequest(string? Title, string? Description, string? Kind, string? NodeCode, DateOnly? OpensOn, DateOnly? ClosesOn, bool? IsPublic);

/// <summary>Changes to a draft; a null field keeps its value.</summary>
public sealed record UpdateSurveyRequest(string? Title, string? Description, DateOnly? OpensOn, DateOnly? ClosesOn, bool? IsPublic);

/// <summary>A question: kind <c>single-choice</c>, <c>multiple-choice</c>, <c>scale</c> (1–5), <c>ranking</c> or <c>free-text</c>; tag only for scales.</summary>
public sealed record AddQuestionRequest(string? Kind, string? Text, bool? Required, IReadOnlyList<string>? Options, string? Tag);

/// <summary>
/// One answer: <c>optionId</c> (single choice), <c>optionIds</c> (multiple choice), <c>value</c> 1–5 (scale),
/// <c>ranking</c> (every option id, first choice first), or <c>text</c> (free text).
/// </summary>
public sealed record AnswerRequest(int QuestionId, int? OptionId, IReadOnlyList<int>? OptionIds, int? Value, IReadOnlyList<int>? Ranking, string? Text);

public sealed record ResponseRequest(IReadOnlyList<AnswerRequest>? Answers);

/// <summary>The responsible unit: a department (<c>departmentCode</c>) or the office at a node (<c>unitNodeCode</c>, the audience node or above).</summary>
public sealed record PlanRequest(string? UnitNodeCode, string? DepartmentCode, string? Text);

public sealed record PlanReportRequest(string? Text);

public sealed record OptionDto(int Id, string Text);

public sealed record QuestionDto(int Id, string Kind, string Text, bool Required, string? Tag, IReadOnlyList<OptionDto> Options);

/// <summary>A survey in a list. <see cref="YouMayRespond"/> and <see cref="YouResponded"/> are for the signed-in resident.</summary>
public sealed record SurveySummary(
    int Id, string Kind, string Title, string NodeCode, string NodeName, string Phase, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
    bool IsPublic, bool? YouMayRespond, bool? YouResponded);

/// <summary>
/// A survey as anyone may see it (drafts only to those who run surveys over it): the questions, whether the signed-in
/// resident may or did respond, the public aggregates once closed (if public), and a priority vote's plan.
/// </summary>
public sealed record SurveyDto(
    int Id, string Kind, string Title, string? Description, string NodeCode, string NodeName, string Phase,
    DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool IsPublic, IReadOnlyList<QuestionDto> Questions,
    bool? YouMayRespond, bool? YouResponded, SurveyResultsDto? PublicResults, PlanDto? Plan);

/// <summary>An option's figures: count and share of those who answered; Borda points and rank for ranking questions.</summary>
public sealed record OptionResultDto(int Id, string Text, int Count, double Share, int? Points, int Rank);

/// <summary>A question's figures. <see cref="Texts"/> (free-text answers) only in staff results, never public.</summary>
public sealed record QuestionResultDto(int Id, string Kind, string Text, string? Tag, int Answered, IReadOnlyList<OptionResultDto> Options, double? Mean, IReadOnlyList<string>? Texts);

/// <summary>A priority vote's ranking in one area; suppressed (no figures) under <see cref="SurveyRules.SmallestShownCount"/> responses.</summary>
public sealed record AreaResultDto(string Code, string Name, int? Responses, bool Suppressed, IReadOnlyList<OptionResultDto>? Ranking);

/// <summary>Aggregates. <see cref="Suppressed"/>: too few responses to publish (public view only); then no figures are given.</summary>
public sealed record SurveyResultsDto(int? Responses, bool Suppressed, IReadOnlyList<QuestionResultDto> Questions, IReadOnlyList<AreaResultDto>? Areas);

public sealed record PlanReportDto(DateOnly Day, string Text);

public sealed record PlanDto(string UnitName, string Concern, string Text, DateTimeOffset PublishedAt, IReadOnlyList<PlanReportDto> Reports);

/// <summary>An index for an area and quarter, 0–100; null and suppressed under <see cref="SurveyRules.SmallestShownCount"/> answers.</summary>
public sealed record IndexFigure(int? Answers, double? Value, bool Suppressed);

public sealed record AreaIndexDto(string Code, string Name, IndexFigure SenseOfSecurity, IndexFigure Satisfaction);

public sealed record IndicesDto(string NodeCode, string NodeName, string Quarter, DateOnly From, DateOnly To, IReadOnlyList<AreaIndexDto> Areas, string Method);
