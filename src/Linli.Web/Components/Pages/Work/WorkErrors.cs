using Linli.Web.Features.Cases.Intake;
using Linli.Web.Infrastructure.Problems;
using Linli.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Linli.Web.Components.Pages.Work;

/// <summary>
/// Turns the workflow's and intake's refusals (English, for the API) into messages in the page's language, keyed by
/// the form field they belong next to. What has no field of its own goes under <see cref="Form"/>.
/// </summary>
public static class WorkErrors
{
    public const string Form = "form";

    public static Dictionary<string, string> From(DomainRuleException refused, IStringLocalizer<WorkResource> w) => new()
    {
        [refused.Field switch
        {
            "note" => "note",
            "departmentCode" or "role" or "nodeCode" => "dispatch",
            var f when f.StartsWith("photos", StringComparison.Ordinal) => "photos",
            _ => Form,
        }] = refused.Field switch
        {
            "note" => w["Error.Note"],
            "departmentCode" or "role" or "nodeCode" => w["Error.Dispatch"],
            var f when f.StartsWith("photos", StringComparison.Ordinal) => w["Error.Photos"],
            _ when refused.StatusCode == StatusCodes.Status403Forbidden => w["Error.NotAllowed"],
            _ when refused.StatusCode == StatusCodes.Status409Conflict => w["Error.Conflict"],
            _ => refused.Message,
        },
    };

    /// <summary>One message per field of the report form; questions are keyed "attributes.code", photos "photos".</summary>
    public static Dictionary<string, string> From(SubmissionRejectedException refused, IStringLocalizer<WorkResource> w)
    {
        var errors = new Dictionary<string, string>();
        foreach (var error in refused.Errors)
        {
            var field = error.Field switch
            {
                var f when f.StartsWith("photos", StringComparison.Ordinal) => "photos",
                "latitude" or "longitude" or "buildingCode" => "location",
                "clientRequestKey" or "body" or "source" => Form,
                var f => f,
            };
            var message = field switch
            {
                "category" or "description" or "location" or "address" or "name" or "email" or "phone" or "photos" => w["Error.Report." + field],
                var f when f.StartsWith("attributes.", StringComparison.Ordinal) => w["Error.Report.answer"],
                _ => error.Message,
            };
            errors.TryAdd(field, message);
        }

        return errors;
    }

    /// <summary>The checks of a note the page makes itself, so the message is in the reader's language.</summary>
    public static string? CheckNote(string? note, bool required, IStringLocalizer<WorkResource> w)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            return required ? w["Error.NoteRequired"].Value : null;
        }

        return note.Length > 4000 || SubmissionRules.LooksLikeHtml(note) ? w["Error.Note"].Value : null;
    }
}
