using Linli.Web.Components.Pages.Cases;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Infrastructure.Problems;
using Linli.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Linli.Web.Components.Pages.SafetyTips;

/// <summary>The refusals of the tip use cases (English, for the API) in the page's language, by the id of the control.</summary>
public static class TipErrors
{
    public static void Add(FormErrors errors, SubmissionRejectedException refused, IStringLocalizer<SafetyTipsResource> t, string prefix = "")
    {
        foreach (var error in refused.Errors)
        {
            errors.Add(prefix + error.Field, Message(error.Field, error.Message, t));
        }
    }

    public static void Add(FormErrors errors, DomainRuleException refused, IStringLocalizer<SafetyTipsResource> t, string formId)
    {
        var message = refused.StatusCode switch
        {
            StatusCodes.Status429TooManyRequests => t[refused.Field == "receipt" ? "Error.TooManyAnswers" : "Error.TooMany"].Value,
            StatusCodes.Status403Forbidden => t["Error.NotAllowed"].Value,
            StatusCodes.Status409Conflict => t["Error.Conflict"].Value,
            StatusCodes.Status404NotFound => t["Error.NotFound"].Value,
            _ => Message(refused.Field, refused.Message, t),
        };
        errors.Add(formId, message);
    }

    private static string Message(string field, string english, IStringLocalizer<SafetyTipsResource> t) =>
        english.Contains("identity card", StringComparison.Ordinal) ? t["Error.IdentityNumber"]
        : t["Error." + field] is { ResourceNotFound: false } text ? text.Value
        : english;
}
