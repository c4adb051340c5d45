namespace Linli.Web.Infrastructure.Time;

/// <summary>
/// China Standard Time, where the communities are: days, weeks (Monday–Sunday), months and years are counted in it
/// and times are shown in it, whatever the server's own zone. China has had no daylight saving since 1991.
/// </summary>
public static class ChinaCalendar
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static readonly TimeZoneInfo Zone = FindZone();

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    public static DateOnly Today(DateTimeOffset now) => DayOf(now);

    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static int YearOf(DateTimeOffset at) => at.ToOffset(Offset).Year;

    /// <summary>Midnight at the start of the day, at +08:00.</summary>
    public static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>Midnight starting the day in China, as UTC (PostgreSQL stores only UTC offsets).</summary>
    public static DateTimeOffset StartOf(DateOnly day) => Midnight(day).ToUniversalTime();

    public static DateTimeOffset StartOfYear(int year) => new(year, 1, 1, 0, 0, 0, Offset);

    /// <summary>A wall-clock time people typed or a form sent without a zone ("2026-05-01T21:30"), read as China time.</summary>
    public static DateTimeOffset FromLocal(DateTime local) => new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Offset);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("CST", Offset, "China Standard Time", "China Standard Time");
        }
    }
}
