using System.Net;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Integration.AntiFraud.AntiFraudWorld;

namespace Linli.Tests.Integration.AntiFraud;

public sealed class OrderEscalationTests
{
    [Theory, BothDatabases]
    public async Task An_unvisited_high_risk_order_climbs_to_the_street_after_two_hours_then_the_district_and_the_street_staff_take_it_up(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var app = await StartAsync(kind, clock);
        var number = await (await app.SignedInAsync("partner")).RaisedAsync(Alert(risk: "high"));
        var street = await app.SignedInAsync("street");

        clock.Advance(TimeSpan.FromMinutes(119));
        await app.EscalateOrdersAsync();
        var before = await LevelAsync(app, number);
        var streetBefore = (await street.OrderAsync(number)).StatusCode;
        clock.Advance(TimeSpan.FromMinutes(2));
        await app.EscalateOrdersAsync();
        var afterDeadline = await LevelAsync(app, number);
        var streetAfter = await street.OrderAsync(number);
        clock.Advance(TimeSpan.FromHours(2));
        await app.EscalateOrdersAsync();
        clock.Advance(TimeSpan.FromDays(5));
        await app.EscalateOrdersAsync();

        Assert.Equal(0, before);
        Assert.Equal(HttpStatusCode.Forbidden, streetBefore);
        Assert.Equal(1, afterDeadline);
        Assert.Equal(HttpStatusCode.OK, streetAfter.StatusCode);
        Assert.True((await streetAfter.JsonAsync()).GetProperty("overdue").GetBoolean());
        Assert.Equal(2, await LevelAsync(app, number));
        Assert.Equal([TreeGenerator.ShiqiaopuCode, TreeGenerator.JiulongpoCode], await app.WithDbAsync(db => db.DissuasionEvents
            .Where(e => e.OrderId == number && e.EscalatedTo != null).OrderBy(e => e.Id).Select(e => e.EscalatedTo!).ToListAsync()));
        Assert.Contains("street@demo.linli.local", await app.WithDbAsync(db => db.Outbox.Where(m => m.Subject.Contains("#" + number) && m.Subject.Contains("督办")).Select(m => m.Recipient).ToListAsync()));

        // The street staff, as supervisor, may record the visit and close it; the officer of another community still may not.
        street = await app.SignedInAsync("street");
        var sibling = await app.StaffAsync("police-002", Web.Features.People.StaffRole.CommunityPolice, Sibling);
        Assert.Equal(HttpStatusCode.Forbidden, (await sibling.OrderAsync(number)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await street.VisitAsync(number, new { outcome = "unreachable" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await street.CloseAsync(number)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Low_risk_waits_72_hours_and_a_visit_in_time_stops_the_clock(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var app = await StartAsync(kind, clock);
        var bank = await app.SignedInAsync("partner");
        var low = await bank.RaisedAsync(Alert(risk: "low", phone: "13800005555"));
        var visitedInTime = await bank.RaisedAsync(Alert(risk: "high", phone: "13800006666"));
        await (await app.SignedInAsync("worker")).VisitAsync(visitedInTime, new { outcome = "notFraud" });

        clock.Advance(TimeSpan.FromHours(71));
        await app.EscalateOrdersAsync();
        var lowBefore = await LevelAsync(app, low);
        clock.Advance(TimeSpan.FromHours(2));
        await app.EscalateOrdersAsync();

        Assert.Equal(0, lowBefore);
        Assert.Equal(1, await LevelAsync(app, low));
        Assert.Equal(0, await LevelAsync(app, visitedInTime));
    }

    [Theory, BothDatabases]
    public async Task Overdue_orders_come_first_in_the_handlers_list(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var app = await StartAsync(kind, clock);
        var bank = await app.SignedInAsync("partner");
        var low = await bank.RaisedAsync(Alert(risk: "low", phone: "13800007777"));
        clock.Advance(TimeSpan.FromHours(1));
        var high = await bank.RaisedAsync(Alert(risk: "high", phone: "13800008888"));
        clock.Advance(TimeSpan.FromHours(3));

        var list = await (await (await app.SignedInAsync("police")).GetAsync("/api/v1/antifraud/orders")).JsonAsync();
        var numbers = list.EnumerateArray().Select(o => o.GetProperty("number").GetInt64()).ToList();

        Assert.True(list.EnumerateArray().First().GetProperty("overdue").GetBoolean());
        Assert.True(numbers.IndexOf(high) < numbers.IndexOf(low));
        Assert.All(list.EnumerateArray(), o => Assert.NotEqual("Closed", o.GetProperty("state").GetString()));
    }

    private static Task<int> LevelAsync(LinliApp app, long number) =>
        app.WithDbAsync(db => db.DissuasionOrders.Where(o => o.Id == number).Select(o => o.EscalationLevel).SingleAsync());
}
