using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Linli.Web.Features.People;
using Linli.Web.Features.Surveys;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.Integration.Volunteers.VolunteerWorld;

namespace Linli.Tests.Integration.Surveys;

public sealed class SurveyTests
{
    private const string Api = "/api/v1/surveys";
    private static readonly Dictionary<string, string?> Waiver = new() { ["Security:DemoWaivesRequiredTwoFactor"] = "true" };

    [Theory, BothDatabases]
    public async Task The_builder_validates_and_only_verified_residents_answer_once_with_answers_that_name_nobody(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, Waiver);
        var worker = await app.SignedInAsync("worker");
        Assert.True((await ErrorsAsync(await worker.PostAsJsonAsync(Api, new { nodeCode = DemoAccounts.CommunityCode }))).TryGetProperty("title", out _));
        Assert.True((await ErrorsAsync(await worker.PostAsJsonAsync(Api, new { title = "x", nodeCode = DemoAccounts.CommunityCode, kind = "poll" }))).TryGetProperty("kind", out _));
        Assert.True((await ErrorsAsync(await worker.PostAsJsonAsync(Api, new { title = "x", nodeCode = DemoAccounts.CommunityCode, closesOn = "2020-01-01" }))).TryGetProperty("closesOn", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("police")).PostAsJsonAsync(Api, new { title = "x", nodeCode = DemoAccounts.CommunityCode })).StatusCode);
        var before = await app.WithDbAsync(db => db.Surveys.CountAsync());

        var id = await CreateAsync(worker, new { title = "<b>社区服务</b> Community services", nodeCode = DemoAccounts.GridCode });
        Assert.Equal("社区服务 Community services", (await worker.GetFromJsonAsync<JsonElement>($"{Api}/{id}")).GetProperty("title").GetString());
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.Surveys.CountAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"{Api}/{id}")).StatusCode);
        Assert.True((await ErrorsAsync(await worker.PostAsync($"{Api}/{id}/publish", null))).TryGetProperty("questions", out _));
        Assert.True((await ErrorsAsync(await worker.PostAsJsonAsync($"{Api}/{id}/questions", new { kind = "single-choice", text = "哪个？", options = new[] { "只有一个" } }))).TryGetProperty("options", out _));
        Assert.True((await ErrorsAsync(await worker.PostAsJsonAsync($"{Api}/{id}/questions", new { kind = "ranking", text = "排序", options = new[] { "a", "a" } }))).TryGetProperty("options", out _));
        Assert.True((await ErrorsAsync(await worker.PostAsJsonAsync($"{Api}/{id}/questions", new { kind = "free-text", text = "说说", tag = "satisfaction" }))).TryGetProperty("tag", out _));
        Assert.True((await ErrorsAsync(await worker.PostAsJsonAsync($"{Api}/{id}/questions", new { kind = "essay", text = "说说" }))).TryGetProperty("kind", out _));
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyQuestions.CountAsync(q => q.SurveyId == id)));

        var q = await AddQuestionsAsync(worker, id,
            new { kind = "single-choice", text = "常去哪里？", options = new[] { "公园", "菜市场", "图书馆" }, required = true },
            new { kind = "multiple-choice", text = "需要哪些服务？", options = new[] { "助餐", "托幼", "维修" } },
            new { kind = "scale", text = "满意度", tag = "satisfaction" },
            new { kind = "free-text", text = "建议" });
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsync($"{Api}/{id}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync($"{Api}/{id}/questions", new { kind = "scale", text = "晚了" })).StatusCode);
        var survey = await app.Anonymous().GetFromJsonAsync<JsonElement>($"{Api}/{id}");
        Assert.Equal("open", survey.GetProperty("phase").GetString());
        var options = survey.GetProperty("questions")[0].GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetInt32()).ToList();
        var services = survey.GetProperty("questions")[1].GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetInt32()).ToList();

        var (resident, _) = await ResidentAsync(app, "s-resident");
        var answers = new { answers = new object[]
        {
            new { questionId = q[0], optionId = options[1] }, new { questionId = q[1], optionIds = new[] { services[0], services[2] } },
            new { questionId = q[2], value = 4 }, new { questionId = q[3], text = "<script>x</script>多些长椅 More benches" },
        } };
        var unverified = await resident.PostAsJsonAsync($"{Api}/{id}/responses", answers);
        Assert.Equal(HttpStatusCode.Forbidden, unverified.StatusCode);
        Assert.True((await ErrorsAsync(unverified)).TryGetProperty("household", out _));
        await LinkAsync(resident, DemoAccounts.UnitCode);
        Assert.True((await ErrorsAsync(await resident.PostAsJsonAsync($"{Api}/{id}/responses", new { answers = new[] { new { questionId = q[2], value = 4 } } }))).TryGetProperty($"answers[{q[0]}]", out _));
        Assert.True((await ErrorsAsync(await resident.PostAsJsonAsync($"{Api}/{id}/responses", new { answers = new object[] { new { questionId = q[0], optionId = options[0] }, new { questionId = q[2], value = 9 } } }))).TryGetProperty($"answers[{q[2]}]", out _));
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == id)));
        Assert.Equal(HttpStatusCode.NoContent, (await resident.PostAsJsonAsync($"{Api}/{id}/responses", answers)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await resident.PostAsJsonAsync($"{Api}/{id}/responses", answers)).StatusCode);
        var mine = await resident.GetFromJsonAsync<JsonElement>($"{Api}/{id}");
        Assert.True(mine.GetProperty("youResponded").GetBoolean());

        // A double tap sent at once counts once.
        var (twice, _) = await ResidentAsync(app, "s-twice");
        await LinkAsync(twice, DemoAccounts.UnitCode);
        var taps = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => twice.PostAsJsonAsync($"{Api}/{id}/responses", answers)));
        Assert.Equal(1, taps.Count(t => t.StatusCode == HttpStatusCode.NoContent));

        // A resident elsewhere in the street is not in this grid's audience.
        var (outsider, _) = await ResidentAsync(app, "s-outsider");
        await LinkAsync(outsider, await UnitInOtherGridAsync(app));
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PostAsJsonAsync($"{Api}/{id}/responses", answers)).StatusCode);

        // The answers carry no account and no time finer than the day: assert on the tables themselves.
        var columns = await app.WithDbAsync(db => Task.FromResult((
            Response: db.Model.FindEntityType(typeof(SurveyResponse))!.GetProperties().Select(p => p.GetColumnName()).Order().ToList(),
            Answer: db.Model.FindEntityType(typeof(SurveyAnswer))!.GetProperties().Select(p => p.GetColumnName()).Order().ToList(),
            Respondent: db.Model.FindEntityType(typeof(SurveyRespondent))!.GetProperties().Select(p => p.GetColumnName()).Order().ToList())));
        Assert.Equal(["AreaPath", "Day", "Id", "SurveyId"], columns.Response);
        Assert.Equal(["Id", "OptionId", "QuestionId", "ResponseId", "Text", "Value"], columns.Answer);
        Assert.Equal(["SurveyId", "UserId"], columns.Respondent);
        var stored = await app.WithDbAsync(db => db.SurveyResponses.Where(r => r.SurveyId == id).Include(r => r.Answers).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.All(stored, r => Assert.Equal(DemoAccounts.BuildingCode, r.AreaPath.TrimEnd('/').Split('/')[^1]));
        Assert.Contains(stored.SelectMany(r => r.Answers), a => a.Text == "x多些长椅 More benches");
        var respondents = await app.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM survey_respondents WHERE \"SurveyId\" = {0}", id).SingleAsync());
        Assert.Equal(2, respondents);

        // Free text is for staff only: the public aggregates (and the police) never carry it.
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsync($"{Api}/{id}/close", null)).StatusCode);
        var staff = await worker.GetFromJsonAsync<JsonElement>($"{Api}/{id}/results");
        Assert.Equal(2, staff.GetProperty("responses").GetInt32());
        Assert.Equal(2, staff.GetProperty("questions")[3].GetProperty("texts").GetArrayLength());
        Assert.Equal(4.0, staff.GetProperty("questions")[2].GetProperty("mean").GetDouble());
        var publicView = await app.Anonymous().GetFromJsonAsync<JsonElement>($"{Api}/{id}");
        Assert.True(publicView.GetProperty("publicResults").GetProperty("suppressed").GetBoolean());
        Assert.DoesNotContain("长椅", publicView.GetRawText(), StringComparison.Ordinal);
        var police = await app.SignedInAsync("police");
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"{Api}/{id}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"{Api}/{id}/responses.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"{Api}/{id}/results.csv")).StatusCode);
        Assert.DoesNotContain("长椅", await police.GetStringAsync($"{Api}/{id}"), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_priority_vote_ranks_by_borda_points_per_area_suppresses_small_areas_and_gets_a_plan_from_its_unit(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, Waiver);
        var worker = await app.SignedInAsync("worker");
        var id = await CreateAsync(worker, new { title = "最关心的治安问题 Top safety concern", kind = "priority-vote", nodeCode = DemoAccounts.CommunityCode });
        var q = (await AddQuestionsAsync(worker, id, new { kind = "ranking", text = "排序 Rank", options = new[] { "车辆盗窃 Vehicle theft", "入室盗窃 Burglary", "诈骗 Fraud" } }))[0];
        Assert.True((await ErrorsAsync(await worker.PostAsJsonAsync($"{Api}/{id}/questions", new { kind = "scale", text = "再一个" }))).TryGetProperty("kind", out _));
        await worker.PostAsync($"{Api}/{id}/publish", null);
        var o = (await worker.GetFromJsonAsync<JsonElement>($"{Api}/{id}")).GetProperty("questions")[0].GetProperty("options").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()).ToList();

        // Five residents in the demo grid, one in another grid. Borda (3 options: 2, 1, 0 points):
        // fraud 2+2+2+1+0+2 = 9, theft 1+1+0+2+2+0 = 6, burglary 0+0+1+0+1+1 = 3.
        int[][] rankings = [[o[2], o[0], o[1]], [o[2], o[0], o[1]], [o[2], o[1], o[0]], [o[0], o[2], o[1]], [o[0], o[1], o[2]]];
        var other = await UnitInOtherGridAsync(app);
        for (var i = 0; i < 6; i++)
        {
            var (resident, _) = await ResidentAsync(app, $"v-{i}");
            await LinkAsync(resident, i < 5 ? DemoAccounts.UnitCode : other);
            var ranking = i < 5 ? rankings[i] : [o[2], o[1], o[0]];
            Assert.Equal(HttpStatusCode.NoContent, (await resident.PostAsJsonAsync($"{Api}/{id}/responses", new { answers = new[] { new { questionId = q, ranking } } })).StatusCode);
        }

        var (partial, _) = await ResidentAsync(app, "v-partial");
        await LinkAsync(partial, DemoAccounts.UnitCode);
        Assert.True((await ErrorsAsync(await partial.PostAsJsonAsync($"{Api}/{id}/responses", new { answers = new[] { new { questionId = q, ranking = new[] { o[0] } } } }))).TryGetProperty($"answers[{q}]", out _));

        // While open: no public results; a plan waits for the close.
        Assert.Equal(JsonValueKind.Null, (await app.Anonymous().GetFromJsonAsync<JsonElement>($"{Api}/{id}")).GetProperty("publicResults").ValueKind);
        var street = await app.SignedInAsync("street");
        Assert.Equal(HttpStatusCode.Conflict, (await street.PostAsJsonAsync($"{Api}/{id}/plan", new { unitNodeCode = TreeGenerator.ShiqiaopuCode, text = "计划" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsync($"{Api}/{id}/close", null)).StatusCode);

        var results = (await app.Anonymous().GetFromJsonAsync<JsonElement>($"{Api}/{id}")).GetProperty("publicResults");
        Assert.Equal(6, results.GetProperty("responses").GetInt32());
        var ranked = results.GetProperty("questions")[0].GetProperty("options").EnumerateArray().Select(x => (x.GetProperty("rank").GetInt32(), x.GetProperty("id").GetInt32(), x.GetProperty("points").GetInt32())).ToList();
        Assert.Equal([(1, o[2], 9), (2, o[0], 6), (3, o[1], 3)], ranked);
        var areas = results.GetProperty("areas").EnumerateArray().ToDictionary(a => a.GetProperty("code").GetString()!);
        Assert.Equal(6, areas[DemoAccounts.CommunityCode].GetProperty("responses").GetInt32());
        Assert.Equal(5, areas[DemoAccounts.GridCode].GetProperty("responses").GetInt32());
        Assert.Equal(o[2], areas[DemoAccounts.GridCode].GetProperty("ranking")[0].GetProperty("id").GetInt32());
        var small = areas.Values.Where(a => a.GetProperty("code").GetString() is not (DemoAccounts.CommunityCode or DemoAccounts.GridCode)).ToList();
        Assert.NotEmpty(small);
        Assert.All(small, a => Assert.True(a.GetProperty("suppressed").GetBoolean() && a.GetProperty("responses").ValueKind == JsonValueKind.Null));

        var csv = await worker.GetStringAsync($"{Api}/{id}/results.csv");
        Assert.Contains("排序 Rank,ranking,诈骗 Fraud,4,0.6667,9,1,", csv, StringComparison.Ordinal);
        var rows = (await worker.GetStringAsync($"{Api}/{id}/responses.csv")).Trim().Split('\n');
        Assert.Equal(7, rows.Length);
        Assert.Equal(2, rows.Count(r => r.EndsWith("诈骗 Fraud > 车辆盗窃 Vehicle theft > 入室盗窃 Burglary", StringComparison.Ordinal)));

        // The plan comes from the unit that speaks for it: the street office here, not the community's worker, not a department handler.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("handler")).PostAsJsonAsync($"{Api}/{id}/plan", new { text = "计划" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync($"{Api}/{id}/plan", new { unitNodeCode = TreeGenerator.ShiqiaopuCode, text = "计划" })).StatusCode);
        Assert.True((await ErrorsAsync(await street.PostAsJsonAsync($"{Api}/{id}/plan", new { unitNodeCode = TreeGenerator.ShiqiaopuCode, text = " " }))).TryGetProperty("text", out _));
        Assert.Equal(HttpStatusCode.Created, (await street.PostAsJsonAsync($"{Api}/{id}/plan", new { unitNodeCode = TreeGenerator.ShiqiaopuCode, text = "反诈宣传进楼栋 Anti-fraud talks in every building" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await street.PostAsJsonAsync($"{Api}/{id}/plan", new { text = "又一个" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync($"{Api}/{id}/plan/reports", new { text = "不是我的单位" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await street.PostAsJsonAsync($"{Api}/{id}/plan/reports", new { text = "已办8场 Eight talks held" })).StatusCode);
        var plan = (await app.Anonymous().GetFromJsonAsync<JsonElement>($"{Api}/{id}")).GetProperty("plan");
        Assert.Equal("诈骗 Fraud", plan.GetProperty("concern").GetString());
        Assert.Equal("已办8场 Eight talks held", plan.GetProperty("reports")[0].GetProperty("text").GetString());
    }

    [Theory, BothDatabases]
    public async Task Indices_map_tagged_scale_answers_of_a_quarter_to_0_100_and_hide_areas_under_five_answers(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var app = await LinliApp.StartAsync(kind, Waiver, services: s => s.AddSingleton<TimeProvider>(clock));
        var street = await app.SignedInAsync("street");
        var community = await app.WithDbAsync(db => db.Nodes.Where(n => n.Kind == NodeKind.Community && n.Code != DemoAccounts.CommunityCode && n.Path.Contains("/" + TreeGenerator.ShiqiaopuCode + "/"))
            .OrderBy(n => n.Code).Select(n => new { n.Id, n.Code }).FirstAsync());
        var units = await app.WithDbAsync(db => db.Nodes.Where(n => n.Kind == NodeKind.Unit && db.Nodes.Any(c => c.Id == community.Id && n.Path.StartsWith(c.Path)))
            .OrderBy(n => n.Code).Select(n => n.Code).Take(1).ToListAsync());
        var id = await CreateAsync(street, new { title = "季度调查 Quarterly survey", nodeCode = community.Code });
        var q = await AddQuestionsAsync(street, id,
            new { kind = "scale", text = "安全感", tag = "sense-of-security" }, new { kind = "scale", text = "满意度", tag = "satisfaction" });
        await street.PostAsync($"{Api}/{id}/publish", null);
        int[] security = [5, 4, 4, 3, 5];
        for (var i = 0; i < security.Length; i++)
        {
            var (resident, _) = await ResidentAsync(app, $"i-{i}");
            await LinkAsync(resident, units[0]);
            object[] answers = i < 4 ? [new { questionId = q[0], value = security[i] }, new { questionId = q[1], value = 2 }] : [new { questionId = q[0], value = security[i] }];
            Assert.Equal(HttpStatusCode.NoContent, (await resident.PostAsJsonAsync($"{Api}/{id}/responses", new { answers })).StatusCode);
        }

        var quarter = $"{clock.GetUtcNow().AddHours(8).Year}-Q{(clock.GetUtcNow().AddHours(8).Month + 2) / 3}";
        var open = await app.Anonymous().GetFromJsonAsync<JsonElement>($"{Api}/indices?node={community.Code}&quarter={quarter}");
        Assert.True(open.GetProperty("areas")[0].GetProperty("senseOfSecurity").GetProperty("suppressed").GetBoolean());

        await street.PostAsync($"{Api}/{id}/close", null);
        clock.Advance(TimeSpan.FromMinutes(1));
        var indices = await app.Anonymous().GetFromJsonAsync<JsonElement>($"{Api}/indices?node={community.Code}&quarter={quarter}");
        var area = indices.GetProperty("areas")[0];
        Assert.Equal(community.Code, area.GetProperty("code").GetString());
        Assert.Equal(5, area.GetProperty("senseOfSecurity").GetProperty("answers").GetInt32());
        Assert.Equal(80.0, area.GetProperty("senseOfSecurity").GetProperty("value").GetDouble());
        Assert.True(area.GetProperty("satisfaction").GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, area.GetProperty("satisfaction").GetProperty("value").ValueKind);
        Assert.Contains(indices.GetProperty("areas").EnumerateArray().Skip(1), a => a.GetProperty("senseOfSecurity").GetProperty("answers").GetInt32() == 5);
        Assert.Contains("(mean", indices.GetProperty("method").GetString(), StringComparison.Ordinal);

        var other = await app.Anonymous().GetFromJsonAsync<JsonElement>($"{Api}/indices?node={community.Code}&quarter=2020-Q1");
        Assert.True(other.GetProperty("areas")[0].GetProperty("senseOfSecurity").GetProperty("suppressed").GetBoolean());
        Assert.True((await ErrorsAsync(await app.Anonymous().GetAsync($"{Api}/indices?node={community.Code}&quarter=2026-Q5"))).TryGetProperty("quarter", out _));
    }

    private static async Task<int> CreateAsync(HttpClient staff, object body)
    {
        var response = await staff.PostAsJsonAsync(Api, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<List<int>> AddQuestionsAsync(HttpClient staff, int id, params object[] questions)
    {
        foreach (var question in questions)
        {
            var response = await staff.PostAsJsonAsync($"{Api}/{id}/questions", question);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }

        return [.. (await staff.GetFromJsonAsync<JsonElement>($"{Api}/{id}")).GetProperty("questions").EnumerateArray().Select(x => x.GetProperty("id").GetInt32())];
    }

    private static async Task LinkAsync(HttpClient client, string unitCode) =>
        Assert.True((await client.PutAsJsonAsync("/api/v1/me/household", new { unitCode, consentVersion = Consents.HouseholdLinkText.Version })).IsSuccessStatusCode);

    /// <summary>A unit in the demo community but outside the demo grid.</summary>
    private static Task<string> UnitInOtherGridAsync(LinliApp app) => app.WithDbAsync(db =>
        db.Nodes.Where(n => n.Kind == NodeKind.Unit && n.Path.Contains("/" + DemoAccounts.CommunityCode + "/") && !n.Path.Contains("/" + DemoAccounts.GridCode + "/"))
            .OrderBy(n => n.Code).Select(n => n.Code).FirstAsync());
}
