using System.Collections.Concurrent;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Integration.Notifications;

public sealed class NoLossNoDuplicateTests
{
    private const int Messages = 2000;

    [Theory, BothDatabases]
    public async Task Two_senders_through_a_gateway_that_fails_half_the_time_deliver_every_message_exactly_once(DatabaseKind kind)
    {
        var accepted = new ConcurrentDictionary<string, int>();
        var random = new Random(6);
        await using var gateway = await LoopbackReceiver.StartAsync((_, body) =>
        {
            bool fail;
            lock (random)
            {
                fail = random.Next(2) == 0;
            }

            if (fail)
            {
                return (503, "{}");
            }

            accepted.AddOrUpdate(JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!, 1, (_, n) => n + 1);
            return (200, "{}");
        });
        var clock = TestClock.StartingNow();
        var settings = NotificationWorld.WebhookSms(gateway.Url);
        settings["Notifications:Outbox:BatchSize"] = "100";
        settings["Notifications:Outbox:MaxAttempts"] = "100";
        settings["Notifications:Outbox:FirstRetrySeconds"] = "1";
        settings["Notifications:Outbox:MaxRetrySeconds"] = "8";
        await using var app = await LinliApp.StartAsync(kind, settings, withDemo: false, services: s => s.AddSingleton<TimeProvider>(clock));
        await app.WithDbAsync(db =>
        {
            var now = clock.GetUtcNow();
            db.Outbox.AddRange(Enumerable.Range(0, Messages).Select(i => new OutboxMessage
            {
                Channel = NotificationChannel.Sms, Recipient = $"+86139{i:00000000}", Subject = "压测", Body = $"message {i}", CreatedAt = now, NextAttemptAt = now,
            }));
            return db.SaveChangesAsync();
        });

        for (var round = 0; round < 200 && await PendingAsync(app) > 0; round++)
        {
            await Task.WhenAll(DrainAsync(app), DrainAsync(app));
            clock.Advance(TimeSpan.FromSeconds(8));
        }

        var ids = await app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.SentAt != null).Select(m => m.Id).ToListAsync());
        Assert.Equal(Messages, ids.Count);
        Assert.Equal(Messages, accepted.Count);
        Assert.All(accepted.Values, n => Assert.Equal(1, n));
        Assert.Equal(ids.Select(id => $"linli-outbox-{id}").Order(), accepted.Keys.Order());
    }

    private static Task<int> PendingAsync(LinliApp app) => app.WithDbAsync(db => db.Outbox.CountAsync(m => m.SentAt == null && m.AbandonedAt == null));

    private static async Task DrainAsync(LinliApp app)
    {
        while (await app.SendOutboxAsync() > 0)
        {
        }
    }
}
