using Linli.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class NotificationTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task A_resident_on_a_phone_changes_notification_settings_and_finds_them_kept_then_reads_the_inbox()
    {
        await using var linli = await LiveLinli.StartAsync();
        var residentId = await linli.App.WithDbAsync(db => db.Users.Where(u => u.UserName == "resident").Select(u => u.Id).SingleAsync());
        await linli.App.WithDbAsync(db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.Outbox.Add(new OutboxMessage
            {
                Channel = NotificationChannel.InApp, Recipient = residentId.ToString(), UserId = residentId, Purpose = NoticePurpose.Update,
                Subject = "[邻里 Linli] 您关注的事项有更新 Update", Body = "楼道灯已修好 The stairwell light is fixed", CreatedAt = now, NextAttemptAt = now, SentAt = now, Attempts = 1,
            });
            return db.SaveChangesAsync();
        });
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await MapTests.SignInAsync(page, linli, "resident");

        await page.GotoAsync(linli.Url("/me/notifications"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("通知设置");
        await Expect(page.GetByLabel("社区广播通知", new() { Exact = true })).ToHaveValueAsync(nameof(DeliveryChoice.Off));
        await Axe.AssertAccessibleAsync(page);

        await page.GetByLabel("第一", new() { Exact = true }).SelectOptionAsync(nameof(NotificationChannel.InApp));
        await page.GetByLabel("第二", new() { Exact = true }).SelectOptionAsync(nameof(NotificationChannel.Email));
        await page.GetByLabel("第三", new() { Exact = true }).SelectOptionAsync(nameof(NotificationChannel.Sms));
        await page.GetByLabel("社区广播通知", new() { Exact = true }).SelectOptionAsync(nameof(DeliveryChoice.InApp));
        await page.GetByLabel("满意度回访", new() { Exact = true }).SelectOptionAsync(nameof(DeliveryChoice.Off));
        await page.GetByLabel("开始", new() { Exact = true }).SelectOptionAsync("22");
        await page.GetByLabel("结束", new() { Exact = true }).SelectOptionAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存设置" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("已保存。");
        await Axe.AssertAccessibleAsync(page);

        // A fresh visit shows what was stored, not what the form last held.
        await page.GotoAsync(linli.Url("/me/notifications"));
        await Expect(page.GetByLabel("第一", new() { Exact = true })).ToHaveValueAsync(nameof(NotificationChannel.InApp));
        await Expect(page.GetByLabel("第三", new() { Exact = true })).ToHaveValueAsync(nameof(NotificationChannel.Sms));
        await Expect(page.GetByLabel("社区广播通知", new() { Exact = true })).ToHaveValueAsync(nameof(DeliveryChoice.InApp));
        await Expect(page.GetByLabel("满意度回访", new() { Exact = true })).ToHaveValueAsync(nameof(DeliveryChoice.Off));
        await Expect(page.GetByLabel("开始", new() { Exact = true })).ToHaveValueAsync("22");
        await Expect(page.GetByLabel("结束", new() { Exact = true })).ToHaveValueAsync("7");
        await Screenshots.SaveAsync(page, "notification-settings");
        var stored = await linli.App.WithDbAsync(db => db.NotificationPreferences.AsNoTracking().SingleAsync(p => p.UserId == residentId));
        Assert.Equal(("InApp,Email,Sms", DeliveryChoice.InApp, DeliveryChoice.Off, 22, 7),
            (stored.ChannelOrder, stored.Broadcasts, stored.FollowUps, stored.QuietStartsAtHour, stored.QuietEndsAtHour));

        await page.GetByRole(AriaRole.Link, new() { Name = "查看站内消息" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("我的消息");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "您关注的事项有更新" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        await page.Locator(".inbox-item", new() { HasText = "楼道灯已修好" }).GetByRole(AriaRole.Button, new() { Name = "标为已读" }).ClickAsync();
        await Expect(page.Locator(".inbox-item.unread", new() { HasText = "楼道灯已修好" })).ToHaveCountAsync(0);
        await Axe.AssertAccessibleAsync(page);
        Assert.NotNull(await linli.App.WithDbAsync(db => db.Outbox.Where(m => m.UserId == residentId && m.Body.StartsWith("楼道灯已修好")).Select(m => m.ReadAt).SingleAsync()));
    }
}
