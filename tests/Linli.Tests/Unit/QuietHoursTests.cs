using Linli.Web.Features.Notifications;
using Linli.Web.Infrastructure.Time;

namespace Linli.Tests.Unit;

public sealed class QuietHoursTests
{
    private static DateTimeOffset China(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, ChinaCalendar.Offset);

    [Theory]
    [InlineData(19, 59, false)]
    [InlineData(20, 0, true)]
    [InlineData(23, 30, true)]
    [InlineData(0, 0, true)]
    [InlineData(7, 59, true)]
    [InlineData(8, 0, false)]
    [InlineData(12, 0, false)]
    public void The_default_quiet_hours_run_from_eight_in_the_evening_to_eight_in_the_morning_china_time(int hour, int minute, bool quiet) =>
        Assert.Equal(quiet, QuietHours.Default.IsQuiet(China(10, hour, minute)));

    [Fact]
    public void A_message_in_the_evening_waits_until_eight_the_next_morning() =>
        Assert.Equal(China(11, 8), QuietHours.Default.NextAllowed(China(10, 21, 15)));

    [Fact]
    public void A_message_after_midnight_waits_until_eight_the_same_morning() =>
        Assert.Equal(China(11, 8), QuietHours.Default.NextAllowed(China(11, 2)));

    [Fact]
    public void A_message_in_the_day_goes_at_once()
    {
        var noon = China(11, 12);
        Assert.Equal(noon, QuietHours.Default.NextAllowed(noon));
    }

    [Fact]
    public void The_hour_is_read_in_china_time_whatever_the_offset_of_the_instant() =>
        Assert.True(QuietHours.Default.IsQuiet(new DateTimeOffset(2026, 11, 10, 13, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void A_window_within_one_day_is_quiet_only_inside_it()
    {
        var lunch = new QuietHours(12, 14);
        Assert.True(lunch.IsQuiet(China(10, 13)));
        Assert.False(lunch.IsQuiet(China(10, 14)));
        Assert.Equal(China(10, 14), lunch.NextAllowed(China(10, 12, 30)));
    }
}
