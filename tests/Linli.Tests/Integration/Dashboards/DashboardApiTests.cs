using System.Net;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;

namespace Linli.Tests.Integration.Dashboards;

public sealed class DashboardApiTests
{
    private static async Task<JsonElement> GetAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/v1/dashboards?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static JsonElement Category(JsonElement report, string code) =>
        report.GetProperty("cases").GetProperty("byCategory").EnumerateArray().Single(c => c.GetProperty("code").GetString() == code);

    private static double? Number(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetDouble();

    [Theory, BothDatabases]
    public async Task A_street_dashboard_has_the_figures_their_changes_and_the_ranking(DatabaseKind kind)
    {
        await using var app = await DashboardScenario.StartAsync(kind);
        var report = await GetAsync(await app.SignedInAsync("street"), $"node={TreeGenerator.ShiqiaopuCode}&{DashboardScenario.March}");
        var cases = report.GetProperty("cases");

        // Six cases in March against two in the same days of February and of March 2024.
        var reported = cases.GetProperty("reported");
        Assert.Equal((6, 2, 2), (reported.GetProperty("value").GetInt32(), reported.GetProperty("lastMonth").GetInt32(), reported.GetProperty("lastYear").GetInt32()));
        Assert.Equal(2.0, Number(reported, "monthOnMonth"));
        Assert.Equal(2.0, Number(reported, "yearOnYear"));

        var leaks = Category(report, "water-leak").GetProperty("reported");
        Assert.Equal((4, 1, 2), (leaks.GetProperty("value").GetInt32(), leaks.GetProperty("lastMonth").GetInt32(), leaks.GetProperty("lastYear").GetInt32()));
        Assert.Equal(3.0, Number(leaks, "monthOnMonth"));
        Assert.Equal(1.0, Number(leaks, "yearOnYear"));
        var parking = Category(report, "parking").GetProperty("reported");
        Assert.Equal(0.0, Number(parking, "monthOnMonth"));
        Assert.Null(Number(parking, "yearOnYear"));
        Assert.Equal(1, Category(report, "fraud-attempt").GetProperty("reported").GetProperty("value").GetInt32());

        // Two of six accepted in time in March; none of February's two nor of March 2024's two: 33.3 points up. Nothing rated: no change.
        var response = cases.GetProperty("response");
        Assert.Equal((2, 6), (response.GetProperty("figure").GetProperty("numerator").GetInt32(), response.GetProperty("figure").GetProperty("denominator").GetInt32()));
        Assert.Equal(0.3333, Number(response, "monthOnMonth"));
        Assert.Equal(0.3333, Number(response, "yearOnYear"));
        Assert.Null(Number(cases.GetProperty("satisfaction"), "monthOnMonth"));
        Assert.Equal(12, cases.GetProperty("months").GetArrayLength());
        Assert.Equal("2025-03", cases.GetProperty("months")[11].GetProperty("month").GetString());
        Assert.Equal(6, cases.GetProperty("months")[11].GetProperty("reported").GetInt32());
        Assert.Equal(2, cases.GetProperty("months")[10].GetProperty("reported").GetInt32());

        // Community 1 (score 0.2: response 2/5, resolution 0/5) before community 2 (0: 0/1, 0/1); the rest have nothing due.
        var children = report.GetProperty("rankings").GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(DemoAccounts.CommunityCode, children[0].GetProperty("node").GetProperty("code").GetString());
        Assert.Equal(1, children[0].GetProperty("rank").GetInt32());
        Assert.Equal(DashboardScenario.Community2, children[1].GetProperty("node").GetProperty("code").GetString());
        Assert.Equal(2, children[1].GetProperty("rank").GetInt32());
        Assert.Equal(JsonValueKind.Null, children[2].GetProperty("rank").ValueKind);

        var hazards = report.GetProperty("hazards");
        Assert.Equal((2, 1), (hazards.GetProperty("found").GetInt32(), hazards.GetProperty("eliminated").GetInt32()));
        var disputes = report.GetProperty("disputes");
        Assert.Equal((1, 1), (disputes.GetProperty("opened").GetInt32(), disputes.GetProperty("disputesSolved").GetInt32()));
        Assert.Equal(0, report.GetProperty("withheld").GetArrayLength());
        foreach (var section in new[] { "cases", "hazards", "tips", "disputes", "antiFraud", "volunteers", "partners", "surveys" })
        {
            Assert.False(string.IsNullOrWhiteSpace(report.GetProperty(section).GetProperty("definition").GetString()), section);
        }
    }

    [Theory, BothDatabases]
    public async Task Below_a_community_sensitive_categories_and_sections_are_folded(DatabaseKind kind)
    {
        await using var app = await DashboardScenario.StartAsync(kind);
        var report = await GetAsync(await app.SignedInAsync("gridchief"), $"node={DemoAccounts.GridCode}&{DashboardScenario.March}");

        var categories = report.GetProperty("cases").GetProperty("byCategory").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();
        Assert.DoesNotContain("fraud-attempt", categories);
        var withheld = Category(report, "sensitive");
        Assert.True(withheld.GetProperty("withheld").GetBoolean());
        Assert.Equal(1, withheld.GetProperty("reported").GetProperty("value").GetInt32());
        Assert.Equal(categories.Count - 1, categories.IndexOf("sensitive"));
        foreach (var section in new[] { "tips", "disputes", "antiFraud", "volunteers" })
        {
            Assert.Equal(JsonValueKind.Null, report.GetProperty(section).ValueKind);
        }

        Assert.Equal(4, report.GetProperty("withheld").GetArrayLength());
        Assert.Equal(0, report.GetProperty("rankings").GetProperty("children").GetArrayLength());
    }

    [Theory, BothDatabases]
    public async Task Only_holders_over_the_node_see_it_and_police_never_do(DatabaseKind kind)
    {
        await using var app = await DashboardScenario.StartAsync(kind);
        var worker = await app.SignedInAsync("worker");
        var police = await app.SignedInAsync("police");

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync($"/api/v1/dashboards?node={DemoAccounts.CommunityCode}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/api/v1/dashboards?node={DemoAccounts.CommunityCode}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/api/v1/dashboards?node={DashboardScenario.Community2}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/api/v1/dashboards?node={TreeGenerator.ShiqiaopuCode}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"/api/v1/dashboards?node={DemoAccounts.CommunityCode}")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync("/work/dashboards")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"/work/dashboards/{DemoAccounts.CommunityCode}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/work/dashboards/{DashboardScenario.Community2}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_bad_request_is_answered_with_the_field_that_is_wrong(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var street = await app.SignedInAsync("street");
        var node = $"node={TreeGenerator.ShiqiaopuCode}";

        foreach (var (query, field) in new[]
        {
            ($"{node}&period=yesterday", "period"),
            ($"{node}&period=custom&from=2025-03-01", "until"),
            ($"{node}&period=custom&from=1-3-2025&until=2025-03-31", "from"),
            ($"{node}&period=custom&from=2025-04-01&until=2025-03-01", "from"),
            ("node=999999", "node"),
            ("", "node"),
            ($"node={DemoAccounts.UnitCode}", "node"),
        })
        {
            var response = await street.GetAsync($"/api/v1/dashboards?{query}");
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode}");
            Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), $"{query}: {body}");
        }
    }

    [Theory, BothDatabases]
    public async Task The_demo_case_history_gives_the_street_a_month_and_a_year_to_compare_with(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        await app.WithDbAsync(async db =>
        {
            await DemoDashboards.SeedAsync(db, TimeProvider.System, CancellationToken.None);
            return 0;
        });

        var report = await GetAsync(await app.SignedInAsync("street"), $"node={TreeGenerator.ShiqiaopuCode}&period=last-month");
        var reported = report.GetProperty("cases").GetProperty("reported");
        Assert.True(reported.GetProperty("value").GetInt32() > 12, reported.ToString());
        Assert.NotNull(Number(reported, "monthOnMonth"));
        Assert.NotNull(Number(reported, "yearOnYear"));
        var children = report.GetProperty("rankings").GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(TreeGenerator.StreetCommunities, children.Count);
        Assert.All(children, c => Assert.Equal(JsonValueKind.Number, c.GetProperty("rank").ValueKind));
    }
}
