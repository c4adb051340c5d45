using System.Net;
using System.Net.Http.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.AntiFraud.Orders;
using Linli.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Integration.AntiFraud.AntiFraudWorld;

namespace Linli.Tests.Integration.AntiFraud;

public sealed class AlertTests
{
    [Theory, BothDatabases]
    public async Task An_alert_becomes_an_order_for_the_community_with_a_deadline_by_risk_and_tells_its_handlers(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var app = await StartAsync(kind, clock);
        var bank = await app.SignedInAsync("partner");

        var high = await bank.RaisedAsync(Alert(risk: "high", phone: "13800001111"));
        var medium = await bank.RaisedAsync(Alert(risk: "Medium", phone: "13800002222"));
        var low = await bank.RaisedAsync(Alert(risk: "LOW", phone: "023-6851 2345", unitCode: null, address: "石桥铺正街12号3-1"));

        var orders = await app.WithDbAsync(db => db.DissuasionOrders.AsNoTracking().Where(o => o.Id == high || o.Id == medium || o.Id == low).OrderBy(o => o.Id).ToListAsync());
        Assert.All(orders, o => Assert.Equal(clock.GetUtcNow(), o.RaisedAt));
        Assert.Equal([TimeSpan.FromHours(2), TimeSpan.FromHours(24), TimeSpan.FromHours(72)], orders.Select(o => o.DueAt - o.RaisedAt));
        Assert.All(orders, o => Assert.Equal(DissuasionState.Open, o.State));
        Assert.All(orders, o => Assert.EndsWith("/" + Community + "/", o.CommunityPath));
        Assert.Equal("+8613800001111", orders[0].Phone);
        Assert.Equal("02368512345", orders[2].Phone);
        Assert.Equal("石桥铺正街12号3-1", orders[2].Address);
        Assert.Equal(20000, orders[0].AmountAtRisk);

        // The community's worker and police officer are told by email, without the person's details.
        var messages = await app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Subject.Contains("#" + high)).ToListAsync());
        Assert.Equal(["police@demo.linli.local", "worker@demo.linli.local"], messages.Select(m => m.Recipient).Order());
        Assert.All(messages, m => Assert.DoesNotContain("李秀兰", m.Body + m.Subject));
        Assert.All(messages, m => Assert.DoesNotContain("13800001111", m.Body + m.Subject));
    }

    [Theory, BothDatabases]
    public async Task The_deadlines_by_risk_come_from_configuration(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var app = await StartAsync(kind, clock, new() { ["AntiFraud:HighRiskMinutes"] = "30" });
        var number = await (await app.SignedInAsync("partner")).RaisedAsync(Alert());
        var due = await (await (await app.SignedInAsync("worker")).OrderAsync(number)).JsonAsync();

        Assert.Equal(clock.GetUtcNow().AddMinutes(30), due.GetProperty("dueAt").GetDateTimeOffset());
    }

    [Theory, BothDatabases]
    public async Task Every_bad_field_is_named_and_nothing_is_stored(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var bank = await app.SignedInAsync("partner");
        var before = await app.WithDbAsync(db => db.DissuasionOrders.CountAsync());

        var empty = await bank.RaiseAsync(new { });
        var wrong = await bank.RaiseAsync(new
        {
            communityCode = "999999999999", name = new string('名', 51), phone = "12345", unitCode = "123", risk = "extreme", seen = " ", amountAtRisk = -5,
        });
        var fraction = await bank.RaiseAsync(new { communityCode = Community, name = "李秀兰", phone = "13800001234", address = "x", risk = "low", seen = "x", amountAtRisk = 10.5 });
        var otherUnit = await bank.RaiseAsync(Alert(community: Community, unitCode: Sibling + "00100101"));
        var extra = await bank.RaiseAsync(new
        {
            communityCode = Community, name = "李秀兰", phone = "13800001234", address = "x", risk = "low", seen = "x", idNumber = "500107194901011234",
        });
        var wrongType = await bank.PostAsJsonAsync("/api/v1/antifraud/alerts", new { communityCode = Community, name = "李秀兰", phone = "13800001234", address = "x", risk = "low", seen = "x", amountAtRisk = "lots" });

        Assert.Equal(["address", "communityCode", "name", "phone", "risk", "seen"], await empty.ErrorFieldsAsync());
        Assert.Equal(["amountAtRisk", "communityCode", "name", "phone", "risk", "seen", "unitCode"], await wrong.ErrorFieldsAsync());
        Assert.Equal(["amountAtRisk"], await fraction.ErrorFieldsAsync());
        Assert.Equal(["unitCode"], await otherUnit.ErrorFieldsAsync());
        var extraBody = await extra.JsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, extra.StatusCode);
        Assert.Equal(["idNumber"], extraBody.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Contains("not accepted", extraBody.GetProperty("errors").GetProperty("idNumber")[0].GetString());
        Assert.Equal(["amountAtRisk"], await wrongType.ErrorFieldsAsync());
        Assert.Equal(before, await app.WithDbAsync(db => db.DissuasionOrders.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task Only_staff_of_a_member_partner_raise_alerts_and_only_where_it_is_a_member(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var bank = await app.SignedInAsync("partner");

        var notMember = await bank.RaiseAsync(Alert(community: NotAMember, unitCode: null, address: "某小区"));
        var worker = await (await app.SignedInAsync("worker")).RaiseAsync(Alert());
        var resident = await (await app.SignedInAsync("resident")).RaiseAsync(Alert());
        var anonymous = await app.Anonymous().RaiseAsync(Alert());
        var communities = await bank.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/v1/antifraud/alerts/communities");

        Assert.Equal(HttpStatusCode.Forbidden, notMember.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, worker.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, resident.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(4, communities!.Count);
        Assert.DoesNotContain(communities, c => c.GetProperty("code").GetString() == NotAMember);
    }

    [Theory, BothDatabases]
    public async Task A_double_tap_with_the_same_request_key_raises_one_order(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var bank = await app.SignedInAsync("partner");
        var alert = new { communityCode = Community, name = "李秀兰", phone = "13800001234", address = "x", risk = "low", seen = "x", requestKey = "tap-1" };

        var first = await bank.RaiseAsync(alert);
        var second = await bank.RaiseAsync(alert);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((await first.JsonAsync()).GetProperty("number").GetInt64(), (await second.JsonAsync()).GetProperty("number").GetInt64());
    }

    [Theory, BothDatabases]
    public async Task A_person_alerted_again_in_the_community_is_flagged_as_a_repeat_target_for_the_handlers_only(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var bank = await app.SignedInAsync("partner");
        var property = await app.StaffAsync("yuzhou-desk", StaffRole.PartnerStaff, partnerName: PropertyCompany);

        var first = await bank.RaisedAsync(Alert(phone: "13911112222", name: "赵大爷"));
        var samePhone = await property.RaisedAsync(Alert(phone: "139 1111 2222", name: "赵老师"));
        var sameNameAndUnit = await bank.RaisedAsync(Alert(phone: "13933334444", name: "赵大爷"));
        var sameNameElsewhere = await bank.RaisedAsync(Alert(phone: "13955556666", name: "赵大爷", unitCode: null, address: "别处"));
        var worker = await app.SignedInAsync("worker");

        async Task<bool> Repeat(HttpClient client, long n) => (await (await client.OrderAsync(n)).JsonAsync()).GetProperty("isRepeatTarget").GetBoolean();
        Assert.False(await Repeat(worker, first));
        Assert.True(await Repeat(worker, samePhone));
        Assert.True(await Repeat(worker, sameNameAndUnit));
        Assert.False(await Repeat(worker, sameNameElsewhere));
        Assert.False(await Repeat(property, samePhone));
    }
}
