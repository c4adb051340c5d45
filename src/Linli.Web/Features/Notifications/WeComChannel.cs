using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Notifications;

/// <summary>
/// A WeCom (企业微信) group robot: the recipient is the robot's configured name, the message goes to its webhook as
/// text; the robot answers <c>errcode</c> 0 when it posted the message in the group.
/// </summary>
public sealed class WeComChannel(IHttpClientFactory http, IOptions<WeComOptions> options) : INotificationChannel
{
    public const string HttpClientName = "linli-wecom";

    public NotificationChannel Channel => NotificationChannel.WeCom;

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!options.Value.Robots.TryGetValue(message.Recipient, out var robot) || robot.Url is null)
        {
            throw new InvalidOperationException($"No WeCom robot is named '{message.Recipient}' in Notifications:WeCom:Robots.");
        }

        var content = $"{message.Subject}\n{message.Body}";
        using var response = await http.CreateClient(HttpClientName)
            .PostAsJsonAsync(robot.Url, new { msgtype = "text", text = new { content } }, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(body);
        if (!json.RootElement.TryGetProperty("errcode", out var code) || code.GetInt32() != 0)
        {
            throw new InvalidOperationException($"WeCom robot refused the message: {SmsChannel.Short(body)}");
        }
    }
}

/// <summary>In-app messages are delivered by being stored: the recipient's inbox shows them, so sending is marking them sent.</summary>
public sealed class InAppChannel : INotificationChannel
{
    public NotificationChannel Channel => NotificationChannel.InApp;

    public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
}
