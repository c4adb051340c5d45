using System.Text.RegularExpressions;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Linli.Web.Components.Pages.Cases;

/// <summary>One problem shown on the form: the control it belongs to (the id its message sits under) and the text.</summary>
public sealed record FieldError(string TargetId, string Message);

/// <summary>
/// Turns intake's field-named errors (English, for API clients) into messages in the resident's language, each attached to
/// the control that can fix it. A message the page does not know is shown as intake wrote it, never dropped.
/// </summary>
public static partial class ReportErrors
{
    /// <summary>Where place errors point: the building search works with and without the map.</summary>
    public const string PlaceId = "building-query";

    [GeneratedRegex(@"\d[\d,]*")]
    private static partial Regex Number();

    [GeneratedRegex(@"^photos\[(\d+)\]$")]
    private static partial Regex PhotoIndex();

    public static FieldError Localize(SubmissionError error, CategoryDto? category, IStringLocalizer<ResidentResource> r)
    {
        var (field, message) = (error.Field, error.Message);
        if (field.StartsWith("attributes.", StringComparison.Ordinal) && category is not null)
        {
            return Question(field["attributes.".Length..], message, category, r);
        }

        if (field == "photos" || PhotoIndex().IsMatch(field))
        {
            return new("photos", Photo(field, message, r));
        }

        return field switch
        {
            "category" => new("category", message.StartsWith("is required", StringComparison.Ordinal) ? r["Report.Error.CategoryRequired"] : r["Report.Error.CategoryUnknown"]),
            "email" => new("email", r["Report.Error.Email"]),
            "phone" => new("phone", r["Report.Error.Phone"]),
            "buildingCode" => new(PlaceId, r["Report.Error.BuildingUnknown"]),
            "location" or "latitude" or "longitude" => new(PlaceId, message.Contains("outside", StringComparison.Ordinal) ? r["Report.Error.Outside"] : r["Report.Error.NoPlace"]),
            "clientRequestKey" => new("submit", r["Report.Error.AlreadySent"]),
            "description" or "address" or "name" => new(field, Text(r["Report.Label." + field], message, r)),
            _ => new("submit", message),
        };
    }

    private static FieldError Question(string code, string message, CategoryDto category, IStringLocalizer<ResidentResource> r)
    {
        var question = category.Attributes.FirstOrDefault(a => a.Code == code);
        if (question is null)
        {
            return new("category", message);
        }

        var id = ReportForm.FieldId(category.Code, code) + (question.Datatype is "singlevaluelist" or "multivaluelist" ? "-0" : "");
        var label = Bilingual.Pick(question.Description);
        var text = message switch
        {
            _ when message.StartsWith("is required", StringComparison.Ordinal) => r["Report.Error.Answer", label],
            "must be a number" => r["Report.Error.AnswerNumber", label],
            _ when message.StartsWith("must be a date", StringComparison.Ordinal) => r["Report.Error.AnswerDatetime", label],
            _ when message.StartsWith("must be one of", StringComparison.Ordinal) || message == "takes one value" => r["Report.Error.AnswerChoice", label],
            _ => Text(label, message, r),
        };
        return new(id, text);
    }

    private static string Photo(string field, string message, IStringLocalizer<ResidentResource> r)
    {
        var match = PhotoIndex().Match(field);
        var which = match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1 : 0;
        var limit = Number().Match(message).Value;
        return message switch
        {
            _ when message.StartsWith("at most", StringComparison.Ordinal) => r["Report.Error.PhotoCount", limit],
            _ when message.Contains("MB", StringComparison.Ordinal) => r["Report.Error.PhotoSize", which, limit],
            _ when message.StartsWith("not an image", StringComparison.Ordinal) => r["Report.Error.PhotoType", which],
            _ => message,
        };
    }

    /// <summary>The three ways free text is refused: missing, too long, or markup.</summary>
    private static string Text(string label, string message, IStringLocalizer<ResidentResource> r) => message switch
    {
        _ when message.StartsWith("is required", StringComparison.Ordinal) => r["Report.Error.Required", label],
        _ when message.StartsWith("is at most", StringComparison.Ordinal) => r["Report.Error.TooLong", label, Number().Match(message).Value],
        _ when message.Contains("plain text", StringComparison.Ordinal) => r["Report.Error.Html", label],
        _ => $"{label}: {message}",
    };
}
