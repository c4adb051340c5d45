using Linli.Web.Features.Cases.Escalation;
using Linli.Web.Features.Cases;
using Linli.Web.Infrastructure.Time;

namespace Linli.Tests.Unit;

public sealed class EscalationRuleTests
{
    private static readonly DateTimeOffset Due = new(2026, 3, 2, 9, 0, 0, ChinaCalendar.Offset);
    private static readonly TimeSpan Limit = TimeSpan.FromHours(2);

    [Theory]
    [InlineData(-60, 0)]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(119, 1)]
    [InlineData(120, 2)]
    [InlineData(240, 3)]
    [InlineData(100_000, 3)]
    public void The_level_is_one_at_the_deadline_and_one_more_per_limit_after_it_up_to_the_district(int minutesAfterDue, int level) =>
        Assert.Equal(level, EscalationRule.LevelAt(Due, Limit, Due.AddMinutes(minutesAfterDue)));

    [Fact]
    public void A_zero_limit_does_not_send_a_case_straight_to_the_top() =>
        Assert.Equal(1, EscalationRule.LevelAt(Due, TimeSpan.Zero, Due.AddSeconds(30)));

    [Theory]
    [InlineData(1, "500107001001")]
    [InlineData(2, "500107001")]
    [InlineData(3, "500107")]
    public void Levels_name_the_grids_community_street_and_district(int level, string code) =>
        Assert.Equal(code, EscalationRule.NodeCodeFor("/500000/500107/500107001/500107001001/500107001001001/", level));

    [Theory]
    [InlineData(CaseState.Dispatched, 60)]
    [InlineData(CaseState.Returned, 60)]
    [InlineData(CaseState.InProgress, 600)]
    [InlineData(CaseState.Reopened, 600)]
    public void The_limit_is_the_one_behind_the_current_deadline(CaseState state, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), EscalationRule.LimitFor(state, 60, 600));
}
