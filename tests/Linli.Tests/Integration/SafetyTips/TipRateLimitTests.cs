using System.Net;
using System.Net.Http.Json;
using Linli.Tests.Infrastructure;
using Linli.Tests.Integration.AntiFraud;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Integration.SafetyTips.TipsWorld;

namespace Linli.Tests.Integration.SafetyTips;

public sealed class TipRateLimitTests
{
    [Theory, BothDatabases]
    public async Task A_network_past_its_hourly_tips_gets_429_and_nothing_is_stored_while_another_network_still_may(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var app = await StartAsync(kind, clock, new() { ["SafetyTips:SubmissionsPerNetworkPerHour"] = "2" });
        var home = app.From("198.51.100.7");
        var before = await app.WithDbAsync(db => db.SafetyTips.CountAsync());

        // A refused form does not use up the allowance.
        Assert.Equal(HttpStatusCode.BadRequest, (await home.SubmitAsync(new { kind = "theft" })).StatusCode);
        await home.SubmittedAsync(Tip(now: clock.GetUtcNow()));
        await home.SubmittedAsync(Tip(now: clock.GetUtcNow()));
        var third = await home.SubmitAsync(Tip(now: clock.GetUtcNow()));
        var elsewhere = await app.From("192.0.2.44").SubmitAsync(Tip(now: clock.GetUtcNow()));
        var sameHouseholdIpv6 = await app.From("2001:db8:1:2::10").SubmitAsync(Tip(now: clock.GetUtcNow()));
        await app.From("2001:db8:1:2::11").SubmitAsync(Tip(now: clock.GetUtcNow()));
        var sameHouseholdAgain = await app.From("2001:db8:1:2::12").SubmitAsync(Tip(now: clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromMinutes(61));
        var nextHour = await home.SubmitAsync(Tip(now: clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        var problem = await third.JsonAsync();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("wait an hour", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Created, sameHouseholdIpv6.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, sameHouseholdAgain.StatusCode);
        Assert.Equal(HttpStatusCode.Created, nextHour.StatusCode);
        Assert.Equal(before + 6, await app.WithDbAsync(db => db.SafetyTips.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task Answers_are_limited_per_receipt_and_follow_ups_per_network(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var app = await StartAsync(kind, clock, new() { ["SafetyTips:AnswersPerReceiptPerHour"] = "2", ["SafetyTips:FollowUpsPerNetworkPerHour"] = "9" });
        var receipt = await app.From("198.51.100.8").SubmittedAsync(Tip(now: clock.GetUtcNow()));
        var id = await app.TipIdAsync(receipt);
        var police = await app.SignedInAsync("police");

        async Task<HttpStatusCode> AskThenAnswerAsync(string from)
        {
            await police.PostAsJsonAsync($"/api/v1/tips/{id}/questions", new { text = "还有吗？" });
            return (await app.From(from).AnswerAsync(receipt, "有。")).StatusCode;
        }

        var first = await AskThenAnswerAsync("198.51.100.20");
        var second = await AskThenAnswerAsync("198.51.100.21");
        var third = await AskThenAnswerAsync("198.51.100.22");
        clock.Advance(TimeSpan.FromMinutes(61));
        var later = await AskThenAnswerAsync("198.51.100.23");

        // Guessing receipts from one network stops at the hourly allowance, found or not.
        var guesser = app.From("203.0.113.200");
        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            guesses.Add((await guesser.FollowUpAsync($"{i:D5}-00000-00000-00000")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], new[] { first, second, third, later });
        Assert.Equal(3, await app.WithDbAsync(db => db.SafetyTipMessages.CountAsync(m => m.TipId == id && !m.FromStation)));
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.NotFound, 9).Append(HttpStatusCode.TooManyRequests), guesses);
    }
}
