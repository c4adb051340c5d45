using System.Net;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Integration.AntiFraud.AntiFraudWorld;

namespace Linli.Tests.Integration.AntiFraud;

public sealed class OrderWorkflowTests
{
    [Theory, BothDatabases]
    public async Task The_officer_records_the_visit_and_closes_with_who_and_when_and_wrong_moves_are_409(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var app = await StartAsync(kind, clock);
        var number = await (await app.SignedInAsync("partner")).RaisedAsync(Alert());
        var police = await app.SignedInAsync("police");

        var closeTooSoon = await police.CloseAsync(number);
        clock.Advance(TimeSpan.FromMinutes(40));
        var visited = await police.VisitAsync(number, new
        {
            outcome = "dissuaded", moneyProtected = 20000, advice = "讲解了投资诈骗手法 Explained the investment scam", followUp = "callBack",
            followUpOn = DateOnly.FromDateTime(clock.GetUtcNow().AddHours(8).AddDays(7).DateTime).ToString("yyyy-MM-dd"),
        });
        clock.Advance(TimeSpan.FromMinutes(5));
        var closed = await police.CloseAsync(number, new { note = "老人已打消念头" });
        var visitAfterClose = await police.VisitAsync(number, new { outcome = "notFraud" });
        var closeAgain = await police.CloseAsync(number);

        Assert.Equal(HttpStatusCode.Conflict, closeTooSoon.StatusCode);
        Assert.Contains("Record the visit first", (await closeTooSoon.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, visited.StatusCode);
        Assert.Equal("Visited", (await visited.JsonAsync()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var body = await closed.JsonAsync();
        Assert.Equal("Closed", body.GetProperty("state").GetString());
        Assert.Equal("刘伟", body.GetProperty("closing").GetProperty("by").GetString());
        Assert.Equal(clock.GetUtcNow(), body.GetProperty("closing").GetProperty("at").GetDateTimeOffset());
        Assert.Equal("Dissuaded", body.GetProperty("visit").GetProperty("outcome").GetString());
        Assert.Equal(20000, body.GetProperty("visit").GetProperty("moneyProtected").GetInt64());
        Assert.Equal("CallBack", body.GetProperty("visit").GetProperty("followUp").GetString());
        Assert.Equal(HttpStatusCode.Conflict, visitAfterClose.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, closeAgain.StatusCode);
        Assert.Equal(["Raised", "Visited", "Closed"], body.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));

        // The bank sees how it ended (for its check at the next transaction) but not the advice or who closed it.
        var bank = await (await (await app.SignedInAsync("partner")).OrderAsync(number)).JsonAsync();
        Assert.Equal("Dissuaded", bank.GetProperty("visit").GetProperty("outcome").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, bank.GetProperty("visit").GetProperty("advice").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, bank.GetProperty("closing").GetProperty("by").ValueKind);
    }

    [Theory, BothDatabases]
    public async Task A_visit_is_checked_field_by_field_and_a_refused_one_changes_nothing(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var number = await (await app.SignedInAsync("partner")).RaisedAsync(Alert());
        var worker = await app.SignedInAsync("worker");

        var empty = await worker.VisitAsync(number, new { });
        var wrong = await worker.VisitAsync(number, new { outcome = "scared", moneyProtected = -1, followUp = "sometime", advice = new string('x', 1001) });
        var callBackWithoutDate = await worker.VisitAsync(number, new { outcome = "unreachable", followUp = "call-back" });
        var pastDate = await worker.VisitAsync(number, new { outcome = "unreachable", followUp = "callBack", followUpOn = "2001-01-01" });
        var dateWithoutCallBack = await worker.VisitAsync(number, new { outcome = "already-lost", followUp = "nextTransactionCheck", followUpOn = "2999-01-01" });
        var extra = await worker.VisitAsync(number, new { outcome = "dissuaded", idNumber = "x" });

        Assert.Equal(["outcome"], await empty.ErrorFieldsAsync());
        Assert.Equal(["advice", "followUp", "moneyProtected", "outcome"], await wrong.ErrorFieldsAsync());
        Assert.Equal(["followUpOn"], await callBackWithoutDate.ErrorFieldsAsync());
        Assert.Equal(["followUpOn"], await pastDate.ErrorFieldsAsync());
        Assert.Equal(["followUpOn"], await dateWithoutCallBack.ErrorFieldsAsync());
        Assert.Equal(["idNumber"], await extra.ErrorFieldsAsync());
        Assert.Equal("Open", await app.WithDbAsync(db => db.DissuasionOrders.Where(o => o.Id == number).Select(o => o.State.ToString()).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task Closed_orders_lose_the_persons_fields_after_the_retention_period_but_keep_their_figures(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var app = await StartAsync(kind, clock, new() { ["AntiFraud:ErasePersonalFieldsAfterDays"] = "30" });
        var bank = await app.SignedInAsync("partner");
        var closed = await bank.RaisedAsync(Alert(phone: "13877770000"));
        var repeat = await bank.RaisedAsync(Alert(phone: "13877770000"));
        var worker = await app.SignedInAsync("worker");
        await worker.VisitAsync(closed, new { outcome = "dissuaded", moneyProtected = 5000 });
        await worker.CloseAsync(closed);
        await worker.VisitAsync(repeat, new { outcome = "dissuaded" });
        await worker.CloseAsync(repeat);

        clock.Advance(TimeSpan.FromDays(29));
        await app.EraseExpiredAsync();
        var early = await app.WithDbAsync(db => db.DissuasionOrders.Where(o => o.Id == closed).Select(o => o.PersonName).SingleAsync());
        clock.Advance(TimeSpan.FromDays(2));
        var erased = await app.EraseExpiredAsync();
        var order = await (await (await app.SignedInAsync("worker")).OrderAsync(closed)).JsonAsync();
        var row = await app.WithDbAsync(db => db.DissuasionOrders.AsNoTracking().SingleAsync(o => o.Id == repeat));

        Assert.Equal("李秀兰", early);
        Assert.True(erased >= 2);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, order.GetProperty("person").ValueKind);
        Assert.Equal(5000, order.GetProperty("visit").GetProperty("moneyProtected").GetInt64());
        Assert.Null(row.PersonName);
        Assert.Null(row.Phone);
        Assert.Null(row.UnitNodeId);
        Assert.Null(row.Seen);
        Assert.True(row.IsRepeatTarget);
    }
}
