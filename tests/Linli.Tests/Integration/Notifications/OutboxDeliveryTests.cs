using System.Net;
using System.Net.Http.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Linli.Tests.Integration.Notifications;

public sealed class OutboxDeliveryTests
{
    private const string Reporter = "reporter@example.org";

    [Theory, BothDatabases]
    public async Task A_residents_report_reaches_their_mailbox_with_the_receipt_link(DatabaseKind kind)
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        var settings = smtp.Settings();
        settings["Notifications:Outbox:Enabled"] = "true";
        settings["Notifications:Outbox:PollIntervalSeconds"] = "1";
        settings["Notifications:PublicBaseUrl"] = "https://linli.example.org";
        await using var app = await LinliApp.StartAsync(kind, settings);

        var filed = await app.Anonymous().FileAsync(await app.ReportAsync("water-leak"));
        var (number, receipt) = (filed.GetProperty("number").GetInt64(), filed.GetProperty("receipt").GetString()!);
        var mail = (await smtp.WaitForAsync(m => m.Any(x => IsTo(x, Reporter)))).Single(x => IsTo(x, Reporter));
        var row = await app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.CaseId == number));

        Assert.Contains($"https://linli.example.org/cases/{receipt}", mail.TextBody);
        Assert.Contains($"#{number}", mail.Subject);
        Assert.Equal("noreply@linli.test", mail.From.Mailboxes.Single().Address);
        Assert.NotNull(row.SentAt);
        Assert.Null(row.LockedBy);
        Assert.Equal(1, row.Attempts);
    }

    [Theory, BothDatabases]
    public async Task A_followers_message_does_not_carry_the_reporters_receipt(DatabaseKind kind)
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        await using var app = await LinliApp.StartAsync(kind, smtp.Settings());
        var filed = await app.Anonymous().FileAsync(await app.ReportAsync("water-leak"));
        var (number, receipt) = (filed.GetProperty("number").GetInt64(), filed.GetProperty("receipt").GetString()!);
        var follow = await app.Anonymous().PostAsJsonAsync($"/api/v1/cases/{number}/followers", new { email = "neighbour@example.org" });
        await (await app.SignedInAsync("handler")).ActAsync(number, "accept");

        await app.SendOutboxAsync();
        var messages = await smtp.MessagesAsync();

        Assert.Equal(HttpStatusCode.NoContent, follow.StatusCode);
        Assert.Equal(3, messages.Count);
        var toFollower = messages.Single(m => IsTo(m, "neighbour@example.org"));
        Assert.Contains("accepted", toFollower.TextBody);
        Assert.DoesNotContain(receipt, toFollower.TextBody);
        Assert.DoesNotContain("/cases/", toFollower.TextBody);
        Assert.Equal(2, messages.Count(m => IsTo(m, Reporter)));
        Assert.All(messages.Where(m => IsTo(m, Reporter)), m => Assert.Contains(receipt, m.TextBody));
    }

    [Theory, BothDatabases]
    public async Task While_the_mail_server_is_down_a_message_is_retried_with_growing_waits_and_delivered_once_when_it_returns(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var smtp = SmtpTestServer.OnFreePort();
        var settings = smtp.Settings();
        settings["Notifications:Outbox:FirstRetrySeconds"] = "60";
        await using var app = await LinliApp.StartAsync(kind, settings, services: s => s.AddSingleton<TimeProvider>(clock));
        var number = (await app.Anonymous().FileAsync(await app.ReportAsync("water-leak"))).GetProperty("number").GetInt64();
        var start = clock.GetUtcNow();

        var first = await app.SendOutboxAsync();
        var afterFirst = await MessageOfAsync(app, number);
        var tooSoon = await app.SendOutboxAsync();
        clock.Advance(TimeSpan.FromSeconds(60));
        var second = await app.SendOutboxAsync();
        var afterSecond = await MessageOfAsync(app, number);
        clock.Advance(TimeSpan.FromSeconds(119));
        var stillWaiting = await app.SendOutboxAsync();

        await smtp.StartAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        var third = await app.SendOutboxAsync();
        clock.Advance(TimeSpan.FromDays(1));
        var afterDelivery = await app.SendOutboxAsync();
        var delivered = await MessageOfAsync(app, number);
        var received = await smtp.MessagesAsync();

        Assert.Equal((1, 0, 1, 0, 1, 0), (first, tooSoon, second, stillWaiting, third, afterDelivery));
        Assert.Equal(1, afterFirst.Attempts);
        Assert.Equal(start.AddSeconds(60), afterFirst.NextAttemptAt);
        Assert.False(string.IsNullOrEmpty(afterFirst.LastError));
        Assert.Null(afterFirst.SentAt);
        Assert.Equal(2, afterSecond.Attempts);
        Assert.Equal(start.AddSeconds(60 + 120), afterSecond.NextAttemptAt);
        Assert.Equal(start.AddSeconds(180), delivered.SentAt);
        Assert.Equal(3, delivered.Attempts);
        Assert.Null(delivered.AbandonedAt);
        Assert.Single(received, m => IsTo(m, Reporter));
    }

    [Fact]
    public async Task A_message_is_abandoned_after_the_maximum_number_of_attempts()
    {
        var clock = TestClock.StartingNow();
        await using var smtp = SmtpTestServer.OnFreePort();
        var settings = smtp.Settings();
        settings["Notifications:Outbox:MaxAttempts"] = "3";
        settings["Notifications:Outbox:FirstRetrySeconds"] = "10";
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite, settings, services: s => s.AddSingleton<TimeProvider>(clock));
        var number = (await app.Anonymous().FileAsync(await app.ReportAsync("water-leak"))).GetProperty("number").GetInt64();

        var attempted = 0;
        for (var pass = 0; pass < 6; pass++)
        {
            attempted += await app.SendOutboxAsync();
            clock.Advance(TimeSpan.FromHours(1));
        }

        var message = await MessageOfAsync(app, number);
        Assert.Equal(3, attempted);
        Assert.Equal(3, message.Attempts);
        Assert.NotNull(message.AbandonedAt);
        Assert.Null(message.SentAt);
        Assert.False(string.IsNullOrEmpty(message.LastError));
    }

    [Fact]
    public async Task Messages_of_a_channel_without_a_sender_wait_in_the_outbox()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        await using var withoutEmail = await LinliApp.StartAsync(DatabaseKind.Sqlite);
        var number = (await withoutEmail.Anonymous().FileAsync(await withoutEmail.ReportAsync("water-leak"))).GetProperty("number").GetInt64();
        await withoutEmail.WithDbAsync(db =>
        {
            db.Outbox.Add(new OutboxMessage
            {
                Channel = NotificationChannel.Sms, Recipient = "+86 138 0000 0000", Subject = "短信", Body = "SMS arrives later", CaseId = number,
                CreatedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow,
            });
            return db.SaveChangesAsync();
        });

        var attemptedWithoutEmail = await withoutEmail.SendOutboxAsync();
        await using var withEmail = await LinliApp.StartOnAsync(DatabaseKind.Sqlite, withoutEmail.ConnectionString, smtp.Settings());
        var attemptedWithEmail = await withEmail.SendOutboxAsync();
        var rows = await withEmail.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.CaseId == number).ToListAsync());

        Assert.Equal((0, 1), (attemptedWithoutEmail, attemptedWithEmail));
        Assert.NotNull(rows.Single(m => m.Channel == NotificationChannel.Email).SentAt);
        var sms = rows.Single(m => m.Channel == NotificationChannel.Sms);
        Assert.Equal((0, null, null), (sms.Attempts, sms.SentAt, sms.LockedBy));
        Assert.Single(await smtp.MessagesAsync());
    }

    [Fact]
    public async Task Two_senders_on_one_PostgreSQL_database_deliver_each_message_exactly_once()
    {
        const int count = 40;
        await using var smtp = await SmtpTestServer.StartNewAsync();
        var settings = smtp.Settings();
        settings["Notifications:Outbox:BatchSize"] = "4";
        await using var first = await LinliApp.StartAsync(DatabaseKind.Postgres, settings);
        await using var second = await LinliApp.StartOnAsync(DatabaseKind.Postgres, first.ConnectionString, settings);
        await first.WithDbAsync(db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.Outbox.AddRange(Enumerable.Range(0, count).Select(i => new OutboxMessage
            {
                Channel = NotificationChannel.Email, Recipient = $"r{i}@example.org", Subject = $"message {i}", Body = "…", CreatedAt = now, NextAttemptAt = now,
            }));
            return db.SaveChangesAsync();
        });

        for (var round = 0; round < 50 && await first.WithDbAsync(db => db.Outbox.AnyAsync(m => m.SentAt == null)); round++)
        {
            await Task.WhenAll(first.SendOutboxAsync(), second.SendOutboxAsync(), first.SendOutboxAsync(), second.SendOutboxAsync());
        }

        var received = await smtp.MessagesAsync();
        var rows = await first.WithDbAsync(db => db.Outbox.AsNoTracking().ToListAsync());
        Assert.Equal(count, received.Count);
        Assert.Equal(count, received.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
        Assert.Equal(count, received.Select(m => m.MessageId).Distinct().Count());
        Assert.All(rows, r => Assert.Equal((1, true), (r.Attempts, r.SentAt is not null)));
    }

    private static bool IsTo(MimeMessage message, string address) => message.To.Mailboxes.Any(a => a.Address == address);

    private static Task<OutboxMessage> MessageOfAsync(LinliApp app, long caseId) =>
        app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.CaseId == caseId && m.Recipient == Reporter));
}
