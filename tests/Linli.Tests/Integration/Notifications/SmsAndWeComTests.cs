using System.Text;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Notifications;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration.Notifications;

public sealed class SmsAndWeComTests
{
    private const string Phone = "+8613800138000";

    [Theory, BothDatabases]
    public async Task The_webhook_gateway_gets_a_signed_message_carrying_the_outbox_id(DatabaseKind kind)
    {
        await using var gateway = await LoopbackReceiver.StartAsync((headers, body) =>
            WebhookSms.Verify(body, headers[WebhookSms.SignatureHeader], NotificationWorld.SmsSecret) ? (200, "{}") : (401, "{}"));
        await using var app = await LinliApp.StartAsync(kind, NotificationWorld.WebhookSms(gateway.Url));
        var message = await app.NotifyAddressAsync("138 0013 8000", NotificationWorld.Notice());

        var attempted = await app.SendOutboxAsync();
        var row = await app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == message!.Id));
        var (headers, body) = Assert.Single(gateway.Requests);
        var json = JsonDocument.Parse(body).RootElement;

        Assert.Equal(1, attempted);
        Assert.NotNull(row.SentAt);
        Assert.Equal(Phone, json.GetProperty("to").GetString());
        Assert.Equal($"linli-outbox-{message!.Id}", json.GetProperty("id").GetString());
        Assert.Equal($"linli-outbox-{message.Id}", headers["Idempotency-Key"].ToString());
        Assert.Contains("测试通知", json.GetProperty("text").GetString());
    }

    [Theory, BothDatabases]
    public async Task The_cloud_gateway_checks_the_signature_and_a_refusal_code_is_a_failure_to_retry(DatabaseKind kind)
    {
        const string secret = "cloud-secret";
        var calls = 0;
        await using var gateway = await LoopbackReceiver.StartAsync((_, body) =>
        {
            var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)).ToDictionary(p => p.Key, p => p.Value.ToString());
            if (form["Signature"] != CloudSms.Signature(form, secret) || form["AccessKeyId"] != "key-id" || form["TemplateCode"] != "SMS_1")
            {
                return (200, """{"Code":"SignatureDoesNotMatch"}""");
            }

            return Interlocked.Increment(ref calls) == 1 ? (200, """{"Code":"OK","BizId":"1"}""") : (200, """{"Code":"isv.BUSINESS_LIMIT_CONTROL","Message":"limit"}""");
        });
        var settings = NotificationWorld.WebhookSms(gateway.Url);
        settings["Notifications:Sms:Provider"] = "Cloud";
        settings["Notifications:Sms:AccessKeyId"] = "key-id";
        settings["Notifications:Sms:AccessKeySecret"] = secret;
        settings["Notifications:Sms:SignName"] = "邻里";
        settings["Notifications:Sms:TemplateCode"] = "SMS_1";
        await using var app = await LinliApp.StartAsync(kind, settings);
        var first = await app.NotifyAddressAsync(Phone, NotificationWorld.Notice());
        var second = await app.NotifyAddressAsync("13900139000", NotificationWorld.Notice());

        await app.SendOutboxAsync();
        var rows = await app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Channel == NotificationChannel.Sms).OrderBy(m => m.Id).ToListAsync());
        var outIds = gateway.Requests.Select(r => QueryHelpers.ParseQuery(Encoding.UTF8.GetString(r.Body))["OutId"].ToString()).ToList();

        Assert.Equal([first!.Id.ToString(), second!.Id.ToString()], outIds);
        Assert.NotNull(rows[0].SentAt);
        Assert.Null(rows[1].SentAt);
        Assert.Equal(1, rows[1].Attempts);
        Assert.Contains("BUSINESS_LIMIT_CONTROL", rows[1].LastError);
    }

    [Theory, BothDatabases]
    public async Task A_wecom_robot_gets_the_text_and_errcode_zero_marks_it_sent(DatabaseKind kind)
    {
        await using var robot = await LoopbackReceiver.StartAsync((_, body) =>
            JsonDocument.Parse(body).RootElement.GetProperty("msgtype").GetString() == "text" ? (200, """{"errcode":0,"errmsg":"ok"}""") : (200, """{"errcode":40008}"""));
        await using var app = await LinliApp.StartAsync(kind, new Dictionary<string, string?> { ["Notifications:WeCom:Robots:grid-group:Url"] = robot.Url });
        await app.WithDbAsync(db =>
        {
            db.Outbox.Add(new OutboxMessage
            {
                Channel = NotificationChannel.WeCom, Recipient = "grid-group", Subject = "网格通知", Body = "明早停水 Water off tomorrow",
                CreatedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow,
            });
            return db.SaveChangesAsync();
        });

        await app.SendOutboxAsync();
        var row = await app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Channel == NotificationChannel.WeCom));
        var content = JsonDocument.Parse(Assert.Single(robot.Requests).Body).RootElement.GetProperty("text").GetProperty("content").GetString();

        Assert.NotNull(row.SentAt);
        Assert.Contains("明早停水", content);
    }
}
