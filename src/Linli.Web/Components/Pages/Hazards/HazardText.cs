using Linli.Web.Features.Cases.Intake;
using Linli.Web.Infrastructure.Problems;
using Linli.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Linli.Web.Components.Pages.Hazards;

/// <summary>The hazard checks' refusals (English, for the API) in the page's language, by the form field they belong next to.</summary>
public static class HazardText
{
    public const string Form = "form";

    public static Dictionary<string, string> Errors(SubmissionRejectedException refused, IStringLocalizer<HazardsResource> h) =>
        refused.Errors.GroupBy(e => FieldOf(e.Field)).ToDictionary(
            g => g.Key,
            g => h["Error." + g.Key] is { ResourceNotFound: false } text ? text.Value : g.First().Message);

    public static Dictionary<string, string> Errors(DomainRuleException refused, IStringLocalizer<HazardsResource> h) => new()
    {
        [refused.StatusCode == StatusCodes.Status400BadRequest ? FieldOf(refused.Field) : Form] = refused.StatusCode switch
        {
            StatusCodes.Status403Forbidden => h["Error.NotAllowed"],
            StatusCodes.Status409Conflict => h["Error.Conflict"],
            _ => h["Error." + FieldOf(refused.Field)] is { ResourceNotFound: false } text ? text.Value : refused.Message,
        },
    };

    /// <summary>"photos[1]" belongs next to the photos field.</summary>
    private static string FieldOf(string field) => field.Split('[')[0];
}
