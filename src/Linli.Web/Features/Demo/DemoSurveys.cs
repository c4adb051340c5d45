using Linli.Web.Data;
using Linli.Web.Features.Surveys;
using Linli.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Demo;

/// <summary>
/// The demo street's surveys: a closed priority vote in 石桥铺社区 on the top safety concern, answered by the demo
/// residents (their "has responded" rows and anonymous answers, spread over the community's grids so one area shows
/// and a small one is suppressed), with the community committee's published plan and a report-back; and a closed
/// quarterly sense-of-security and satisfaction survey, so the indices page shows figures for this quarter.
/// </summary>
public static class DemoSurveys
{
    public const string VoteTitle = "本社区最关心的治安问题 Our community's top safety concern";

    private static readonly string[] Concerns =
    [
        "电动车和车辆被盗 Vehicle and e-bike theft", "入室盗窃 Burglary", "电信网络诈骗 Phone and online fraud",
        "消防隐患 Fire hazards", "夜间照明不足 Poor lighting at night",
    ];

    public static async Task SeedAsync(LinliDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = ChinaCalendar.Today(now);
        var community = await db.Nodes.AsNoTracking().Where(n => n.Code == DemoAccounts.CommunityCode).Select(n => new { n.Id, n.Path }).SingleAsync(cancellationToken);
        var grids = await db.Nodes.AsNoTracking().Where(n => n.ParentId == community.Id).OrderBy(n => n.Code).Select(n => n.Path).Take(3).ToListAsync(cancellationToken);
        var residents = await db.Users.AsNoTracking().Where(u => u.UserName!.StartsWith("resident-")).OrderBy(u => u.UserName).Select(u => u.Id).ToListAsync(cancellationToken);
        var random = new Random(606);

        var vote = new Survey
        {
            Kind = SurveyKind.PriorityVote, Title = VoteTitle, NodeId = community.Id, NodePath = community.Path, IsPublic = true,
            Description = "请给下面的问题排序，社区居委会将针对排名第一的问题制定计划并定期反馈。 Rank these; the community committee plans against the top one and reports back.",
            CreatedAt = now.AddDays(-45), OpensAt = ChinaCalendar.StartOf(today.AddDays(-40)), ClosesAt = ChinaCalendar.StartOf(today.AddDays(-10)), PublishedAt = now.AddDays(-41),
            Questions = [new SurveyQuestion
            {
                Position = 1, Kind = QuestionKind.Ranking, Required = true, Text = "请按关心程度排序 Rank by how much each worries you",
                Options = [.. Concerns.Select((c, i) => new SurveyOption { Position = i + 1, Text = c })],
            }],
        };
        var index = new Survey
        {
            Kind = SurveyKind.Survey, Title = "本季度安全感与满意度调查 This quarter's sense of security and satisfaction", NodeId = community.Id, NodePath = community.Path,
            IsPublic = true, CreatedAt = now.AddDays(-3), OpensAt = ChinaCalendar.StartOf(IndexQuarterStart(today)), ClosesAt = now.AddMinutes(-5), PublishedAt = now.AddDays(-3),
            Questions =
            [
                new SurveyQuestion { Position = 1, Kind = QuestionKind.Scale, Required = true, Tag = IndexTag.SenseOfSecurity, Text = "你在小区里感到安全吗？ Do you feel safe here?" },
                new SurveyQuestion { Position = 2, Kind = QuestionKind.Scale, Required = true, Tag = IndexTag.Satisfaction, Text = "你对社区的服务满意吗？ Are you satisfied with the community's services?" },
                new SurveyQuestion { Position = 3, Kind = QuestionKind.FreeText, Text = "还有什么建议？ Anything else?" },
            ],
        };
        db.Surveys.AddRange(vote, index);
        await db.SaveChangesAsync(cancellationToken);

        // 24 residents vote (14, 8 and 2 in the first three grids: the third is under five, so it is not shown).
        var options = vote.Questions[0].Options.Select(o => o.Id).ToList();
        var voteAnswers = new List<SurveyAnswer>();
        for (var i = 0; i < Math.Min(24, residents.Count); i++)
        {
            var order = options.OrderBy(o => Weight(options.IndexOf(o), random)).ToList();
            var answers = order.Select((o, rank) => new SurveyAnswer { QuestionId = vote.Questions[0].Id, OptionId = o, Value = rank + 1 }).ToList();
            voteAnswers.AddRange(answers);
            db.SurveyRespondents.Add(new SurveyRespondent { SurveyId = vote.Id, UserId = residents[i] });
            db.SurveyResponses.Add(new SurveyResponse
            {
                Id = new Guid(random.NextBytes16()), SurveyId = vote.Id, Day = today.AddDays(-40 + random.Next(30)), AreaPath = grids[i < 14 ? 0 : i < 22 ? 1 : 2],
                Answers = answers,
            });
        }

        var days = Math.Max(1, today.DayNumber - IndexQuarterStart(today).DayNumber + 1);
        for (var i = 0; i < Math.Min(20, residents.Count); i++)
        {
            db.SurveyRespondents.Add(new SurveyRespondent { SurveyId = index.Id, UserId = residents[i] });
            db.SurveyResponses.Add(new SurveyResponse
            {
                Id = new Guid(random.NextBytes16()), SurveyId = index.Id, Day = IndexQuarterStart(today).AddDays(random.Next(days)), AreaPath = grids[i % 2],
                Answers =
                [
                    new SurveyAnswer { QuestionId = index.Questions[0].Id, Value = 3 + random.Next(3) },
                    new SurveyAnswer { QuestionId = index.Questions[1].Id, Value = 2 + random.Next(4) },
                ],
            });
        }

        var plan = new SurveyPlan
        {
            SurveyId = vote.Id, UnitNodeId = community.Id, UnitName = "石桥铺社区居委会 Shiqiaopu Community Committee", Concern = "",
            Text = "与派出所、物业一起：车棚加装监控和门禁，每周两次夜间巡逻，电动车加装防盗芯片免费登记。 With the police station and the property company: cameras and access control in the bike sheds, night patrols twice a week, free anti-theft chip registration for e-bikes.",
            PublishedAt = now.AddDays(-8),
            Reports = [new SurveyPlanReport { Day = today.AddDays(-2), PostedAt = now.AddDays(-2), Text = "3号、5号车棚监控已安装，已登记防盗芯片126辆。 Cameras are in sheds 3 and 5; 126 e-bikes registered." }],
        };
        plan.Concern = TopConcern(vote, voteAnswers);
        db.SurveyPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Lower weight ranks higher; theft and fraud tend to come first, as residents in the street said.</summary>
    private static double Weight(int option, Random random) => option switch { 0 => 0.2, 2 => 0.35, 1 => 0.6, _ => 0.8 } + (random.NextDouble() * 0.6);

    private static DateOnly IndexQuarterStart(DateOnly today) => new(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);

    private static byte[] NextBytes16(this Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>The first option by Borda points (n options: first place n−1 points).</summary>
    private static string TopConcern(Survey vote, List<SurveyAnswer> answers)
    {
        var question = vote.Questions[0];
        var n = question.Options.Count;
        var top = answers.GroupBy(a => a.OptionId).OrderByDescending(g => g.Sum(a => n - a.Value!.Value)).First().Key;
        return question.Options.Single(o => o.Id == top).Text;
    }
}
