using System.Collections.Concurrent;
using System.Diagnostics;
using Linli.Web.Data;
using Linli.Web.Features.Notifications;
using Linli.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Linli.Bench;

/// <summary>
/// <c>delivery sqlite|postgres [CONNECTION-STRING] [--messages N] [--senders K]</c>: stores N SMS messages in a fresh
/// outbox, then K <see cref="OutboxSender"/>s deliver them through a local fake webhook gateway (Kestrel on loopback)
/// that checks the signature and answers 503 to a random half of the requests. At the end every message id must have
/// been accepted by the gateway exactly once and every row be marked sent: none lost, none sent twice. Reports the
/// messages accepted per second (retries included in the time).
/// </summary>
internal static class DeliveryTiming
{
    public const string Usage =
        "usage: delivery sqlite|postgres [CONNECTION-STRING] [--messages N] [--senders K]   (default 20,000 messages, 2 senders)";

    private const string Secret = "bench-webhook-secret";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var (rest, senders) = BenchArgs.Parse(args, "--senders", 2);
        var (positional, messages) = BenchArgs.Parse(rest, "--messages", 20_000);
        var provider = positional.ElementAtOrDefault(0)?.ToLowerInvariant();
        if (provider is not ("sqlite" or "postgres") || messages < 1 || senders < 1)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var postgres = provider == "postgres";
        var connectionString = positional.ElementAtOrDefault(1)
            ?? (postgres ? ImportTiming.DefaultPostgres : "Data Source=" + Path.Combine(Path.GetTempPath(), "linli-bench", "delivery.db"));

        await using var gateway = await FakeGateway.StartAsync();
        await using var services = BenchServices.Build(postgres, connectionString, new Dictionary<string, string?>
        {
            ["Notifications:Sms:Provider"] = nameof(SmsProvider.Webhook),
            ["Notifications:Sms:Url"] = gateway.Url,
            ["Notifications:Sms:WebhookSecret"] = Secret,
            ["Notifications:Outbox:BatchSize"] = "200",
            ["Notifications:Outbox:FirstRetrySeconds"] = "1",
            ["Notifications:Outbox:MaxRetrySeconds"] = "2",
            ["Notifications:Outbox:MaxAttempts"] = "60",
        }, (s, configuration) => s.AddSingleton(TimeProvider.System).AddSingleton<JobInstance>().AddNotificationsFeature(configuration));

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
            await ImportTiming.ResetAsync(db, postgres, connectionString);
            await SeedAsync(db, postgres, messages);
        }

        Console.WriteLine($"Provider: {provider}; {messages:N0} SMS messages; {senders} senders; gateway fails half the requests; " +
            $".NET {Environment.Version}; {Environment.ProcessorCount} cores; load average {BenchArgs.LoadAverage()}");
        var watch = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var loops = Enumerable.Range(0, senders).Select(_ => SendUntilStoppedAsync(services, stop.Token)).ToList();
        while (await PendingAsync(services) > 0)
        {
            await Task.Delay(500);
        }

        watch.Stop();
        await stop.CancelAsync();
        await Task.WhenAll(loops);

        await using var check = services.CreateAsyncScope();
        var rows = await check.ServiceProvider.GetRequiredService<LinliDb>().Outbox.AsNoTracking()
            .Select(m => new { m.Id, m.SentAt, m.AbandonedAt, m.Attempts }).ToListAsync();
        var sentKeys = rows.Where(r => r.SentAt != null).Select(r => $"linli-outbox-{r.Id}").ToHashSet();
        var lost = rows.Count(r => r.SentAt == null);
        var duplicates = gateway.Accepted.Count(a => a.Value != 1);
        var unknown = gateway.Accepted.Keys.Count(k => !sentKeys.Contains(k));
        var missing = sentKeys.Count(k => !gateway.Accepted.ContainsKey(k));
        var seconds = watch.Elapsed.TotalSeconds;

        Console.WriteLine($"Delivered {gateway.Accepted.Count:N0} of {messages:N0} in {seconds:F1} s = {gateway.Accepted.Count / seconds:N0} messages/s; " +
            $"{gateway.Requests:N0} gateway requests ({gateway.Refused:N0} refused with 503, {gateway.BadSignatures} with a bad signature); " +
            $"attempts per message: mean {rows.Average(r => r.Attempts):F2}, max {rows.Max(r => r.Attempts)}; load average after {BenchArgs.LoadAverage()}");
        var ok = rows.Count == messages && lost == 0 && duplicates == 0 && unknown == 0 && missing == 0 && gateway.BadSignatures == 0;
        Console.WriteLine(ok
            ? "Every message was accepted exactly once and is marked sent: none lost, none duplicated."
            : $"FAILED: {lost} rows not sent, {duplicates} ids accepted more than once, {unknown} accepted ids not marked sent, {missing} marked sent but never accepted.");
        return ok ? 0 : 1;
    }

    private static async Task SendUntilStoppedAsync(ServiceProvider services, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await using var scope = services.CreateAsyncScope();
            var attempted = await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None);
            if (attempted == 0)
            {
                // Only retries waiting out their backoff are left (or nothing): look again shortly.
                try
                {
                    await Task.Delay(100, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static async Task<int> PendingAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LinliDb>().Outbox.CountAsync(m => m.SentAt == null && m.AbandonedAt == null);
    }

    /// <summary>N messages in one set-based statement, due now.</summary>
    private static async Task SeedAsync(LinliDb db, bool postgres, int messages)
    {
        var now = DateTimeOffset.UtcNow;
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var numbers = postgres
            ? $"SELECT i FROM generate_series(1, {messages}) i"
            : $"WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {messages}) SELECT i FROM s";
        var phone = postgres ? "'+86139' || lpad(i::text, 8, '0')" : "'+86139' || substr('0000000' || i, -8)";
        var sql = $"""
            INSERT INTO outbox_messages ("Channel", "Recipient", "Subject", "Body", "Purpose", "CreatedAt", "NextAttemptAt", "Attempts")
            SELECT 'Sms', {phone}, '压测 Benchmark', 'message ' || i, 'Service', @now, @now, 0 FROM ({numbers}) n
            """;
        await db.Database.ExecuteSqlRawAsync(sql, postgres ? new Npgsql.NpgsqlParameter("now", now) : new Microsoft.Data.Sqlite.SqliteParameter("now", now.UtcTicks));
    }

    /// <summary>The gateway stand-in: checks the signature, refuses a random half with 503, counts each id it accepts.</summary>
    private sealed class FakeGateway : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _requests;
        private int _refused;
        private int _badSignatures;

        public ConcurrentDictionary<string, int> Accepted { get; } = new();

        public string Url { get; private set; } = "";

        public int Requests => _requests;

        public int Refused => _refused;

        public int BadSignatures => _badSignatures;

        private FakeGateway(WebApplication app) => _app = app;

        public static async Task<FakeGateway> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
            var app = builder.Build();
            var gateway = new FakeGateway(app);
            app.MapPost("/send", async (HttpContext http) =>
            {
                Interlocked.Increment(ref gateway._requests);
                using var buffer = new MemoryStream();
                await http.Request.Body.CopyToAsync(buffer);
                var body = buffer.ToArray();
                if (!WebhookSms.Verify(body, http.Request.Headers[WebhookSms.SignatureHeader], Secret))
                {
                    Interlocked.Increment(ref gateway._badSignatures);
                    return Results.StatusCode(StatusCodes.Status401Unauthorized);
                }

                if (Random.Shared.Next(2) == 0)
                {
                    Interlocked.Increment(ref gateway._refused);
                    return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
                }

                var id = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
                gateway.Accepted.AddOrUpdate(id, 1, (_, n) => n + 1);
                return Results.Json(new { code = "OK" });
            });
            await app.StartAsync();
            gateway.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/') + "/send";
            return gateway;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
