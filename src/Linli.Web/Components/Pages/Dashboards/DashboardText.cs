using System.Globalization;
using Linli.Web.Features.Rates;
using Linli.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Linli.Web.Components.Pages.Dashboards;

/// <summary>How the staff dashboard words a change: an arrow for the eye and a word for everyone (never colour alone).</summary>
public static class DashboardText
{
    /// <summary>"up", "down", "same" or "none" (no base): the CSS class and the word's key.</summary>
    public static string Direction(double? change) => change switch
    {
        null => "none",
        > 0.00005 => "up",
        < -0.00005 => "down",
        _ => "same",
    };

    public static string Arrow(double? change) => Direction(change) switch
    {
        "up" => "▲",
        "down" => "▼",
        "same" => "＝",
        _ => "–",
    };

    /// <summary>"上升 12.5%" / "up 12.5%", or in rate points for rates; "no base" when there is nothing to compare with.</summary>
    public static string Words(double? change, bool points, IStringLocalizer<DashboardsResource> d)
    {
        var direction = Direction(change);
        if (change is not { } c || direction == "none")
        {
            return d["NoBase"];
        }

        if (direction == "same")
        {
            return d["Same"];
        }

        var size = points
            ? d["Points", Math.Abs(Math.Round(c * 100, 1)).ToString(CultureInfo.CurrentCulture)].Value
            : Math.Abs(c).ToString("P1", CultureInfo.CurrentCulture);
        return $"{d[direction == "up" ? "Up" : "Down"]} {size}";
    }

    public static string Percent(RateFigure figure, IStringLocalizer<DashboardsResource> d) =>
        figure.Rate is { } r ? r.ToString("P1", CultureInfo.CurrentCulture) : d["NoneDue"];

    /// <summary>A value for an SVG attribute, with a dot whatever the language.</summary>
    public static string Svg(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);
}
