using System.Globalization;
using Linli.Web.Data;
using Linli.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Notifications;

public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Where residents open their case page; links in messages start with it.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Signs unsubscribe and acknowledgement links and keys the opt-out hashes; set it in production.</summary>
    public string? SigningKey { get; set; }
}

/// <summary>
/// Writes a message for each follower of a case into the outbox, in the caller's unit of work. Delivery is the outbox
/// sender's job, so the change and the promise to tell of it commit together.
/// </summary>
public sealed class CaseNotifier(LinliDb db, TimeProvider clock, IOptions<NotificationOptions> options)
{
    public async Task EnqueueAsync(Case @case, CaseCategory category, CaseEvent change, CancellationToken cancellationToken = default) =>
        db.Outbox.AddRange(await ComposeAsync(@case, category, change, cancellationToken));

    /// <summary>The messages for <paramref name="change"/>, one per follower's address, not yet added to the outbox.</summary>
    public async Task<List<OutboxMessage>> ComposeAsync(Case @case, CaseCategory category, CaseEvent change, CancellationToken cancellationToken = default)
    {
        var followers = @case.Followers;
        var userIds = followers.Where(f => f.UserId is not null && f.Email is null).Select(f => f.UserId!.Value).Distinct().ToList();
        var userEmails = userIds.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.Email != null && u.EmailConfirmed)
                .ToDictionaryAsync(u => u.Id, u => u.Email!, cancellationToken);

        var now = clock.GetUtcNow();
        var sent = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var messages = new List<OutboxMessage>();
        foreach (var follower in followers.OrderByDescending(f => f.IsReporter))
        {
            var email = follower.Email ?? (follower.UserId is { } id && userEmails.TryGetValue(id, out var e) ? e : null);
            if (email is null || !sent.Add(email))
            {
                continue;
            }

            messages.Add(new OutboxMessage
            {
                Channel = NotificationChannel.Email,
                Recipient = email,
                Subject = CaseMessages.Subject(@case, category, change),
                Body = CaseMessages.Body(@case, category, change, follower.IsReporter ? options.Value.PublicBaseUrl : null),
                CaseId = @case.Id == 0 ? null : @case.Id,
                Case = @case.Id == 0 ? @case : null,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }

        return messages;
    }
}

/// <summary>The text of case messages, in Chinese and English.</summary>
public static class CaseMessages
{
    public static string Subject(Case @case, CaseCategory category, CaseEvent change) =>
        string.Create(CultureInfo.InvariantCulture, $"[邻里 Linli] #{@case.Id} {category.Name}: {StateNames.Zh(change.ToState)} / {StateNames.En(change.ToState)}");

    public static string Body(Case @case, CaseCategory category, CaseEvent change, string? receiptLinkBase)
    {
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"诉求 #{@case.Id}（{category.Name}）现在的状态：{StateNames.Zh(change.ToState)}"),
            string.Create(CultureInfo.InvariantCulture, $"Report #{@case.Id} ({category.NameEn ?? category.Name}) is now: {StateNames.En(change.ToState)}"),
        };
        if (change.IsPublic && !string.IsNullOrWhiteSpace(change.Note))
        {
            lines.Add("");
            lines.Add(change.Note);
        }

        if (receiptLinkBase is not null)
        {
            lines.Add("");
            lines.Add($"回执码 Receipt: {@case.Receipt}");
            lines.Add($"{receiptLinkBase.TrimEnd('/')}/cases/{@case.Receipt}");
        }

        return string.Join('\n', lines);
    }
}

/// <summary>State names as residents read them.</summary>
public static class StateNames
{
    public static string Zh(CaseState state) => state switch
    {
        CaseState.New => "已受理",
        CaseState.Dispatched => "已派遣",
        CaseState.Accepted => "已接单",
        CaseState.InProgress => "处置中",
        CaseState.Resolved => "已处置",
        CaseState.Verified => "已核查",
        CaseState.Closed => "已结案",
        CaseState.Returned => "退回重派",
        CaseState.Reopened => "已重新打开",
        CaseState.Cancelled => "已撤销",
        _ => "已合并",
    };

    public static string En(CaseState state) => state switch
    {
        CaseState.New => "received",
        CaseState.Dispatched => "dispatched",
        CaseState.Accepted => "accepted",
        CaseState.InProgress => "in progress",
        CaseState.Resolved => "resolved",
        CaseState.Verified => "verified",
        CaseState.Closed => "closed",
        CaseState.Returned => "returned for dispatch",
        CaseState.Reopened => "reopened",
        CaseState.Cancelled => "cancelled",
        _ => "merged into another report",
    };
}
