using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Demo;
using Linli.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Integration.Cases;

/// <summary>
/// Parking is a General category handled by the grid chief: 24 h to respond. Water leaks go to the water utility: 2 h.
/// </summary>
public sealed class EscalationTests
{
    private const string District = TreeGenerator.JiulongpoCode;
    private const string Street = TreeGenerator.ShiqiaopuCode;
    private const string Community = DemoAccounts.CommunityCode;
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    [Theory, BothDatabases]
    public async Task An_overdue_case_climbs_to_its_community_street_and_district_one_limit_at_a_time(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var app = await StartAsync(kind, clock);
        var (number, receipt) = await FileAsync(app, "parking");

        clock.Advance(Day - TimeSpan.FromMinutes(1));
        await app.EscalateAsync();
        var beforeDeadline = await LevelAsync(app, number);
        clock.Advance(TimeSpan.FromMinutes(2));
        await app.EscalateAsync();
        var justAfter = await EscalationsAsync(app, number);
        var levelJustAfter = await LevelAsync(app, number);
        clock.Advance(Day);
        await app.EscalateAsync();
        var afterTwoLimits = await LevelAsync(app, number);
        clock.Advance(Day);
        await app.EscalateAsync();
        clock.Advance(10 * Day);
        await app.EscalateAsync();
        var page = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/cases/{receipt}");

        Assert.Equal(0, beforeDeadline);
        Assert.Equal([Community], justAfter);
        Assert.Equal(1, levelJustAfter);
        Assert.Equal(2, afterTwoLimits);
        Assert.Equal(3, await LevelAsync(app, number));
        Assert.Equal([Community, Street, District], await EscalationsAsync(app, number));
        Assert.Equal(3, page.GetProperty("updates").EnumerateArray().Count(u => u.GetProperty("kind").GetString() == "Escalated"));
    }

    [Theory, BothDatabases]
    public async Task A_reopened_case_gets_a_fresh_time_to_resolve_and_climbs_again_from_the_community(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var app = await StartAsync(kind, clock);
        var (number, receipt) = await FileAsync(app, "parking");
        var gridChief = await app.SignedInAsync("gridchief");
        await gridChief.ActAsync(number, "accept");
        clock.Advance(8 * Day);
        await app.EscalateAsync();
        var lateFirstTime = await LevelAsync(app, number);
        gridChief = await app.SignedInAsync("gridchief");
        await gridChief.ActAsync(number, "resolve", new { note = "车已挪走 The car was moved" });

        var reopened = await app.Anonymous().PostAsJsonAsync($"/api/v1/cases/{receipt}/reopen", new { note = "车又停回来了 It is back" });
        await app.EscalateAsync();
        var rightAfterReopening = await LevelAsync(app, number);
        var page = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/cases/{receipt}");
        clock.Advance(7 * Day + TimeSpan.FromMinutes(1));
        await app.EscalateAsync();

        Assert.Equal(1, lateFirstTime);
        Assert.True(reopened.IsSuccessStatusCode);
        Assert.Equal(0, rightAfterReopening);
        Assert.Equal(clock.GetUtcNow() - TimeSpan.FromMinutes(1), page.GetProperty("expectedBy").GetDateTimeOffset());
        Assert.Equal(1, await LevelAsync(app, number));
        Assert.Equal([Community, Community], await EscalationsAsync(app, number));
    }

    [Theory, BothDatabases]
    public async Task A_department_case_is_also_escalated_to_the_departments_supervisor_by_email(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var app = await StartAsync(kind, clock);
        await app.WithDbAsync(db => db.Departments.Where(d => d.Code == "water-utility")
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.SupervisorEmail, "supervisor@water.example.org")));
        var (number, receipt) = await FileAsync(app, "water-leak");

        clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        await app.EscalateAsync();
        var firstEscalations = await EscalationsAsync(app, number);
        var firstMails = await SupervisorMailsAsync(app);
        clock.Advance(TimeSpan.FromHours(2));
        await app.EscalateAsync();

        Assert.Equal([Community, "department:water-utility"], firstEscalations);
        var mail = Assert.Single(firstMails);
        Assert.Equal(NotificationChannel.Email, mail.Channel);
        Assert.Contains($"#{number}", mail.Subject);
        Assert.Contains($"#{number}", mail.Body);
        Assert.DoesNotContain(receipt, mail.Body);
        Assert.DoesNotContain("reporter@example.org", mail.Body);
        Assert.Equal([Community, "department:water-utility", Street, "department:water-utility"], await EscalationsAsync(app, number));
        Assert.Equal(2, (await SupervisorMailsAsync(app)).Count);
    }

    [Theory, BothDatabases]
    public async Task Resolved_closed_and_cancelled_cases_are_never_escalated(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var app = await StartAsync(kind, clock);
        var gridChief = await app.SignedInAsync("gridchief");
        var worker = await app.SignedInAsync("worker");
        var (resolved, _) = await FileAsync(app, "parking");
        var (closed, _) = await FileAsync(app, "parking");
        var (cancelled, _) = await FileAsync(app, "parking");
        var (open, _) = await FileAsync(app, "parking");
        foreach (var number in new[] { resolved, closed })
        {
            await gridChief.ActAsync(number, "accept");
            await gridChief.ActAsync(number, "resolve", new { note = "车已挪走 The car was moved" });
        }

        await gridChief.ActAsync(closed, "verify");
        await worker.ActAsync(closed, "close");
        await worker.ActAsync(cancelled, "cancel", new { note = "报错了 Reported by mistake" });

        clock.Advance(30 * Day);
        await app.EscalateAsync();

        foreach (var number in new[] { resolved, closed, cancelled })
        {
            Assert.Equal(0, await LevelAsync(app, number));
            Assert.Empty(await EscalationsAsync(app, number));
        }

        Assert.Equal(3, await LevelAsync(app, open));
    }

    [Theory, BothDatabases]
    public async Task Escalated_cases_are_in_the_escalated_queue_of_the_dispatchers_they_reached(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var app = await StartAsync(kind, clock);
        var (escalated, _) = await FileAsync(app, "parking");
        clock.Advance(Day + Day + TimeSpan.FromMinutes(1));
        var (fresh, _) = await FileAsync(app, "parking");
        await app.EscalateAsync();

        var asWorker = await QueueAsync(await app.SignedInAsync("worker"));
        var asStreet = await QueueAsync(await app.SignedInAsync("street"));
        var asGridChief = await QueueAsync(await app.SignedInAsync("gridchief"));
        var bad = await (await app.SignedInAsync("worker")).GetAsync("/api/v1/work/cases?view=upstairs");

        Assert.Equal([escalated], asWorker.Select(i => i.GetProperty("number").GetInt64()));
        Assert.Equal([escalated], asStreet.Select(i => i.GetProperty("number").GetInt64()));
        Assert.Equal(2, asStreet.Single().GetProperty("escalationLevel").GetInt32());
        Assert.DoesNotContain(asWorker, i => i.GetProperty("number").GetInt64() == fresh);
        Assert.Empty(asGridChief);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Two_instances_on_one_PostgreSQL_database_escalate_each_case_exactly_once()
    {
        var clock = TestClock.StartingNow();
        var loops = new Dictionary<string, string?> { ["Cases:EscalationEnabled"] = "true", ["Cases:EscalationIntervalSeconds"] = "60" };
        await using var first = await StartAsync(DatabaseKind.Postgres, clock, loops);
        await using var second = await LinliApp.StartOnAsync(DatabaseKind.Postgres, first.ConnectionString, loops, s => s.AddSingleton<TimeProvider>(clock));
        var numbers = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            numbers.Add((await FileAsync(i % 2 == 0 ? first : second, "parking")).Number);
        }

        foreach (var level in new[] { 1, 2, 3 })
        {
            clock.Advance(level == 1 ? Day + TimeSpan.FromMinutes(1) : Day);
            await WaitUntilAsync(clock, () => first.WithDbAsync(db => db.Cases.Where(c => numbers.Contains(c.Id)).AllAsync(c => c.EscalationLevel == level)));
        }

        var escalations = await first.WithDbAsync(db => db.CaseEvents.Where(e => numbers.Contains(e.CaseId) && e.Kind == CaseEventKind.Escalated)
            .Select(e => new { e.CaseId, e.EscalatedTo }).ToListAsync());
        Assert.Equal(numbers.Count * 3, escalations.Count);
        Assert.All(escalations.GroupBy(e => e.CaseId), g => Assert.Equal([Community, Street, District], g.Select(e => e.EscalatedTo).OrderDescending()));
    }

    [Fact]
    public async Task Overlapping_runs_that_ignore_the_lease_still_raise_each_case_once()
    {
        var clock = TestClock.StartingNow();
        await using var first = await StartAsync(DatabaseKind.Postgres, clock);
        await using var second = await LinliApp.StartOnAsync(DatabaseKind.Postgres, first.ConnectionString, services: s => s.AddSingleton<TimeProvider>(clock));
        var numbers = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            numbers.Add((await FileAsync(first, "parking")).Number);
        }

        clock.Advance(Day + TimeSpan.FromMinutes(1));
        var firstRound = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? first : second).EscalateWithoutLeaseAsync()));
        clock.Advance(Day);
        var secondRound = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? first : second).EscalateWithoutLeaseAsync()));

        var perCase = await first.WithDbAsync(db => db.CaseEvents.Where(e => numbers.Contains(e.CaseId) && e.Kind == CaseEventKind.Escalated)
            .GroupBy(e => e.CaseId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(numbers.Count, firstRound.Sum());
        Assert.Equal(numbers.Count, secondRound.Sum());
        Assert.Equal(Enumerable.Repeat(2, numbers.Count), perCase);
    }

    private static Task<LinliApp> StartAsync(DatabaseKind kind, FakeTimeProvider clock, Dictionary<string, string?>? settings = null) =>
        LinliApp.StartAsync(kind, settings, services: s => s.AddSingleton<TimeProvider>(clock));

    private static async Task<(long Number, string Receipt)> FileAsync(LinliApp app, string category)
    {
        var filed = await app.Anonymous().FileAsync(await app.ReportAsync(category));
        return (filed.GetProperty("number").GetInt64(), filed.GetProperty("receipt").GetString()!);
    }

    private static Task<int> LevelAsync(LinliApp app, long number) =>
        app.WithDbAsync(db => db.Cases.Where(c => c.Id == number).Select(c => c.EscalationLevel).SingleAsync());

    private static Task<List<string?>> EscalationsAsync(LinliApp app, long number) =>
        app.WithDbAsync(db => db.CaseEvents.Where(e => e.CaseId == number && e.Kind == CaseEventKind.Escalated).OrderBy(e => e.Id).Select(e => e.EscalatedTo).ToListAsync());

    private static Task<List<OutboxMessage>> SupervisorMailsAsync(LinliApp app) =>
        app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Recipient == "supervisor@water.example.org").ToListAsync());

    private static async Task<List<JsonElement>> QueueAsync(HttpClient staff) =>
        [.. (await staff.GetFromJsonAsync<JsonElement>("/api/v1/work/cases?view=escalated")).EnumerateArray()];

    /// <summary>
    /// Waits for the instances' loops to catch up with the clock. Each poll moves the clock one interval on, which wakes
    /// a loop that was still busy when the clock last moved; an interval is far below any limit, so no level is skipped.
    /// </summary>
    private static async Task WaitUntilAsync(FakeTimeProvider clock, Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "the escalation loops did not catch up with the clock within 60 s");
            clock.Advance(TimeSpan.FromSeconds(61));
            await Task.Delay(50);
        }
    }
}
