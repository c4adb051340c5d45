using System.Globalization;
using Linli.Web.Components;
using Linli.Web.Data;
using Linli.Web.Features.Notifications;
using Linli.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.SafetyTips;

/// <summary>
/// The warning to a tip's triaging officers (the community police held over its place) that it will be deleted.
/// It carries the number and the date only: the tip itself is read in Linli, where each read is audited.
/// </summary>
public static class TipNotices
{
    public static async Task<List<OutboxMessage>> DeletionWarningsAsync(LinliDb db, long tipId, string placePath, DateTimeOffset deletesAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var officers = await db.RoleAssignments.AsNoTracking()
            .Where(a => a.Role == StaffRole.CommunityPolice && a.Node != null && a.User!.Email != null)
            .Select(a => new { a.Node!.Path, Email = a.User!.Email! })
            .ToListAsync(cancellationToken);
        var when = Display.Time(deletesAt);
        return [.. officers.Where(o => placePath.StartsWith(o.Path, StringComparison.Ordinal)).Select(o => o.Email).Distinct().Select(email => new OutboxMessage
        {
            Channel = NotificationChannel.Email,
            Recipient = email,
            Subject = string.Create(CultureInfo.InvariantCulture, $"[邻里 Linli] 线索 #{tipId} 即将删除 / tip #{tipId} will be deleted"),
            Body = string.Join('\n',
                string.Create(CultureInfo.InvariantCulture, $"线索 #{tipId} 未关联案件，将于 {when} 按保留期限自动删除。如需保留，请在此之前关联案件。"),
                string.Create(CultureInfo.InvariantCulture, $"Safety tip #{tipId} is linked to no case and will be deleted on {when} (China Standard Time). Link it to a case before then to keep it."),
                "",
                string.Create(CultureInfo.InvariantCulture, $"/work/tips/{tipId}")),
            CreatedAt = now,
            NextAttemptAt = now,
        })];
    }
}
