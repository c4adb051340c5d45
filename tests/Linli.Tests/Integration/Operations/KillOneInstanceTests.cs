using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration.Operations;

/// <summary>
/// Three real Linli processes behind a real nginx on one PostgreSQL, Redis and SMTP server. Residents file reports
/// through nginx while one instance is killed with SIGKILL; no report answered with success may be lost or doubled,
/// and the outbox job, which every instance runs, may deliver no message twice.
/// </summary>
[Trait("Category", "Operations")]
public sealed class KillOneInstanceTests
{
    private const int Clients = 6;

    [Fact]
    public async Task Killing_an_instance_mid_burst_loses_no_answered_report_and_sends_no_message_twice()
    {
        var database = await TestDatabases.CreateAsync(DatabaseKind.Postgres);
        await using var redis = await RedisServer.StartAsync();
        await using var smtp = await SmtpTestServer.StartNewAsync();
        var environment = Environment(database, redis, smtp);

        await LinliProcess.RunAsync(environment, "migrate");
        var instances = Enumerable.Range(0, 3).Select(_ => LinliProcess.Start(LoopbackPorts.Free(), environment)).ToList();
        try
        {
            await Task.WhenAll(instances.Select(i => i.WaitUntilReadyAsync(TimeSpan.FromMinutes(3))));
            await using var nginx = await NginxProcess.StartAsync(instances.Select(i => i.Port));
            var report = await ReportBodyAsync(database);
            long outboxBefore;
            await using (var before = Database(database))
            {
                // The demo's own messages count as sent already; only what this test makes is checked.
                outboxBefore = await before.Outbox.MaxAsync(m => (long?)m.Id) ?? 0;
            }

            var answered = new ConcurrentBag<Answer>();
            var failures = new ConcurrentBag<string>();
            using var stop = new CancellationTokenSource();
            var residents = Enumerable.Range(0, Clients).Select(c => FileUntilStoppedAsync(nginx.Port, c, report, answered, failures, stop.Token)).ToList();

            // Bounded by counts rather than seconds, so a slow machine still kills mid-burst and files after the kill.
            await WaitForAsync(() => answered.Count >= 30, TimeSpan.FromSeconds(90));
            var beforeKill = answered.Count;
            instances[1].Kill();
            await WaitForAsync(() => answered.Count >= beforeKill + 60, TimeSpan.FromSeconds(90));
            await stop.CancelAsync();
            await Task.WhenAll(residents);

            Assert.True(beforeKill > 0 && answered.Count > beforeKill, $"reports answered: {beforeKill} before the kill, {answered.Count} in all; {string.Join("; ", failures.Take(5))}");
            Assert.True(failures.IsEmpty, $"reports never answered after retries: {string.Join("; ", failures.Take(5))}\n{nginx.ErrorLog}");

            await using var db = Database(database);
            var answers = answered.ToList();

            // Every answered report exists exactly once, under the receipt and number it was answered with.
            var receipts = answers.Select(a => a.Receipt).Distinct().ToList();
            var stored = await db.Cases.AsNoTracking().Where(c => receipts.Contains(c.Receipt)).Select(c => new { c.Id, c.Receipt, c.ClientRequestKey }).ToListAsync();
            Assert.Equal(receipts.Count, stored.Count);
            foreach (var answer in answers)
            {
                Assert.Equal(answer.Number, stored.Single(s => s.Receipt == answer.Receipt).Id);
            }

            // One case per request key: retries after a cut connection or a 502 found the first try's case.
            var keys = answers.Select(a => Hash(a.Key)).Distinct().ToList();
            var perKey = await db.Cases.AsNoTracking().Where(c => keys.Contains(c.ClientRequestKey!)).GroupBy(c => c.ClientRequestKey).Select(g => g.Count()).ToListAsync();
            Assert.Equal(keys.Count, perKey.Count);
            Assert.All(perKey, count => Assert.Equal(1, count));
            Assert.Equal(answers.Count, keys.Count + answers.Count(a => a.Replay));
            Assert.Contains(answers, a => a.Replay);

            // The outbox: the live instances deliver what is due (bar at most a batch the killed one had claimed and locked),
            // and no message reaches the SMTP server twice.
            var outboxDone = await WaitForOutboxAsync(database, outboxBefore, TimeSpan.FromSeconds(60));
            // Marked sent first, mailbox second: a send still in flight when the outbox looked drained is marked only
            // after the SMTP server has the message, so whatever is marked by now is in the mailbox.
            var sentIds = await db.Outbox.AsNoTracking().Where(m => m.Id > outboxBefore && m.Channel == Linli.Web.Features.Notifications.NotificationChannel.Email && m.SentAt != null).Select(m => m.Id).ToListAsync();
            var messages = await smtp.MessagesAsync();
            var deliveredIds = messages.Select(m => OutboxId(m.MessageId ?? "")).ToList();
            Assert.True(deliveredIds.Count > 0, "no message was delivered");
            Assert.Equal(deliveredIds.Count, deliveredIds.Distinct().Count());
            Assert.NotEmpty(sentIds);
            Assert.Empty(sentIds.Except(deliveredIds));
            Assert.True(outboxDone, "the outbox did not drain");
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    private static async Task WaitForAsync(Func<bool> done, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!done() && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }
    }

    private sealed record Answer(string Key, string Receipt, long Number, bool Replay);

    /// <summary>A resident's phone: files reports one after another, retrying each with its key until it is answered.</summary>
    private static async Task FileUntilStoppedAsync(int port, int client, Dictionary<string, object?> report, ConcurrentBag<Answer> answered, ConcurrentBag<string> failures, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var key = $"kill-test-{client}-{n}-{Guid.NewGuid():N}";
            var body = new Dictionary<string, object?>(report) { ["description"] = $"第{client}号住户的第{n}次报告 report {n} from resident {client}" };
            var first = await PostWithRetriesAsync(http, key, body);
            if (first is null)
            {
                failures.Add(key);
                continue;
            }

            answered.Add(first with { Replay = false });

            // Every third report is sent again with its key, as a phone does that never saw the answer.
            if (n % 3 == 0 && await PostWithRetriesAsync(http, key, body) is { } again)
            {
                Assert.Equal((first.Receipt, first.Number), (again.Receipt, again.Number));
                answered.Add(again with { Replay = true });
            }
        }
    }

    private static async Task<Answer?> PostWithRetriesAsync(HttpClient http, string key, Dictionary<string, object?> body)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent.Create(body) };
                request.Headers.Add("Idempotency-Key", key);
                using var response = await http.SendAsync(request);
                if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                {
                    var json = await response.Content.ReadFromJsonAsync<JsonElement>();
                    return new Answer(key, json.GetProperty("receipt").GetString()!, json.GetProperty("number").GetInt64(), response.StatusCode == HttpStatusCode.OK);
                }

                Assert.True((int)response.StatusCode >= 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200 * (attempt + 1));
        }

        return null;
    }

    private static async Task<bool> WaitForOutboxAsync(string database, long after, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            await using var db = Database(database);
            var now = DateTimeOffset.UtcNow;
            var due = await db.Outbox.AsNoTracking().CountAsync(m => m.Id > after && m.SentAt == null && m.AbandonedAt == null && (m.LockedUntil == null || m.LockedUntil < now));
            if (due == 0)
            {
                return true;
            }

            await Task.Delay(500);
        }

        return false;
    }

    private static Dictionary<string, string> Environment(string database, RedisServer redis, SmtpTestServer smtp)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Linli"] = database,
            ["Database__SeedDemoWhenEmpty"] = "false",
            ["Redis__Configuration"] = redis.Configuration,
            ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
            ["RateLimits__ReportsPerMinute"] = "100000",
            ["Notifications__Outbox__PollIntervalSeconds"] = "1",
            ["Logging__LogLevel__Default"] = "Warning",
            // Instances racing for a job lease is expected; EF would log every lost race as an error.
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "None",
        };
        foreach (var (key, value) in smtp.Settings())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }

        return environment;
    }

    private static async Task<Dictionary<string, object?>> ReportBodyAsync(string database)
    {
        await using var db = Database(database);
        var building = await db.Nodes.AsNoTracking().SingleAsync(n => n.Code == Linli.Web.Features.Demo.DemoAccounts.BuildingCode);
        var centre = building.Geometry!.InteriorPoint;
        return new Dictionary<string, object?>
        {
            ["category"] = "water-leak",
            ["latitude"] = centre.Y,
            ["longitude"] = centre.X,
            ["attributes"] = new Dictionary<string, object> { ["where"] = "street" },
            ["name"] = "吴晓东",
            ["email"] = "reporter@example.org",
        };
    }

    private static PostgresLinliDb Database(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresLinliDb>().UseNpgsql(connectionString).Options);

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Linli's Message-Id is outbox.{id}.{ticks}@domain.</summary>
    private static long OutboxId(string messageId) => long.Parse(messageId.Split('.')[1], CultureInfo.InvariantCulture);
}
