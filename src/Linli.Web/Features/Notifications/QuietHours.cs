using Linli.Web.Infrastructure.Time;

namespace Linli.Web.Features.Notifications;

/// <summary>The evening and night (China time) when non-urgent messages to residents wait: 20:00–08:00 by default.</summary>
public sealed record QuietHours(int StartsAtHour, int EndsAtHour)
{
    public static QuietHours Default { get; } = new(20, 8);

    public bool IsQuiet(DateTimeOffset at)
    {
        var hour = at.ToOffset(ChinaCalendar.Offset).Hour;
        return StartsAtHour > EndsAtHour ? hour >= StartsAtHour || hour < EndsAtHour : hour >= StartsAtHour && hour < EndsAtHour;
    }

    /// <summary><paramref name="at"/> itself outside quiet hours, otherwise the moment they end.</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset at)
    {
        if (!IsQuiet(at))
        {
            return at;
        }

        var local = at.ToOffset(ChinaCalendar.Offset);
        var end = new DateTimeOffset(local.Year, local.Month, local.Day, EndsAtHour, 0, 0, ChinaCalendar.Offset);
        return (end <= local ? end.AddDays(1) : end).ToUniversalTime();
    }
}
