using Linli.Web.Data;
using Linli.Web.Features.Notifications;
using Linli.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Demo;

/// <summary>
/// One broadcast in the demo community two days ago: the community worker asked its building chiefs to check the
/// stairwells before a fire-safety inspection. Every message is delivered and two in three chiefs have acknowledged,
/// so <c>/work/broadcasts</c> shows sent and acknowledged counts, also per grid. Nothing waits in the outbox.
/// </summary>
public static class DemoNotifications
{
    private const string Text = "本周五消防检查，请各楼栋长今晚前清理楼道杂物并确认消防通道畅通。 Fire-safety inspection on Friday: building chiefs, please clear the stairwells and check the fire escapes by tonight.";

    public static async Task SeedAsync(LinliDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var community = await db.Nodes.AsNoTracking().Where(n => n.Code == DemoAccounts.CommunityCode)
            .Select(n => new { n.Id, n.Path, n.Name, n.NameEn }).SingleAsync(cancellationToken);
        var worker = await db.Users.AsNoTracking().Where(u => u.UserName == "worker").Select(u => u.Id).SingleAsync(cancellationToken);
        var chiefs = await db.RoleAssignments.AsNoTracking()
            .Where(r => r.Role == StaffRole.BuildingChief && r.Node!.Path.StartsWith(community.Path))
            .OrderBy(r => r.Node!.Path)
            .Select(r => new { r.UserId, r.Node!.Path, Email = r.User!.EmailConfirmed ? r.User.Email : null })
            .ToListAsync(cancellationToken);

        var sentAt = clock.GetUtcNow().AddDays(-2);
        var broadcast = new Broadcast
        {
            NodeId = community.Id, NodePath = community.Path, Audience = BroadcastAudience.BuildingChiefs, Text = Text, SentBy = worker,
            CreatedAt = sentAt, Recipients = chiefs.DistinctBy(c => c.UserId).Count(),
        };
        db.Broadcasts.Add(broadcast);
        await db.SaveChangesAsync(cancellationToken);

        var subject = BroadcastEnqueue.Subject(broadcast, community.Name, community.NameEn);
        var messages = chiefs.DistinctBy(c => c.UserId).Select((chief, i) => new OutboxMessage
        {
            Channel = chief.Email is null ? NotificationChannel.InApp : NotificationChannel.Email,
            Recipient = chief.Email ?? chief.UserId.ToString(),
            UserId = chief.UserId, Purpose = NoticePurpose.Broadcast, Subject = subject, Body = Text, BroadcastId = broadcast.Id, AudiencePath = chief.Path,
            CreatedAt = sentAt, NextAttemptAt = sentAt, Attempts = 1, SentAt = sentAt.AddMinutes(1),
            AcknowledgedAt = i % 3 == 2 ? null : sentAt.AddMinutes(20 + (i * 7)),
        });
        db.Outbox.AddRange(messages);
        await db.SaveChangesAsync(cancellationToken);
    }
}
