using System.Globalization;
using System.Text;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Cases;
using Linli.Web.Infrastructure.Time;

namespace Linli.Web.Components.Pages.Cases;

/// <summary>
/// What a resident typed into /report, kept as text so that a refused form comes back exactly as it was sent. Answers
/// are named per category (<c>q.{category}.{question}</c>): the form carries every category's questions, and two
/// categories may ask questions with the same code.
/// </summary>
public sealed class ReportForm
{
    public string? Category { get; set; }
    public string? Description { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? Address { get; set; }
    public string? BuildingCode { get; set; }
    public string? BuildingQuery { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public bool Anonymous { get; set; }

    /// <summary>Rendered into the form, so a double submit or a retry of the same form files one case, with or without script.</summary>
    public string ClientRequestKey { get; set; } = NewRequestKey();

    /// <summary>Answers keyed by <see cref="FieldName"/>.</summary>
    public Dictionary<string, List<string>> Answers { get; } = new(StringComparer.Ordinal);

    public bool HasPin => ParseCoordinate(Latitude) is not null && ParseCoordinate(Longitude) is not null;

    public static string NewRequestKey() => "web-" + Guid.NewGuid().ToString("N");

    public static string FieldName(string category, string question) => $"q.{category}.{question}";

    /// <summary>An id safe in <c>for</c>, <c>href="#…"</c> and CSS, whatever an administrator named the codes.</summary>
    public static string FieldId(string category, string question) => "q-" + Safe(category) + "-" + Safe(question);

    public static string CategoryPanelId(string category) => "questions-" + Safe(category);

    public IReadOnlyList<string> AnswersTo(string category, string question) =>
        Answers.TryGetValue(FieldName(category, question), out var values) ? values : [];

    public static ReportForm Read(IFormCollection form)
    {
        var report = new ReportForm
        {
            Category = form["category"],
            Description = form["description"],
            Latitude = form["latitude"],
            Longitude = form["longitude"],
            Address = form["address"],
            BuildingCode = form["buildingCode"],
            BuildingQuery = form["buildingQuery"],
            Name = form["name"],
            Email = form["email"],
            Phone = form["phone"],
            Anonymous = form["anonymous"].Any(v => v is "true" or "on"),
        };
        if (form["clientRequestKey"].ToString() is { Length: > 0 } key)
        {
            report.ClientRequestKey = key;
        }

        foreach (var name in form.Keys.Where(k => k.StartsWith("q.", StringComparison.Ordinal)))
        {
            report.Answers[name] = [.. form[name].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)];
        }

        return report;
    }

    /// <summary>The submission for <see cref="CaseIntake"/>: only the chosen category's answers, times in China time.</summary>
    public CaseSubmission ToSubmission(CategoryDto? category, IReadOnlyList<IncomingPhoto> photos)
    {
        var answers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var question in category?.Attributes ?? [])
        {
            var values = AnswersTo(category!.Code, question.Code!);
            answers[question.Code!] = question.Datatype == "datetime" ? [.. values.Select(WithChinaOffset)] : values;
        }

        return new CaseSubmission
        {
            Category = Category,
            Description = Description,
            Latitude = ParseCoordinate(Latitude),
            Longitude = ParseCoordinate(Longitude),
            Address = Address,
            BuildingCode = string.IsNullOrWhiteSpace(BuildingCode) ? null : BuildingCode.Trim(),
            Answers = answers,
            Name = Name,
            Email = Email,
            Phone = Phone,
            Anonymous = Anonymous,
            ClientRequestKey = ClientRequestKey,
            Source = CaseSource.Web,
            Photos = photos,
        };
    }

    /// <summary>The hidden coordinates are written by the map script; anything unreadable counts as no pin.</summary>
    public static double? ParseCoordinate(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    /// <summary>A datetime-local input sends "2026-05-01T21:30" without a zone; the residents mean China time.</summary>
    private static string WithChinaOffset(string value) =>
        DateTime.TryParseExact(value, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, ChinaCalendar.Offset).ToString("O", CultureInfo.InvariantCulture)
            : value;

    private static string Safe(string code)
    {
        var text = new StringBuilder(code.Length);
        foreach (var c in code)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return text.ToString();
    }
}
