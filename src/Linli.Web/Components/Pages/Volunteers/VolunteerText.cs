using Linli.Web.Infrastructure.Problems;
using Linli.Web.Infrastructure.Time;
using Linli.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Linli.Web.Components.Pages.Volunteers;

/// <summary>How the volunteer pages word a refusal and read the times people type (China time).</summary>
public static class VolunteerText
{
    /// <summary>A localized sentence for the refused field, or the rule's own (English) wording when there is none.</summary>
    public static string Refusal(IStringLocalizer<VolunteerResource> v, DomainRuleException e) =>
        v["Error." + e.Field] is { ResourceNotFound: false } text ? text.Value : e.Message;

    /// <summary>A <c>datetime-local</c> value ("2026-11-24T19:00") read as China Standard Time.</summary>
    public static DateTimeOffset? ChinaTime(string? value) =>
        DateTime.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local)
            ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaCalendar.Offset)
            : null;

    public static string Hours(int? minutes) => minutes is { } m ? (m / 60.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
