using System.Globalization;
using Linli.Web.Components;
using Linli.Web.Data;
using Linli.Web.Features.AntiFraud.Orders;
using Linli.Web.Features.Notifications;
using Linli.Web.Features.People;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.AntiFraud;

/// <summary>
/// The emails that tell handlers of a new order and supervisors of an overdue one. They carry the number, risk,
/// community and deadline only: the person's details are read in Linli, where each read is audited.
/// </summary>
public static class AntiFraudNotices
{
    public static async Task<List<OutboxMessage>> NewOrderAsync(LinliDb db, DissuasionOrder order, TreeNode community, CancellationToken cancellationToken)
    {
        var recipients = await EmailsAtAsync(db, community.Id, [StaffRole.CommunityWorker, StaffRole.CommunityPolice], cancellationToken);
        return [.. recipients.Select(email => Message(email, order.RaisedAt,
            string.Create(CultureInfo.InvariantCulture, $"[邻里 Linli] 劝阻单 #{order.Id} {RiskZh(order.Risk)} / dissuasion order ({order.Risk})"),
            string.Create(CultureInfo.InvariantCulture, $"{community.Name}收到反诈联盟的预警，请于 {Display.Time(order.DueAt)} 前上门劝阻。"),
            string.Create(CultureInfo.InvariantCulture, $"An anti-fraud alliance partner raised an alert in {community.NameEn ?? community.Name}; please visit by {Display.Time(order.DueAt)} (China Standard Time)."),
            order.Id))];
    }

    public static async Task<List<OutboxMessage>> EscalatedAsync(LinliDb db, long orderId, FraudRisk risk, int nodeId, string nodeName, DateTimeOffset dueAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recipients = await EmailsAtAsync(db, nodeId, [StaffRole.StreetStaff], cancellationToken);
        return [.. recipients.Select(email => Message(email, now,
            string.Create(CultureInfo.InvariantCulture, $"[邻里 Linli] 督办 劝阻单 #{orderId}: 已逾期 / overdue"),
            string.Create(CultureInfo.InvariantCulture, $"劝阻单 #{orderId}（{RiskZh(risk)}）未在 {Display.Time(dueAt)} 前上门，现升级至{nodeName}督办。"),
            string.Create(CultureInfo.InvariantCulture, $"Dissuasion order #{orderId} ({risk} risk) was not visited by {Display.Time(dueAt)} and is escalated to you."),
            orderId))];
    }

    private static Task<List<string>> EmailsAtAsync(LinliDb db, int nodeId, StaffRole[] roles, CancellationToken cancellationToken) =>
        db.RoleAssignments.AsNoTracking().Where(a => a.NodeId == nodeId && roles.Contains(a.Role) && a.User!.Email != null)
            .Select(a => a.User!.Email!).Distinct().ToListAsync(cancellationToken);

    private static OutboxMessage Message(string recipient, DateTimeOffset now, string subject, string zh, string en, long orderId) => new()
    {
        Channel = NotificationChannel.Email,
        Recipient = recipient,
        Subject = subject,
        Body = string.Join('\n', zh, en, "", string.Create(CultureInfo.InvariantCulture, $"/antifraud/orders/{orderId}")),
        CreatedAt = now,
        NextAttemptAt = now,
    };

    private static string RiskZh(FraudRisk risk) => risk switch { FraudRisk.High => "高风险", FraudRisk.Medium => "中风险", _ => "低风险" };
}
