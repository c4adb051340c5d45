using System.Net;
using System.Net.Http.Json;
using Linli.Tests.Infrastructure;
using Linli.Tests.Integration.AntiFraud;
using Linli.Web.Features.SafetyTips;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.Integration.SafetyTips.TipsWorld;

namespace Linli.Tests.Integration.SafetyTips;

public sealed class TipRetentionAndStatsTests
{
    [Theory, BothDatabases]
    public async Task A_tip_is_flagged_and_its_officers_warned_once_before_it_is_deleted_unless_linked_to_a_case(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var app = await StartAsync(kind, clock, new() { ["SafetyTips:RetentionDays"] = "30", ["SafetyTips:WarnDaysBeforeDeletion"] = "5" });
        await app.WithDbAsync(db => db.SafetyTips.ExecuteDeleteAsync()); // the demo's own tips have other ages
        var anonymous = app.Anonymous();
        var kept = await app.TipIdAsync(await anonymous.SubmittedAsync(Tip(Web.Features.Demo.DemoAccounts.BuildingCode, now: clock.GetUtcNow())));
        var dropped = await app.TipIdAsync(await anonymous.SubmittedAsync(Tip(now: clock.GetUtcNow(), associationId: await PatrolAsync(app))));
        var police = await app.SignedInAsync("police");
        Assert.Equal(HttpStatusCode.OK, (await police.PostAsJsonAsync($"/api/v1/tips/{kept}/case", new { category = "public-safety", description = "车棚门锁损坏" })).StatusCode);
        var statsBefore = await (await anonymous.GetAsync("/api/v1/tips/stats?months=3")).JsonAsync();

        clock.Advance(TimeSpan.FromDays(24));
        var early = await RunAsync(app);
        var notYetFlagged = await ExpiringAsync(app, dropped);
        clock.Advance(TimeSpan.FromDays(1.5));
        var warning = await RunAsync(app);
        var flagged = await ExpiringAsync(app, dropped);
        var again = await RunAsync(app);
        var notices = await app.WithDbAsync(db => db.Outbox.Where(m => m.Subject.Contains("#" + dropped.ToString())).Select(m => new { m.Recipient, m.Body }).ToListAsync());
        clock.Advance(TimeSpan.FromDays(3));
        var stillThere = await RunAsync(app);
        clock.Advance(TimeSpan.FromDays(1.6));
        var deletion = await RunAsync(app);
        var statsAfter = await (await anonymous.GetAsync("/api/v1/tips/stats?months=3")).JsonAsync();

        Assert.Equal(new RetentionRun(0, 0), early);
        Assert.False(notYetFlagged);
        Assert.Equal(new RetentionRun(1, 0), warning);
        Assert.True(flagged);
        Assert.Equal(new RetentionRun(0, 0), again);
        Assert.Equal(["police@demo.linli.local"], notices.Select(n => n.Recipient));
        Assert.DoesNotContain("车棚", notices[0].Body, StringComparison.Ordinal);
        Assert.Equal(new RetentionRun(0, 0), stillThere);
        Assert.Equal(new RetentionRun(0, 1), deletion);
        Assert.False(await app.WithDbAsync(db => db.SafetyTips.AnyAsync(t => t.Id == dropped)));
        Assert.False(await app.WithDbAsync(db => db.SafetyTipMessages.AnyAsync(m => m.TipId == dropped)));
        Assert.True(await app.WithDbAsync(db => db.SafetyTips.AnyAsync(t => t.Id == kept)));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync("police")).GetAsync($"/api/v1/tips/{dropped}")).StatusCode);

        // The public counts do not change when the tip itself is gone.
        Assert.Equal(statsBefore.GetProperty("totals").EnumerateArray().Sum(x => x.GetInt32()), statsAfter.GetProperty("totals").EnumerateArray().Sum(x => x.GetInt32()));
        Assert.Equal(1, statsAfter.GetProperty("associations").EnumerateArray().Single().GetProperty("total").GetInt32());
    }

    [Theory, BothDatabases]
    public async Task Monthly_counts_per_district_and_association_are_public_and_hold_nothing_else(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var anonymous = app.Anonymous();
        var before = await (await anonymous.GetAsync("/api/v1/tips/stats")).JsonAsync();
        var patrol = await PatrolAsync(app);
        await anonymous.SubmittedAsync(Tip(associationId: patrol));
        await anonymous.SubmittedAsync(Tip(SiblingCommunity));

        var response = await anonymous.GetAsync("/api/v1/tips/stats");
        var after = await response.JsonAsync();
        var months = after.GetProperty("months").EnumerateArray().Select(m => m.GetString()).ToList();
        var district = after.GetProperty("districts").EnumerateArray().Single(d => d.GetProperty("key").GetString() == Web.Features.Demo.TreeGenerator.JiulongpoCode);
        var association = after.GetProperty("associations").EnumerateArray().Single(a => a.GetProperty("key").GetString() == patrol.ToString());
        var associationBefore = before.GetProperty("associations").EnumerateArray().Where(a => a.GetProperty("key").GetString() == patrol.ToString())
            .Select(a => a.GetProperty("counts")[11].GetInt32()).SingleOrDefault();

        Assert.Equal(12, months.Count);
        Assert.Equal(Web.Features.SafetyTips.TipRetention.MonthOf(DateTimeOffset.UtcNow), months[^1]);
        Assert.Equal(before.GetProperty("totals")[11].GetInt32() + 2, after.GetProperty("totals")[11].GetInt32());
        Assert.Equal(after.GetProperty("totals")[11].GetInt32(), district.GetProperty("counts")[11].GetInt32());
        Assert.Equal(associationBefore + 1, association.GetProperty("counts")[11].GetInt32());
        Assert.DoesNotContain("车棚", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["associations", "districts", "months", "totals"], after.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/v1/tips/stats?months=25")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/tips/stats")).StatusCode);
    }

    private static Task<int> PatrolAsync(LinliApp app) =>
        app.WithDbAsync(db => db.VolunteerAssociations.Where(a => a.Name == Web.Features.Demo.DemoVolunteers.PatrolName).Select(a => a.Id).SingleAsync());

    private static async Task<RetentionRun> RunAsync(LinliApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TipRetention>().RunOnceAsync();
    }

    /// <remarks>Signs in afresh: the fake clock has moved past the last sign-in's cookie.</remarks>
    private static async Task<bool> ExpiringAsync(LinliApp app, long id) =>
        (await (await (await app.SignedInAsync("police")).GetAsync("/api/v1/tips/inbox")).JsonAsync()).EnumerateArray().Single(t => t.GetProperty("id").GetInt64() == id).GetProperty("expiringSoon").GetBoolean();
}
