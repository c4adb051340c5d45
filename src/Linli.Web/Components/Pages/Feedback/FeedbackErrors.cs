using Linli.Web.Components.Pages.Cases;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Infrastructure.Problems;
using Linli.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Linli.Web.Components.Pages.Feedback;

/// <summary>The refusals of the feedback use cases (English, for the API) in the page's language, by the id of the control.</summary>
public static class FeedbackErrors
{
    public static void Add(FormErrors errors, SubmissionRejectedException refused, IStringLocalizer<FeedbackResource> t, string prefix)
    {
        foreach (var error in refused.Errors)
        {
            errors.Add(prefix + error.Field, t["Error." + error.Field] is { ResourceNotFound: false } text ? text.Value : error.Message);
        }
    }

    public static void Add(FormErrors errors, DomainRuleException refused, IStringLocalizer<FeedbackResource> t, string formId, int postsPerDay)
    {
        var message = refused.StatusCode switch
        {
            StatusCodes.Status429TooManyRequests => t["Error.TooMany", postsPerDay].Value,
            StatusCodes.Status403Forbidden => t["Error.NotAllowed"].Value,
            StatusCodes.Status409Conflict => t["Error.Conflict"].Value,
            StatusCodes.Status404NotFound => t["Error.NotFound"].Value,
            _ => t["Error." + refused.Field] is { ResourceNotFound: false } text ? text.Value : refused.Message,
        };
        errors.Add(formId, message);
    }
}
