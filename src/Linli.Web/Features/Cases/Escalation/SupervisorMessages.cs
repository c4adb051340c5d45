using System.Globalization;
using Linli.Web.Components;
using Linli.Web.Features.Notifications;

namespace Linli.Web.Features.Cases.Escalation;

/// <summary>The email that tells a department's supervisor one of its cases is overdue. Staff-facing: no reporter details, no receipt.</summary>
public static class SupervisorMessages
{
    public static OutboxMessage Overdue(Overdue c, int level, (string Name, string? NameEn) node, string supervisorEmail, DateTimeOffset now) => new()
    {
        Channel = NotificationChannel.Email,
        Recipient = supervisorEmail,
        Subject = string.Create(CultureInfo.InvariantCulture, $"[邻里 Linli] 督办 #{c.Id} {c.CategoryName}: 已逾期 / overdue"),
        Body = string.Join('\n',
            string.Create(CultureInfo.InvariantCulture, $"诉求 #{c.Id}（{c.CategoryName}）已超过办理期限，现升级至{node.Name}（第{level}级督办）。"),
            string.Create(CultureInfo.InvariantCulture, $"Report #{c.Id} ({c.CategoryNameEn ?? c.CategoryName}) is past its deadline and has been escalated to {node.NameEn ?? node.Name} (level {level})."),
            "",
            $"期限 Deadline: {Display.Time(c.DueAt)} (北京时间 China Standard Time)",
            $"地点 Place: {c.Address ?? c.GridPath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1]}",
            string.Create(CultureInfo.InvariantCulture, $"请在工作台处理 / Please see to it in the workbench: #{c.Id}")),
        CaseId = c.Id,
        CreatedAt = now,
        NextAttemptAt = now,
    };
}
