using Linli.Web.Features.Rates;
using Linli.Web.Infrastructure.Time;

namespace Linli.Tests.Unit;

public sealed class RatesPeriodTests
{
    // 1 March 2025, 07:30 in Beijing is still 28 February in UTC.
    private static readonly DateTimeOffset EarlyMorningInBeijing = new(2025, 2, 28, 23, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Presets_follow_the_calendar_in_China_time()
    {
        var thisMonth = RatePeriods.Preset(PeriodPreset.ThisMonth, EarlyMorningInBeijing);
        var lastMonth = RatePeriods.Preset(PeriodPreset.LastMonth, EarlyMorningInBeijing);
        var last90 = RatePeriods.Preset(PeriodPreset.Last90Days, EarlyMorningInBeijing);

        Assert.Equal(new DateTimeOffset(2025, 2, 28, 16, 0, 0, TimeSpan.Zero), thisMonth.From);
        Assert.Equal(new DateTimeOffset(2025, 3, 31, 16, 0, 0, TimeSpan.Zero), thisMonth.To);
        Assert.Equal(new DateTimeOffset(2025, 1, 31, 16, 0, 0, TimeSpan.Zero), lastMonth.From);
        Assert.Equal(thisMonth.From, lastMonth.To);
        Assert.Equal(TimeSpan.FromDays(90), last90.To - last90.From);
        Assert.Equal(new DateOnly(2025, 3, 1), ChinaCalendar.DayOf(last90.To.AddTicks(-1)));
        Assert.Equal(EarlyMorningInBeijing, thisMonth.EndAt(EarlyMorningInBeijing));
        Assert.Equal(lastMonth.To, lastMonth.EndAt(EarlyMorningInBeijing));
    }

    [Fact]
    public void Dates_are_midnight_in_China_and_times_need_an_offset()
    {
        var (dates, _, _) = RatePeriods.Parse("2025-03-01", "2025-04-01", EarlyMorningInBeijing);
        var (times, _, _) = RatePeriods.Parse("2025-03-01T08:00:00+08:00", "2025-03-02T00:00:00Z", EarlyMorningInBeijing);
        var (openEnded, _, _) = RatePeriods.Parse("2025-02-01", null, EarlyMorningInBeijing);
        var (_, noOffsetField, _) = RatePeriods.Parse("2025-03-01T08:00:00", null, EarlyMorningInBeijing);
        var (_, tooLongField, _) = RatePeriods.Parse("2020-01-01", "2023-01-05", EarlyMorningInBeijing);
        var (custom, _, _) = RatePeriods.FromPicker(PeriodPreset.Custom, new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 1), EarlyMorningInBeijing);
        var (_, backwardsField, _) = RatePeriods.FromPicker(PeriodPreset.Custom, new DateOnly(2025, 3, 2), new DateOnly(2025, 3, 1), EarlyMorningInBeijing);

        Assert.Equal(new DateTimeOffset(2025, 2, 28, 16, 0, 0, TimeSpan.Zero), dates!.From);
        Assert.Equal(TimeSpan.Zero, dates.From.Offset);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), times!.From);
        Assert.Equal(EarlyMorningInBeijing, openEnded!.To);
        Assert.Equal("from", noOffsetField);
        Assert.Equal("to", tooLongField);
        Assert.Equal(TimeSpan.FromDays(1), custom!.To - custom.From);
        Assert.Equal("from", backwardsField);
        Assert.Equal(PeriodPreset.Last90Days, RatePeriods.PresetNamed("last-90-days"));
        Assert.Null(RatePeriods.PresetNamed("Last90Days"));
    }
}
