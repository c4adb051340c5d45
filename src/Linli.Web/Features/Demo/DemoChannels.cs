using Linli.Web.Data;
using Linli.Web.Features.Channels;
using Linli.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Demo;

/// <summary>
/// The demo grid's channel with a day of talk between the grid chief and two unit chiefs: a pinned instruction, a
/// reply, a report with a location and an answer. The demo unit chief has not read the last two, so the list shows unread.
/// </summary>
public static class DemoChannels
{
    // Near Shiqiaopu, used only if the building has no geometry.
    private const double FallbackLatitude = 29.53, FallbackLongitude = 106.505;

    public static async Task SeedAsync(LinliDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var grid = await db.Nodes.AsNoTracking().Where(n => n.Code == DemoAccounts.GridCode).Select(n => new { n.Id, n.Path }).SingleAsync(cancellationToken);
        var chiefs = await db.RoleAssignments.AsNoTracking()
            .Where(r => (r.Role == StaffRole.GridChief || r.Role == StaffRole.UnitChief || r.Role == StaffRole.BuildingChief) && r.Node!.Path.StartsWith(grid.Path))
            .OrderBy(r => r.Node!.Path).ThenBy(r => r.Id)
            .Select(r => new { r.UserId, r.Role, NodeCode = r.Node!.Code, r.Node.ParentId })
            .ToListAsync(cancellationToken);
        var gridChief = chiefs.FirstOrDefault(c => c.Role == StaffRole.GridChief && c.NodeCode == DemoAccounts.GridCode);
        var unitChief = chiefs.FirstOrDefault(c => c.Role == StaffRole.UnitChief && c.NodeCode == DemoAccounts.UnitCode);
        var otherUnitChief = chiefs.FirstOrDefault(c => c.Role == StaffRole.UnitChief && !c.NodeCode.StartsWith(DemoAccounts.BuildingCode, StringComparison.Ordinal));
        var buildingChief = chiefs.FirstOrDefault(c => c.Role == StaffRole.BuildingChief && c.NodeCode == DemoAccounts.BuildingCode);
        if (gridChief is null || unitChief is null || otherUnitChief is null)
        {
            return;
        }

        var building = await db.Nodes.AsNoTracking().Where(n => n.Id == otherUnitChief.ParentId).Select(n => new { n.Name, n.Geometry }).SingleAsync(cancellationToken);
        var centre = building.Geometry?.Centroid;
        var channel = new Channel
        {
            Key = Channel.KeyOf(ChannelKind.Grid, grid.Id, null), Kind = ChannelKind.Grid, NodeId = grid.Id, NodePath = grid.Path, CreatedAt = now.AddDays(-2),
        };
        db.Channels.Add(channel);
        await db.SaveChangesAsync(cancellationToken);

        var instruction = Message(channel, gridChief.UserId, now.AddHours(-26),
            "【通知】本周六上午9点清理全网格楼道杂物，保持消防通道畅通。请各单元长提前告知住户；需要帮忙搬东西的老人，报给我安排志愿者。");
        instruction.PinnedAt = instruction.SentAt.AddMinutes(1);
        instruction.PinnedBy = gridChief.UserId;
        var reply = Message(channel, unitChief.UserId, now.AddHours(-25), "收到，1号楼1单元已在门口贴了通知。");
        var report = Message(channel, otherUnitChief.UserId, now.AddHours(-5), $"{building.Name}北侧窨井盖松动，已放了警示牌，位置发在这里。");
        report.Latitude = Math.Round(centre?.Y ?? FallbackLatitude, 5);
        report.Longitude = Math.Round(centre?.X ?? FallbackLongitude, 5);
        var answer = Message(channel, gridChief.UserId, now.AddHours(-4), "已报市政，明天上午来修。晚上路过请提醒住户绕行。");
        db.ChannelMessages.AddRange(instruction, reply, report, answer);
        await db.SaveChangesAsync(cancellationToken);

        db.ChannelReadMarks.AddRange(
            Read(channel, gridChief.UserId, answer),
            Read(channel, otherUnitChief.UserId, answer),
            Read(channel, unitChief.UserId, reply));
        if (buildingChief is not null)
        {
            db.ChannelReadMarks.Add(Read(channel, buildingChief.UserId, instruction));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static ChannelMessage Message(Channel channel, Guid sender, DateTimeOffset at, string text) =>
        new() { ChannelId = channel.Id, SenderId = sender, SentAt = at, Text = text };

    private static ChannelReadMark Read(Channel channel, Guid user, ChannelMessage upTo) =>
        new() { ChannelId = channel.Id, UserId = user, LastReadMessageId = upTo.Id, ReadAt = upTo.SentAt.AddMinutes(10) };
}
