using System.Globalization;
using Linli.Web.Features.FollowUps;
using Linli.Web.Features.Rates;

namespace Linli.Web.Components.Pages.FollowUps;

/// <summary>How the satisfaction pages write a figure: a percentage with its parts, or a dash when nothing was rated.</summary>
public static class SatisfactionFigures
{
    public static string Percent(int numerator, int denominator) =>
        denominator == 0 ? "—" : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(100.0 * numerator / denominator)}% ({numerator}/{denominator})");

    public static string Rate(RatingFigure f) => Percent(f.Satisfied, f.Ratings);

    public static string Average(RatingFigure f) => f.AverageStars?.ToString("0.00", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>The width of a bar for a satisfaction rate, in rem (10 at 100%).</summary>
    public static string BarWidth(RatingFigure f) =>
        f.Ratings == 0 ? "0" : (10.0 * f.Satisfied / f.Ratings).ToString("0.##", CultureInfo.InvariantCulture);

    public static readonly (string Value, string Label)[] Periods =
        [("this-month", "Sat.ThisMonth"), ("last-month", "Sat.LastMonth"), ("last-90-days", "Sat.Last90")];

    public static string PresetOrDefault(string? period) =>
        RatePeriods.PresetNamed(period) is { } p and not PeriodPreset.Custom ? RatePeriods.NameOf(p) : "last-90-days";
}
