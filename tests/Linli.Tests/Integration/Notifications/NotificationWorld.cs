using Linli.Tests.Infrastructure;
using Linli.Web.Data;
using Linli.Web.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Integration.Notifications;

/// <summary>What the notification tests share: addressing a notice the way a feature does, and reading the outbox.</summary>
public static class NotificationWorld
{
    public const string SmsSecret = "webhook-secret-for-tests";
    public const string InboundSecret = "inbound-secret-for-tests";

    public static async Task<IReadOnlyList<OutboxMessage>> NotifyUsersAsync(this LinliApp app, IEnumerable<Guid> users, Notice notice)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        var added = await scope.ServiceProvider.GetRequiredService<Notifier>().ToUsersAsync(users, notice);
        await db.SaveChangesAsync();
        return added;
    }

    public static async Task<OutboxMessage?> NotifyAddressAsync(this LinliApp app, string address, Notice notice)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        var added = await scope.ServiceProvider.GetRequiredService<Notifier>().ToAddressAsync(address, notice);
        await db.SaveChangesAsync();
        return added;
    }

    public static T Service<T>(this LinliApp app)
        where T : notnull => app.Services.GetRequiredService<T>();

    public static Dictionary<string, string?> WebhookSms(string url) => new()
    {
        ["Notifications:Sms:Provider"] = "Webhook",
        ["Notifications:Sms:Url"] = url,
        ["Notifications:Sms:WebhookSecret"] = SmsSecret,
        ["Notifications:Sms:InboundSecret"] = InboundSecret,
        ["Notifications:SigningKey"] = "signing-key-for-notification-tests",
        ["Notifications:PublicBaseUrl"] = "https://linli.example.org",
    };

    public static Notice Notice(NoticePurpose purpose = NoticePurpose.Service) => new(purpose, "[邻里 Linli] 测试 Test", "测试通知 A test notice");
}
