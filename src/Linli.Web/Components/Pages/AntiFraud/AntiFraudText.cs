using Linli.Web.Features.AntiFraud.Alerts;
using Linli.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Linli.Web.Components.Pages.AntiFraud;

/// <summary>The refusals of the alert, visit and event checks (English, for the API) in the page's language, by field.</summary>
public static class AntiFraudText
{
    public const string Form = "form";

    public static Dictionary<string, string> Errors(AlertRejectedException refused, IStringLocalizer<AntiFraudResource> f) =>
        refused.Errors.GroupBy(e => e.Field).ToDictionary(
            g => g.Key,
            g => f["Error." + g.Key] is { ResourceNotFound: false } text ? text.Value : g.First().Message);

    public static string Risk(IStringLocalizer<AntiFraudResource> f, string risk) => f["Risk." + risk];
}
