using System.Globalization;
using Linli.Web.Features.Rates;
using Linli.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Linli.Web.Components.Dashboard;

/// <summary>How the dashboard writes its numbers: rates, durations, bar lengths and map shades.</summary>
public static class DashboardFormat
{
    /// <summary>Sequential blues, light to dark; the darkest shades reach 3:1 against the map's background.</summary>
    public static readonly string[] Shades = ["#f1f4f7", "#c6dbef", "#6baed6", "#2171b5", "#08306b"];

    public static string Percent(double? rate) => rate is { } r ? r.ToString("P1", CultureInfo.CurrentCulture) : "—";

    /// <summary>A bar's length out of 100, written with a dot whatever the language, for SVG attributes.</summary>
    public static string BarLength(double fraction) => Math.Round(Math.Clamp(fraction, 0, 1) * 100, 1).ToString(CultureInfo.InvariantCulture);

    public static string BarLength(int count, int max) => BarLength(max == 0 ? 0 : (double)count / max);

    public static string Duration(MedianFigure median, IStringLocalizer<SharedResource> l)
    {
        if (median.Minutes is not { } minutes)
        {
            return l["Dashboard.NoMedian"];
        }

        return minutes switch
        {
            < 60 => l["Dashboard.Minutes", Math.Round(minutes).ToString(CultureInfo.CurrentCulture)],
            < 48 * 60 => l["Dashboard.Hours", Math.Round(minutes / 60, 1).ToString(CultureInfo.CurrentCulture)],
            _ => l["Dashboard.Days", Math.Round(minutes / 1440, 1).ToString(CultureInfo.CurrentCulture)],
        };
    }

    /// <summary>Which shade an area with <paramref name="open"/> open cases gets: 0 for none, then quarters of the largest count.</summary>
    public static int ShadeOf(int open, int max) => open <= 0 || max <= 0 ? 0 : Math.Clamp((int)Math.Ceiling(4.0 * open / max), 1, 4);

    /// <summary>The legend: each shade with the counts it stands for ("0", "1–2", "3"), skipping shades no count can reach.</summary>
    public static IReadOnlyList<(int Shade, string Range)> Legend(int max)
    {
        var legend = new List<(int, string)> { (0, "0") };
        for (var shade = 1; shade <= 4 && max > 0; shade++)
        {
            var low = (int)Math.Floor((shade - 1) * max / 4.0) + 1;
            var high = (int)Math.Floor(shade * max / 4.0);
            if (low <= high)
            {
                legend.Add((shade, low == high ? $"{low}" : $"{low}–{high}"));
            }
        }

        return legend;
    }
}
