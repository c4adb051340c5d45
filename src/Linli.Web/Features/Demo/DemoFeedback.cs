using Linli.Web.Data;
using Linli.Web.Features.Feedback;
using Linli.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Demo;

/// <summary>
/// The demo street's feedback walls: posts to 石桥铺社区居委会, the street office and the water utility over the last
/// weeks — answered and unanswered, one private, one flagged, one hidden by a moderator with its reason — and one
/// piece of advice adopted into the community's work plan with two progress updates, so every page shows something.
/// </summary>
public static class DemoFeedback
{
    public static async Task SeedAsync(LinliDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var community = await db.Nodes.AsNoTracking().Where(n => n.Code == DemoAccounts.CommunityCode).Select(n => new { n.Id, n.Path }).SingleAsync(cancellationToken);
        var street = await db.Nodes.AsNoTracking().Where(n => n.Code == TreeGenerator.ShiqiaopuCode).Select(n => new { n.Id, n.Path }).SingleAsync(cancellationToken);
        var grid = await db.Nodes.AsNoTracking().Where(n => n.Code == DemoAccounts.GridCode).Select(n => n.Id).SingleAsync(cancellationToken);
        var water = await db.Departments.AsNoTracking().Where(d => d.Code == DemoOrganisations.WaterUtility.Code)
            .Select(d => new { d.Id, Paths = d.Areas.Select(a => a.Node!.Path).ToList() }).SingleAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => u.UserName == "resident" || u.UserName == "worker" || u.UserName == "street" || u.UserName == "handler")
            .ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
        var neighbours = await db.Users.AsNoTracking().Where(u => u.Kind == AccountKind.Resident && u.UserName != "resident").OrderBy(u => u.UserName)
            .Select(u => u.Id).Take(3).ToListAsync(cancellationToken);
        var resident = users["resident"];
        var author = (int i) => neighbours.Count > i ? neighbours[i] : resident;

        FeedbackPost Post(int? node, int? department, string path, FeedbackKind kind, string title, string text, Guid by, int daysAgo, string? shownName = null, bool isPublic = true)
        {
            var post = new FeedbackPost
            {
                UnitNodeId = node, UnitDepartmentId = department, UnitPath = path, Kind = kind, Title = title, Text = text, AuthorUserId = by,
                ShownName = shownName, IsPublic = isPublic, PostedAt = now.AddDays(-daysAgo), PlaceNodeId = node == community.Id ? grid : null,
            };
            post.Followers.Add(new FeedbackFollower { UserId = by, Since = post.PostedAt });
            db.FeedbackPosts.Add(post);
            return post;
        }

        void Reply(FeedbackPost post, string text, string staff, double hoursLater)
        {
            var at = post.PostedAt.AddHours(hoursLater);
            post.Replies.Add(new FeedbackReply { Text = text, At = at, StaffUserId = users[staff] });
            post.FirstReplyAt ??= at;
        }

        var lights = Post(community.Id, null, community.Path, FeedbackKind.Advice, "3号楼后面的小路晚上太黑，建议加装路灯",
            "3号楼后面通往菜市场的小路没有路灯，老人晚上买菜回来容易摔倒。建议加装两三盏路灯。 The lane behind Building 3 to the market has no lights; elderly people fall coming back in the evening. Please add two or three lights.",
            resident, 20, shownName: "吴晓东");
        Reply(lights, "谢谢您的建议。我们已到现场查看，准备在小路加装三盏太阳能路灯。 Thank you. We looked on site and will add three solar lights to the lane.", "worker", 5);
        var noise = Post(community.Id, null, community.Path, FeedbackKind.Complaint, "广场舞音响太吵",
            "晚上九点以后广场舞音响还很大声，影响休息。 The square-dance speakers are still loud after 9 pm.", author(0), 6);
        Reply(noise, "已与舞蹈队协商，音响九点前关闭，音量调低。 We agreed with the dance group: speakers off by 9 pm and turned down.", "worker", 30);
        Post(community.Id, null, community.Path, FeedbackKind.Advice, "希望社区开设老年人智能手机课",
            "很多老人不会用手机挂号和缴费，希望社区每月开一次手机课。 Many elderly people cannot book doctors or pay bills on a phone; please run a monthly phone class.", author(1), 2);
        Post(community.Id, null, community.Path, FeedbackKind.Complaint, "楼下商铺油烟直排",
            "1号楼楼下的餐馆油烟直接排到楼道窗口。 The restaurant under Building 1 vents its fumes straight at the stairwell windows.", resident, 1, isPublic: false);
        var spam = Post(community.Id, null, community.Path, FeedbackKind.Advice, "低价装修，加微信",
            "专业装修，价格最低，加微信 xxxx。 Cheapest renovation, add me on WeChat.", author(2), 3);
        spam.FlagCount = 2;
        spam.HiddenAt = now.AddDays(-2);
        spam.HiddenReason = "广告信息 Advertising";
        spam.HiddenBy = users["worker"];
        var parking = Post(street.Id, null, street.Path, FeedbackKind.Advice, "建议错时开放机关停车场",
            "晚上小区停车难，建议街道办的停车场晚上向居民开放。 Parking is hard at night; please open the street office's car park to residents in the evening.", author(0), 9);
        Reply(parking, "正在评估安全管理方案，一个月内答复。 We are working out how to keep it secure and will answer within a month.", "street", 48);
        var pressure = Post(null, water.Id, FeedbackUnits.CommonPath(water.Paths), FeedbackKind.Complaint, "高层水压不足",
            "18楼以上早晚用水高峰时水压很低。 Above the 18th floor the water pressure is very low at the morning and evening peaks.", author(1), 4);
        Reply(pressure, "已安排检测二次供水泵房。 We have scheduled a check of the booster pump room.", "handler", 20);
        await db.SaveChangesAsync(cancellationToken);

        db.FeedbackFlags.Add(new FeedbackFlag { PostId = spam.Id, UserId = resident, Reason = FeedbackFlagReason.Spam, At = now.AddDays(-3) });
        db.FeedbackFlags.Add(new FeedbackFlag { PostId = spam.Id, UserId = author(0), Reason = FeedbackFlagReason.Spam, At = now.AddDays(-3) });
        var commitment = new FeedbackCommitment
        {
            PostId = lights.Id, UnitNodeId = community.Id, UnitPath = community.Path, AdoptedAt = lights.PostedAt.AddHours(6),
            What = "在3号楼后小路加装三盏太阳能路灯 Install three solar lights on the lane behind Building 3",
            DueOn = DateOnly.FromDateTime(now.AddDays(20).UtcDateTime),
        };
        commitment.Progress.Add(new FeedbackProgress { Text = "已完成选址和采购。 Sites chosen and lights bought.", At = now.AddDays(-12), StaffUserId = users["worker"] });
        commitment.Progress.Add(new FeedbackProgress { Text = "第一盏路灯已安装。 The first light is up.", At = now.AddDays(-4), StaffUserId = users["worker"] });
        db.FeedbackCommitments.Add(commitment);
        await db.SaveChangesAsync(cancellationToken);
    }
}
