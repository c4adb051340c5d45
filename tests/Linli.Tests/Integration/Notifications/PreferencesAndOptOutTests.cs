using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Notifications;
using Linli.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Integration.Notifications;

public sealed partial class PreferencesAndOptOutTests
{
    [Theory, BothDatabases]
    public async Task Preferences_choose_the_channel_and_own_quiet_hours_move_updates_but_not_service_messages(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        var local = clock.GetUtcNow().ToOffset(ChinaCalendar.Offset);
        var nextElevenPm = new DateTimeOffset(local.Year, local.Month, local.Day, 23, 0, 0, ChinaCalendar.Offset);
        clock.SetUtcNow((nextElevenPm <= local ? nextElevenPm.AddDays(1) : nextElevenPm).ToUniversalTime());
        await using var app = await LinliApp.StartAsync(kind, services: s => s.AddSingleton<TimeProvider>(clock));
        var resident = await app.SignedInAsync("resident");
        var userId = Guid.Parse((await resident.GetFromJsonAsync<JsonElement>("/api/v1/account/me")).GetProperty("id").GetString()!);

        var refused = await resident.PutAsJsonAsync("/api/v1/me/notifications", new { updates = "sms", quietStartsAtHour = 21 });
        var unchanged = await resident.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications");
        var saved = await resident.PutAsJsonAsync("/api/v1/me/notifications", new { updates = "inApp", quietStartsAtHour = 22, quietEndsAtHour = 7 });
        var update = Assert.Single(await app.NotifyUsersAsync([userId], NotificationWorld.Notice(NoticePurpose.Update)));
        var service = Assert.Single(await app.NotifyUsersAsync([userId], NotificationWorld.Notice(NoticePurpose.Service)));
        var morning = clock.GetUtcNow().ToOffset(ChinaCalendar.Offset).AddDays(1);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("updates", out _));
        Assert.Equal(20, unchanged.GetProperty("quietStartsAtHour").GetInt32());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(NotificationChannel.InApp, update.Channel);
        Assert.Equal(new DateTimeOffset(morning.Year, morning.Month, morning.Day, 7, 0, 0, ChinaCalendar.Offset), update.NextAttemptAt);
        Assert.Equal(NotificationChannel.Email, service.Channel);
        Assert.Equal(clock.GetUtcNow(), service.NextAttemptAt);

        clock.Advance(TimeSpan.FromHours(8));
        await app.SendOutboxAsync();
        var inbox = await resident.GetFromJsonAsync<JsonElement>("/api/v1/me/inbox");
        var inApp = inbox.EnumerateArray().Single(i => i.GetProperty("channel").GetString() == "InApp");
        await resident.PostAsJsonAsync("/api/v1/me/inbox/read", new { id = (long?)null });
        var afterRead = await resident.GetFromJsonAsync<JsonElement>("/api/v1/me/inbox");

        Assert.Equal("Sent", inApp.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, inApp.GetProperty("readAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, afterRead.EnumerateArray().Single(i => i.GetProperty("channel").GetString() == "InApp").GetProperty("readAt").ValueKind);
    }

    [Theory, BothDatabases]
    public async Task A_signed_stop_reply_opts_the_phone_out_of_follow_ups_and_only_a_hash_is_kept(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var app = await LinliApp.StartAsync(kind, NotificationWorld.WebhookSms("http://127.0.0.1:9/unused"), services: s => s.AddSingleton<TimeProvider>(clock));
        var client = app.Anonymous();
        var body = Encoding.UTF8.GetBytes("""{"from":"13800138000","text":" 退订 "}""");

        var unsigned = await client.PostAsync("/api/v1/notifications/sms/inbound", new ByteArrayContent(body));
        var before = await app.NotifyAddressAsync("13800138000", NotificationWorld.Notice(NoticePurpose.FollowUp));
        var signed = new ByteArrayContent(body);
        signed.Headers.Add(WebhookSms.SignatureHeader, WebhookSms.Sign(body, NotificationWorld.InboundSecret));
        var stop = await client.PostAsync("/api/v1/notifications/sms/inbound", signed);
        var followUp = await app.NotifyAddressAsync("+86 138 0013 8000", NotificationWorld.Notice(NoticePurpose.FollowUp));
        var service = await app.NotifyAddressAsync("13800138000", NotificationWorld.Notice(NoticePurpose.Service));
        var optOut = await app.WithDbAsync(db => db.NotificationOptOuts.AsNoTracking().SingleAsync());
        clock.Advance(TimeSpan.FromHours(13)); // past any quiet hours
        await app.SendOutboxAsync();
        var queuedBefore = await app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == before!.Id));

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, stop.StatusCode);
        Assert.Null(followUp);
        Assert.NotNull(service);
        Assert.DoesNotContain("13800138000", optOut.AddressHash);
        Assert.Equal(OptOutSource.SmsReply, optOut.Source);
        Assert.Equal(OutboxSender.OptedOutReason, queuedBefore.LastError);
        Assert.Null(queuedBefore.SentAt);
    }

    [Theory, BothDatabases]
    public async Task The_unsubscribe_link_in_a_follow_up_confirms_with_one_post_and_resubscribing_lifts_it(DatabaseKind kind)
    {
        // Follow-ups wait out quiet hours: run at the next noon in China so the message goes at once.
        var clock = TestClock.StartingNow();
        var local = clock.GetUtcNow().ToOffset(ChinaCalendar.Offset);
        var noon = new DateTimeOffset(local.Year, local.Month, local.Day, 12, 0, 0, ChinaCalendar.Offset);
        clock.SetUtcNow((noon <= local ? noon.AddDays(1) : noon).ToUniversalTime());
        await using var smtp = await SmtpTestServer.StartNewAsync();
        var settings = smtp.Settings();
        settings["Notifications:PublicBaseUrl"] = "https://linli.example.org";
        await using var app = await LinliApp.StartAsync(kind, settings, services: s => s.AddSingleton<TimeProvider>(clock));
        var resident = await app.SignedInAsync("resident");
        var me = await resident.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications");
        var email = me.GetProperty("email").GetString()!;
        var userId = Guid.Parse((await resident.GetFromJsonAsync<JsonElement>("/api/v1/account/me")).GetProperty("id").GetString()!);
        await app.NotifyUsersAsync([userId], NotificationWorld.Notice(NoticePurpose.FollowUp));
        await app.SendOutboxAsync();
        var mail = Assert.Single(await smtp.MessagesAsync(), m => m.To.Mailboxes.Any(x => x.Address == email));
        var link = UnsubscribeLink().Match(mail.TextBody ?? "").Groups[1].Value;

        var browser = app.Anonymous();
        var page = await browser.GetStringAsync(link);
        var afterOpening = await app.WithDbAsync(db => db.NotificationOptOuts.CountAsync());
        var token = Antiforgery().Match(page).Groups[1].Value;
        var confirmed = await browser.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["_handler"] = "unsubscribe" }));
        var optedOut = await resident.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications");
        var suppressed = await app.NotifyUsersAsync([userId], NotificationWorld.Notice(NoticePurpose.FollowUp));
        await resident.PutAsJsonAsync("/api/v1/me/notifications", new { resubscribe = true });
        var resubscribed = await resident.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications");
        var forged = await browser.GetAsync("/unsubscribe/" + link.Split('/')[^1][..^2] + "xx");

        Assert.StartsWith("/unsubscribe/", link);
        Assert.Equal(0, afterOpening);
        Assert.Contains("unsubscribed", await confirmed.Content.ReadAsStringAsync());
        Assert.True(optedOut.GetProperty("emailOptedOut").GetBoolean());
        Assert.NotEqual(NotificationChannel.Email, Assert.Single(suppressed).Channel);
        Assert.False(resubscribed.GetProperty("emailOptedOut").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

    [GeneratedRegex(@"https://linli\.example\.org(/unsubscribe/[A-Za-z0-9_\-\.]+)")]
    private static partial Regex UnsubscribeLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
