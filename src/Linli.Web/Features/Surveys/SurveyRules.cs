using Linli.Web.Infrastructure.Problems;

namespace Linli.Web.Features.Surveys;

/// <summary>The limits of surveys and the one text rule: trimmed, HTML tags and control characters stripped, length-limited.</summary>
public static class SurveyRules
{
    public const int TitleMax = 120;
    public const int DescriptionMax = 1000;
    public const int QuestionMax = 300;
    public const int OptionMax = 80;
    public const int FreeTextMax = 500;
    public const int PlanMax = 2000;
    public const int MaxQuestions = 30;
    public const int MinOptions = 2;
    public const int MaxOptions = 12;

    /// <summary>The per-network rate limit on answering (RateLimits.cs).</summary>
    public const string AnswersRateLimit = "survey-answers";

    /// <summary>Below this many responses or answers, a count or figure is not shown publicly (nor per area).</summary>
    public const int SmallestShownCount = 5;

    /// <summary>The cleaned text, or null when blank; refused (naming <paramref name="field"/>) when required and blank, or too long.</summary>
    public static string? Text(string field, string? value, int max, bool required) =>
        FieldRules.Text(field, PlainText.Clean(value), max, required);
}
