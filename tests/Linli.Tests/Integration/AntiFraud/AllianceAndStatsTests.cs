using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Linli.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Integration.AntiFraud.AntiFraudWorld;

namespace Linli.Tests.Integration.AntiFraud;

public sealed class AllianceAndStatsTests
{
    [Theory, BothDatabases]
    public async Task Membership_is_managed_in_ones_own_subtree_and_lets_a_partner_raise_alerts_there(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var bankId = await app.WithDbAsync(db => db.Partners.Where(p => p.Name == DemoOrganisations.Bank.Name).Select(p => p.Id).SingleAsync());
        var worker = await app.SignedInAsync("worker");
        var police = await app.SignedInAsync("police");
        var street = await app.SignedInAsync("street");

        var workerElsewhere = await worker.PostAsJsonAsync("/api/v1/antifraud/alliance", new { partnerId = bankId, communityCode = NotAMember });
        var policeElsewhere = await police.PostAsJsonAsync("/api/v1/antifraud/alliance", new { partnerId = bankId, communityCode = NotAMember });
        var partnerSelf = await (await app.SignedInAsync("partner")).PostAsJsonAsync("/api/v1/antifraud/alliance", new { partnerId = bankId, communityCode = NotAMember });
        var already = await police.PostAsJsonAsync("/api/v1/antifraud/alliance", new { partnerId = bankId, communityCode = Community });
        var notCommunity = await street.PostAsJsonAsync("/api/v1/antifraud/alliance", new { partnerId = bankId, communityCode = DemoAccounts.GridCode });
        var noPartner = await street.PostAsJsonAsync("/api/v1/antifraud/alliance", new { partnerId = 9999, communityCode = NotAMember });
        var empty = await street.PostAsJsonAsync("/api/v1/antifraud/alliance", new { });
        var added = await street.PostAsJsonAsync("/api/v1/antifraud/alliance", new { partnerId = bankId, communityCode = NotAMember });
        var raised = await (await app.SignedInAsync("partner")).RaiseAsync(Alert(community: NotAMember, unitCode: null, address: "石新路5号"));

        Assert.Equal(HttpStatusCode.Forbidden, workerElsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, policeElsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, partnerSelf.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, already.StatusCode);
        Assert.Equal(["communityCode"], await notCommunity.ErrorFieldsAsync());
        Assert.Equal(["partnerId"], await noPartner.ErrorFieldsAsync());
        Assert.Equal(["communityCode", "partnerId"], await empty.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/api/v1/antifraud/alliance?node={NotAMember}")).StatusCode);
        Assert.Equal(5, (await street.GetFromJsonAsync<List<JsonElement>>($"/api/v1/antifraud/alliance?node={TreeGenerator.ShiqiaopuCode}"))!
            .Count(m => m.GetProperty("partnerName").GetString() == DemoOrganisations.Bank.Name));
    }

    [Theory, BothDatabases]
    public async Task Weekly_figures_count_orders_money_repeats_and_awareness_events_per_community(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var app = await StartAsync(kind, clock);
        var bank = await app.SignedInAsync("partner");
        var worker = await app.SignedInAsync("worker");
        var first = await bank.RaisedAsync(Alert(phone: "13866660000"));
        await bank.RaisedAsync(Alert(phone: "13866660000"));
        await worker.VisitAsync(first, new { outcome = "dissuaded", moneyProtected = 30000 });
        var today = ChinaCalendar.Today(clock.GetUtcNow());
        var screening = await worker.PostAsJsonAsync("/api/v1/antifraud/awareness-events",
            new { communityCode = Community, title = "反诈电影放映", date = today.ToString("yyyy-MM-dd"), place = "社区广场", attendance = 80 });
        var badEvent = await worker.PostAsJsonAsync("/api/v1/antifraud/awareness-events",
            new { communityCode = Community, title = "", date = today.AddDays(3).ToString("yyyy-MM-dd"), place = "x", attendance = -1 });

        var stats = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/antifraud/stats?node={Community}&weeks=8");
        var street = await (await app.SignedInAsync("street")).GetFromJsonAsync<JsonElement>($"/api/v1/antifraud/stats?node={TreeGenerator.ShiqiaopuCode}&weeks=8");

        Assert.Equal(HttpStatusCode.Created, screening.StatusCode);
        Assert.Equal(["attendance", "date", "title"], await badEvent.ErrorFieldsAsync());
        var community = stats.GetProperty("communities").EnumerateArray().Single();
        // The demo's eight weeks (the orders it has under way fall in the last week, or in this one).
        var weekly = community.GetProperty("orders").EnumerateArray().Select(o => o.GetInt32()).ToList();
        Assert.Equal([11, 10, 8, 7, 5, 4, 3], weekly[..7]);
        Assert.InRange(weekly[7], 2, 5);
        Assert.Equal(weekly[7] - 3, community.GetProperty("changeFromPreviousWeek").GetInt32());
        Assert.Equal(weekly[7] > 3 ? "up" : weekly[7] < 3 ? "down" : "flat", community.GetProperty("trend").GetString());
        Assert.True(community.GetProperty("thisWeekSoFar").GetInt32() >= 2);
        var demoMoney = await app.WithDbAsync(db => db.DissuasionOrders.Where(o => o.CommunityPath.EndsWith(Community + "/") && o.Id != first).SumAsync(o => o.MoneyProtected ?? 0));
        Assert.Equal(demoMoney + 30000, community.GetProperty("moneyProtected").GetInt64());
        var repeats = await app.WithDbAsync(db => db.DissuasionOrders.CountAsync(o => o.CommunityPath.EndsWith(Community + "/") && o.IsRepeatTarget));
        Assert.Equal(repeats, community.GetProperty("repeatTargets").GetInt32());
        Assert.True(repeats >= 1);
        Assert.Equal(3, community.GetProperty("awarenessEvents").GetInt32());
        Assert.Contains(stats.GetProperty("events").EnumerateArray(), e => e.GetProperty("attendance").GetInt32() == 80);
        Assert.Equal(12, street.GetProperty("communities").GetArrayLength());
        Assert.DoesNotContain("13866660000", stats.GetRawText());
        Assert.DoesNotContain("李秀兰", stats.GetRawText());

        Assert.Equal(HttpStatusCode.Forbidden, (await bank.GetAsync($"/api/v1/antifraud/stats?node={Community}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/api/v1/antifraud/stats?node={Sibling}")).StatusCode);
        Assert.Equal(["weeks"], await (await worker.GetAsync($"/api/v1/antifraud/stats?node={Community}&weeks=0")).ErrorFieldsAsync());
    }
}
