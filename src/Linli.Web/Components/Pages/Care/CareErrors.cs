using Linli.Web.Features.Cases.Intake;
using Linli.Web.Infrastructure.Problems;
using Linli.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Linli.Web.Components.Pages.Care;

/// <summary>The refusals of a care form, as field names and messages in the page's language.</summary>
public static class CareErrors
{
    public static Dictionary<string, string> From(Exception refusal, IStringLocalizer<CareResource> text) => refusal switch
    {
        SubmissionRejectedException s => s.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => Message(g.Key, g.First().Message, text)),
        DomainRuleException d => new() { [d.Field] = Message(d.Field, d.Message, text) },
        _ => throw refusal,
    };

    private static string Message(string field, string fallback, IStringLocalizer<CareResource> text) =>
        text["Error." + field, fallback] is { ResourceNotFound: false } found ? found.Value : fallback;
}
