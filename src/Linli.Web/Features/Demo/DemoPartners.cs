using Linli.Web.Data;
using Linli.Web.Features.Negotiations;
using Linli.Web.Features.Partners;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Demo;

/// <summary>
/// The partners' side of the demo street: what each partner of <see cref="DemoOrganisations.StreetPartners"/> is, where it
/// serves, its joining agreement and offers, a few residents' ratings, and a negotiation between the market and an estate.
/// Call once, after <see cref="DemoPeople"/> created the partners. Times are relative to the clock, so events lie ahead.
/// </summary>
public sealed class DemoPartners(LinliDb db, TimeProvider clock)
{
    private sealed record Details(string Subtype, string Description, string[] Communities, string ContactName, string Contact, bool Signed);

    /// <summary>By partner name; an empty list of communities means the whole street.</summary>
    private static readonly Dictionary<string, Details> About = new()
    {
        ["重庆银行石桥铺支行"] = new("银行 bank", "个人与小微金融服务，反诈联盟成员。", [], "周敏", "13800000101", true),
        ["渝州物业管理有限公司"] = new("物业公司 property company", "负责石桥铺多个小区的物业管理。", [], "郑建华", "13800000102", true),
        ["石桥铺派出所"] = new("派出所 police station", "社区警务、法治宣传与防诈咨询。", [], "值班室", "13800000103", true),
        ["石桥铺小学"] = new("学校 school", "周末向社区开放操场与图书室。", ["001", "002", "003"], "教务处", "13800000104", true),
        ["九龙坡区阳光公益服务中心"] = new("公益组织 charity", "为老人、困境儿童提供志愿服务。", ["001", "004", "005"], "孙慧", "13800000105", true),
        ["石桥铺星光影城"] = new("电影院 cinema", "每月一场社区公益放映。", [], "市场部", "13800000106", true),
        ["石桥铺农贸市场"] = new("农贸市场 market", "社区菜市场，约 80 个摊位。", ["001", "002"], "市场管理办", "13800000107", false),
        ["石桥铺小区业主委员会"] = new("业主委员会 owners' committee", "石桥铺小区业主自治组织。", ["001"], "业委会主任", "13800000108", true),
    };

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var street = await db.Nodes.AsNoTracking().Where(n => n.Code == TreeGenerator.ShiqiaopuCode).Select(n => n.Id).SingleAsync(cancellationToken);
        var communities = await db.Nodes.AsNoTracking().Where(n => n.Kind == NodeKind.Community && n.Code.StartsWith(TreeGenerator.ShiqiaopuCode))
            .ToDictionaryAsync(n => n.Code[^3..], n => n.Id, cancellationToken);
        db.PartnerAgreementTexts.Add(new PartnerAgreementText
        {
            Version = 1, PublishedAt = now.AddDays(-90),
            Text = "社区合伙人加入协议（第1版）：合伙人自愿为社区居民提供公益服务与活动，不收集居民个人信息用于营销，接受年度评价；违反约定的，街道可暂停其合伙人资格。",
            TextEn = "Community partner agreement (version 1): the partner offers services and events to residents of its own will, never uses residents' data for marketing, and accepts the annual evaluation; the street may suspend a partner that breaks this agreement.",
        });

        var partners = await db.Partners.Include(p => p.Areas).ToDictionaryAsync(p => p.Name, cancellationToken);
        foreach (var (name, about) in About)
        {
            var partner = partners[name];
            partner.Subtype = about.Subtype;
            partner.Description = about.Description;
            partner.NameEn = DemoOrganisations.StreetPartners.Single(p => p.Name == name).NameEn;
            partner.CreatedAt = now.AddDays(-120);
            partner.Areas = about.Communities.Length == 0
                ? [new PartnerArea { NodeId = street }]
                : [.. about.Communities.Select(c => new PartnerArea { NodeId = communities[c] })];
            partner.Contacts = [new PartnerContact { Name = about.ContactName, Contact = "+86" + about.Contact }];
            if (about.Signed)
            {
                partner.Signatures = [new PartnerSignature { Version = 1, SignedOn = DateOnly.FromDateTime(now.AddDays(-80).UtcDateTime), SignedBy = about.ContactName, RecordedAt = now.AddDays(-80) }];
            }
        }

        var home = communities["001"];
        Offer(partners["重庆银行石桥铺支行"], OfferKind.StudentAid, "金秋助学金", "资助社区困难家庭大学新生。", aid: (3000m, "2026–2027 学年"));
        Offer(partners["重庆银行石桥铺支行"], OfferKind.Other, "防诈骗与金融知识讲座", "识别投资理财骗局，保护养老钱。", at: (Day(now, 3), 2, "社区活动中心二楼", home, 40));
        Offer(partners["渝州物业管理有限公司"], OfferKind.Venue, "小区活动室借用", "工作日 9:00–17:00 免费借用，提前一天预约。");
        Offer(partners["石桥铺派出所"], OfferKind.LegalAdvice, "法律与防诈咨询", "每周三下午社区警务室。");
        Offer(partners["石桥铺小学"], OfferKind.Venue, "周末开放操场", "周六、周日 7:00–10:00。");
        Offer(partners["九龙坡区阳光公益服务中心"], OfferKind.Other, "老人健康义诊", "测血压、血糖，用药咨询。", at: (Day(now, 10), 3, "石桥铺社区卫生服务站", home, 30));
        Offer(partners["石桥铺星光影城"], OfferKind.FreeScreening, "反诈电影免费放映《孤注一掷》", "社区居民凭报名免费入场。", at: (Day(now, 6), 2, "星光影城 3 号厅", home, 80));
        Offer(partners["石桥铺农贸市场"], OfferKind.JobFair, "社区招聘会", "市场商户与周边企业招聘。", at: (Day(now, 20), 3, "农贸市场门前广场", communities["002"], 200));
        await db.SaveChangesAsync(cancellationToken);

        await RatingsAsync(partners, now, cancellationToken);
        await NegotiationAsync(partners, home, now, cancellationToken);
    }

    private static DateTimeOffset Day(DateTimeOffset now, int days)
    {
        var local = PartnerRules.InChina(now).Date.AddDays(days).AddHours(14);
        return new DateTimeOffset(local, ChinaCalendar.Offset).ToUniversalTime();
    }

    private void Offer(PartnerOrganisation partner, OfferKind kind, string title, string description,
        (decimal Amount, string Period)? aid = null, (DateTimeOffset Starts, int Hours, string Place, int Community, int Capacity)? at = null)
    {
        db.PartnerOffers.Add(new PartnerOffer
        {
            PartnerId = partner.Id, Kind = kind, Title = title, Description = description, AidAmount = aid?.Amount, AidPeriod = aid?.Period,
            StartsAt = at?.Starts, EndsAt = at?.Starts.AddHours(at.Value.Hours), Place = at?.Place, CommunityNodeId = at?.Community, Capacity = at?.Capacity,
            CreatedAt = clock.GetUtcNow().AddDays(-30),
        });
    }

    /// <summary>A few ratings of the services this year from demo residents, so the directory shows its averages.</summary>
    private async Task RatingsAsync(Dictionary<string, PartnerOrganisation> partners, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var residents = await db.Users.AsNoTracking().Where(u => u.UserName!.StartsWith("resident-")).OrderBy(u => u.UserName).Select(u => u.Id).Take(6).ToListAsync(cancellationToken);
        var services = await db.PartnerOffers.AsNoTracking().Where(o => o.StartsAt == null).OrderBy(o => o.Id).Select(o => new { o.Id, o.PartnerId }).ToListAsync(cancellationToken);
        int[] stars = [5, 4, 5, 3, 4, 5];
        for (var i = 0; i < residents.Count; i++)
        {
            var service = services[i % services.Count];
            db.PartnerRatings.Add(new PartnerRating
            {
                OfferId = service.Id, PartnerId = service.PartnerId, UserId = residents[i], Year = PartnerRules.YearOf(now), Stars = stars[i], RatedAt = now.AddDays(-i - 1),
            });
        }

        db.PartnerScores.Add(new PartnerScore
        {
            PartnerId = partners["石桥铺星光影城"].Id, Year = PartnerRules.YearOf(now) - 1, Score = 92, Note = "全年 12 场公益放映，居民反响好。",
            ScoredByUserId = Guid.Empty, ScoredByName = "李秀英", ScoredAt = now.AddDays(-60),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The market and the estate over the road between them: a meeting, a proposal and the parties' positions, not yet agreed.</summary>
    private async Task NegotiationAsync(Dictionary<string, PartnerOrganisation> partners, int communityId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var path = await db.Nodes.AsNoTracking().Where(n => n.Id == communityId).Select(n => n.Path).SingleAsync(cancellationToken);
        var negotiation = new Negotiation
        {
            NodeId = communityId, NodePath = path, CreatedAt = now.AddDays(-21),
            Title = "农贸市场与石桥铺小区：通道与活动空间",
            Description = "市场进货车辆占用小区北侧通道，居民晚间活动空间不足，争议多年。",
            Parties =
            [
                new NegotiationParty { PartnerId = partners["石桥铺农贸市场"].Id },
                new NegotiationParty { PartnerId = partners["石桥铺小区业主委员会"].Id },
                new NegotiationParty { PartnerId = partners["渝州物业管理有限公司"].Id },
            ],
            Meetings =
            [
                new NegotiationMeeting
                {
                    HeldAt = now.AddDays(-14), Place = "石桥铺社区议事厅", RecordedAt = now.AddDays(-14),
                    Minutes = "市场说明进货需要早间通行；业委会提出晚间通道应归居民活动使用；物业同意配合设置限时道闸。",
                },
            ],
            Proposals =
            [
                new NegotiationProposal
                {
                    Title = "错峰使用北侧通道", CreatedAt = now.AddDays(-10),
                    Text = "每日 6:00–9:00 市场车辆通行；18:00–21:00 通道封闭作为居民活动空间；物业设置限时道闸，市场承担一半费用。",
                },
            ],
        };
        db.Negotiations.Add(negotiation);
        await db.SaveChangesAsync(cancellationToken);

        var proposal = negotiation.Proposals[0];
        PositionKind[] positions = [PositionKind.Support, PositionKind.Support, PositionKind.Abstain];
        string[] notes = ["需保证早间卸货时间", "希望尽快安装道闸", "道闸费用待确认"];
        for (var i = 0; i < negotiation.Parties.Count; i++)
        {
            proposal.Positions.Add(new PartyPosition { PartyId = negotiation.Parties[i].Id, Position = positions[i], Note = notes[i], RecordedAt = now.AddDays(-7) });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
