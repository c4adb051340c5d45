using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Open311;

/// <summary>Open311 dates: W3C date-times that always carry the offset of the jurisdiction's zone (China Standard Time by default).</summary>
public sealed partial class W3cDates(IOptions<Open311Options> options)
{
    private readonly TimeZoneInfo _zone = TryFindZone(options.Value.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public string Format(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public string? Format(DateTimeOffset? at) => at is { } value ? Format(value) : null;

    /// <summary>Reads a query date. A "+08:00" sent unescaped arrives as " 08:00", so the space is read as the plus it was.</summary>
    public static bool TryParse(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParse(UnescapedPlus().Replace(text.Trim(), "+${offset}"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);

    [GeneratedRegex(@"(?<=T\d\d:\d\d(?::\d\d(?:\.\d+)?)?) (?<offset>\d\d:?\d\d)$")]
    private static partial Regex UnescapedPlus();

    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException) when (id == "Asia/Shanghai")
        {
            // A container without tzdata still serves China Standard Time, which has had no daylight saving since 1991.
            zone = TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}
