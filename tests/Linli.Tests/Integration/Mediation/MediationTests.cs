using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Audit;
using Linli.Web.Features.Demo;
using Linli.Web.Features.Mediation;
using Linli.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.Integration.Volunteers.VolunteerWorld;

namespace Linli.Tests.Integration.Mediation;

public sealed class MediationTests
{
    private const string Community = DemoAccounts.CommunityCode;
    private const string OtherCommunity = TreeGenerator.ShiqiaopuCode + "002";
    private const string Unit1 = DemoAccounts.UnitCode;
    private static readonly string Unit2 = DemoAccounts.BuildingCode + "02";

    private static object Dispute(string node = Community, string? unit1 = null, string? unit2 = null) => new
    {
        nodeCode = node, kind = "noise", summary = "夜间噪音",
        parties = new object[] { new { unitCode = unit1 ?? Unit1, contactName = "孙先生", contactPhone = "138 0013 8000" }, new { unitCode = unit2 ?? Unit2 } },
    };

    [Theory, BothDatabases]
    public async Task A_dispute_runs_to_reconciliation_and_its_follow_up_falls_due_after_thirty_days(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var app = await LinliApp.StartAsync(kind, services: s => s.AddSingleton<TimeProvider>(clock));
        var worker = await app.SignedInAsync("worker");
        var before = await app.WithDbAsync(db => db.Mediations.CountAsync());

        // Bad input names the field and stores nothing.
        var bad = await worker.PostAsJsonAsync("/api/v1/mediation", new { nodeCode = Community, kind = "thunder", summary = "", parties = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await ErrorsAsync(bad)).TryGetProperty("kind", out _));
        var outside = await worker.PostAsJsonAsync("/api/v1/mediation", Dispute(unit2: OtherCommunity + "001001" + "01"));
        Assert.True((await ErrorsAsync(outside)).TryGetProperty("parties[1].unitCode", out _));
        var badPhone = await worker.PostAsJsonAsync("/api/v1/mediation", new { nodeCode = Community, kind = "pets", summary = "狗", parties = new[] { new { unitCode = Unit1, contactPhone = "call me" } } });
        Assert.True((await ErrorsAsync(badPhone)).TryGetProperty("parties[0].contactPhone", out _));
        Assert.Equal(before, await app.WithDbAsync(db => db.Mediations.CountAsync()));

        var opened = await worker.PostAsJsonAsync("/api/v1/mediation", Dispute());
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var mediation = await opened.Content.ReadFromJsonAsync<JsonElement>();
        var id = mediation.GetProperty("id").GetInt32();
        Assert.Equal("+8613800138000", mediation.GetProperty("parties")[0].GetProperty("contactPhone").GetString());
        Assert.Equal("community-worker", mediation.GetProperty("mediators")[0].GetProperty("capacity").GetString());
        var parties = mediation.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToArray();

        var session = await worker.PostAsJsonAsync($"/api/v1/mediation/{id}/sessions", new { heldAt = clock.GetUtcNow().AddHours(-1), place = "调解室", notes = "双方陈述", attendedPartyIds = parties });
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        var stranger = await worker.PostAsJsonAsync($"/api/v1/mediation/{id}/sessions", new { heldAt = clock.GetUtcNow(), notes = "x", attendedPartyIds = new[] { 999_999 } });
        Assert.True((await ErrorsAsync(stranger)).TryGetProperty("attendedPartyIds", out _));
        var agreementWithFailure = await worker.PostAsJsonAsync($"/api/v1/mediation/{id}/outcome", new { outcome = "failed", agreementText = "协议" });
        Assert.True((await ErrorsAsync(agreementWithFailure)).TryGetProperty("agreementText", out _));

        var concluded = await worker.PostAsJsonAsync($"/api/v1/mediation/{id}/outcome", new { outcome = "reconciled", agreementText = "晚十点后保持安静" });
        var detail = await concluded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("concluded", "reconciled"), (detail.GetProperty("state").GetString(), detail.GetProperty("outcome").GetString()));
        Assert.Equal(clock.GetUtcNow().AddDays(30), detail.GetProperty("followUpDueAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync($"/api/v1/mediation/{id}/sessions", new { heldAt = clock.GetUtcNow(), notes = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync($"/api/v1/mediation/{id}/follow-up", new { result = "held" })).StatusCode);
        Assert.False(await FollowUpDueAsync(worker, id));

        // Sign in again after each jump: the sign-in cookie does not last weeks on the fake clock.
        clock.Advance(TimeSpan.FromDays(29));
        worker = await app.SignedInAsync("worker");
        Assert.False(await FollowUpDueAsync(worker, id));
        clock.Advance(TimeSpan.FromDays(1));
        worker = await app.SignedInAsync("worker");
        Assert.True(await FollowUpDueAsync(worker, id));

        var list = await worker.GetFromJsonAsync<JsonElement>("/api/v1/mediation");
        Assert.True(list[0].GetProperty("followUpDue").GetBoolean(), "due follow-ups come first in the mediators' list");
        var badResult = await worker.PostAsJsonAsync($"/api/v1/mediation/{id}/follow-up", new { result = "maybe" });
        Assert.True((await ErrorsAsync(badResult)).TryGetProperty("result", out _));
        var followed = await (await worker.PostAsJsonAsync($"/api/v1/mediation/{id}/follow-up", new { result = "relapsed", note = "又吵了" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("relapsed", followed.GetProperty("followUp").GetString());
        Assert.False(await FollowUpDueAsync(worker, id));
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync($"/api/v1/mediation/{id}/follow-up", new { result = "held" })).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_volunteer_mediator_sees_and_records_only_their_own_mediations(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var worker = await app.SignedInAsync("worker");
        var theirs = await OpenAsync(worker, Dispute());
        var other = await OpenAsync(worker, Dispute());
        var (volunteer, _) = await ResidentAsync(app, "m-volunteer");

        Assert.Empty((await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/mediation")).EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync($"/api/v1/mediation/{theirs}")).StatusCode);
        Assert.True((await ErrorsAsync(await worker.PostAsJsonAsync($"/api/v1/mediation/{theirs}/mediators", new { login = "nobody-here" }))).TryGetProperty("login", out _));
        var named = await worker.PostAsJsonAsync($"/api/v1/mediation/{theirs}/mediators", new { login = "m-volunteer" });
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync($"/api/v1/mediation/{theirs}/mediators", new { login = "m-volunteer" })).StatusCode);
        Assert.Contains((await named.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mediators").EnumerateArray(), m => m.GetProperty("capacity").GetString() == "volunteer");

        var list = (await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/mediation")).EnumerateArray().ToList();
        Assert.Equal([theirs], list.Select(m => m.GetProperty("id").GetInt32()));
        Assert.True(list[0].GetProperty("mine").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await volunteer.GetAsync($"/api/v1/mediation/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync($"/api/v1/mediation/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await volunteer.PostAsJsonAsync($"/api/v1/mediation/{theirs}/sessions", new { heldAt = DateTimeOffset.UtcNow.AddHours(-2), notes = "上门沟通" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.PostAsJsonAsync($"/api/v1/mediation/{other}/sessions", new { heldAt = DateTimeOffset.UtcNow, notes = "x" })).StatusCode);

        // Only staff name mediators or open mediations.
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.PostAsJsonAsync($"/api/v1/mediation/{theirs}/mediators", new { login = "resident" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.PostAsJsonAsync("/api/v1/mediation", Dispute())).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Staff_are_refused_outside_their_subtree_and_police_see_mediator_names_only_where_they_take_part(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, Waiver);
        var worker = await app.SignedInAsync("worker");
        var street = await app.SignedInAsync("street");
        var elsewhere = await OpenAsync(street, Dispute(OtherCommunity, OtherCommunity + "001001" + "01", OtherCommunity + "001001" + "02"));
        var before = await app.WithDbAsync(db => db.Mediations.CountAsync());
        var refused = await worker.PostAsJsonAsync("/api/v1/mediation", Dispute(OtherCommunity, OtherCommunity + "001001" + "01", OtherCommunity + "001001" + "02"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.True((await ErrorsAsync(refused)).TryGetProperty("nodeCode", out _));
        Assert.Equal(before, await app.WithDbAsync(db => db.Mediations.CountAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/api/v1/mediation/{elsewhere}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync($"/api/v1/mediation/{elsewhere}/outcome", new { outcome = "failed" })).StatusCode);
        Assert.DoesNotContain((await worker.GetFromJsonAsync<JsonElement>("/api/v1/mediation")).EnumerateArray(), m => m.GetProperty("id").GetInt32() == elsewhere);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("gridchief")).PostAsJsonAsync("/api/v1/mediation", Dispute())).StatusCode);

        var id = await OpenAsync(worker, Dispute());
        var (volunteer, _) = await ResidentAsync(app, "m-helper");
        await worker.PostAsJsonAsync($"/api/v1/mediation/{id}/mediators", new { login = "m-helper" });
        var police = await app.SignedInAsync("police");
        var notTakingPart = await police.GetFromJsonAsync<JsonElement>($"/api/v1/mediation/{id}");
        Assert.All(notTakingPart.GetProperty("mediators").EnumerateArray(), m => Assert.Equal(JsonValueKind.Null, m.GetProperty("name").ValueKind));
        Assert.DoesNotContain("志愿者m-helper", notTakingPart.GetRawText(), StringComparison.Ordinal);

        await worker.PostAsJsonAsync($"/api/v1/mediation/{id}/mediators", new { login = "police" });
        var takingPart = await police.GetFromJsonAsync<JsonElement>($"/api/v1/mediation/{id}");
        Assert.Contains(takingPart.GetProperty("mediators").EnumerateArray(), m => m.GetProperty("name").GetString() == "志愿者m-helper");
        Assert.Contains(takingPart.GetProperty("mediators").EnumerateArray(), m => m.GetProperty("capacity").GetString() == "officer" && m.GetProperty("isYou").GetBoolean());
    }

    [Theory, BothDatabases]
    public async Task Every_read_of_party_contacts_is_audited(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var worker = await app.SignedInAsync("worker");
        var id = await OpenAsync(worker, Dispute());
        var partyIds = (await app.WithDbAsync(db => db.Set<MediationParty>().Where(p => p.MediationId == id && p.ContactName != null).Select(p => p.Id).ToListAsync()))
            .Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Task<int> ReadsAsync() => app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.RecordType == "MediationParty" && e.Action == AuditAction.Read && partyIds.Contains(e.RecordId)));
        var reads = await ReadsAsync();

        await worker.GetAsync($"/api/v1/mediation/{id}");
        await worker.GetAsync($"/api/v1/mediation/{id}");
        Assert.Single(partyIds);
        Assert.Equal(reads + 2, await ReadsAsync());

        // The list carries no contacts, so it is not a read of them.
        var list = await worker.GetStringAsync("/api/v1/mediation");
        Assert.DoesNotContain("13800138000", list, StringComparison.Ordinal);
        Assert.Equal(reads + 2, await ReadsAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.RecordType == "MediationParty" && e.Action == AuditAction.Create && partyIds.Contains(e.RecordId))));
    }

    [Theory, BothDatabases]
    public async Task Public_counts_of_disputes_solved_and_potential_conflicts_reconciled_by_area_and_period(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var now = DateTimeOffset.UtcNow;
        var (from, to) = (ChinaCalendar.DayOf(now.AddDays(-100)).ToString("yyyy-MM-dd"), ChinaCalendar.DayOf(now.AddDays(1)).ToString("yyyy-MM-dd"));
        var url = $"/api/v1/mediation/stats?node={TreeGenerator.ShiqiaopuCode}&from={from}&to={to}";
        var demo = await app.Anonymous().GetFromJsonAsync<JsonElement>(url);

        // The demo: two disputes reconciled (water leak, parking), one pet conflict defused; the referral is not counted.
        Assert.Equal((2, 1), Counts(demo.GetProperty("total")));
        var first = demo.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("code").GetString() == Community);
        Assert.Equal((2, 1), Counts(first));
        Assert.Equal((0, 0), Counts(demo.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("code").GetString() == OtherCommunity)));

        var worker = await app.SignedInAsync("worker");
        var dispute = await OpenAsync(worker, Dispute());
        await worker.PostAsJsonAsync($"/api/v1/mediation/{dispute}/outcome", new { outcome = "reconciled" });
        var potential = await OpenAsync(worker, new { nodeCode = DemoAccounts.GridCode, type = "potential-conflict", kind = "parking", summary = "占道停车", parties = new[] { new { unitCode = Unit1 } } });
        await worker.PostAsJsonAsync($"/api/v1/mediation/{potential}/outcome", new { outcome = "reconciled" });
        var failed = await OpenAsync(worker, Dispute());
        await worker.PostAsJsonAsync($"/api/v1/mediation/{failed}/outcome", new { outcome = "failed" });

        var after = await app.Anonymous().GetFromJsonAsync<JsonElement>(url);
        Assert.Equal((3, 2), Counts(after.GetProperty("total")));
        Assert.Equal((3, 2), Counts((await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/mediation/stats?node={Community}&from={from}&to={to}")).GetProperty("total")));
        var lastYear = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/mediation/stats?node={TreeGenerator.ShiqiaopuCode}&from=2020-01-01&to=2020-12-31");
        Assert.Equal((0, 0), Counts(lastYear.GetProperty("total")));
        Assert.DoesNotContain("孙先生", after.GetRawText(), StringComparison.Ordinal);

        Assert.True((await ErrorsAsync(await app.Anonymous().GetAsync($"/api/v1/mediation/stats?node={DemoAccounts.GridCode}"))).TryGetProperty("node", out _));
        Assert.True((await ErrorsAsync(await app.Anonymous().GetAsync($"/api/v1/mediation/stats?node={Community}&from=yesterday"))).TryGetProperty("from", out _));
    }

    private static (int, int) Counts(JsonElement e) => (e.GetProperty("disputesSolved").GetInt32(), e.GetProperty("potentialConflictsReconciled").GetInt32());

    private static async Task<int> OpenAsync(HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/v1/mediation", request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<bool> FollowUpDueAsync(HttpClient client, int id) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/mediation")).EnumerateArray().Single(m => m.GetProperty("id").GetInt32() == id).GetProperty("followUpDue").GetBoolean();
}
