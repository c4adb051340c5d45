using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;

namespace Linli.Tests.Integration.Rates;

public sealed class RatesApiTests
{
    private const string Street = TreeGenerator.ShiqiaopuCode;

    [Theory, BothDatabases]
    public async Task Each_rate_counts_exactly_the_cases_due_in_the_period(DatabaseKind kind)
    {
        await using var app = await RatesScenario.StartAsync(kind);
        var rates = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/rates?node={Street}&{RatesScenario.March}");

        // Response: A, C and F accepted in time; B accepted late and E never, after their limits passed in March.
        AssertFigure(rates, "response", 3, 5);

        // Resolution: A in time and B late are resolved; C and E passed their limits unresolved; F is not due yet; D was cancelled.
        AssertFigure(rates, "resolution", 2, 4);
        AssertFigure(rates, "onTime", 1, 2);
        AssertFigure(rates, "satisfaction", 1, 2);
        AssertFigure(rates, "reporterSaidSolved", 1, 2);
        Assert.Equal(0.6, rates.GetProperty("response").GetProperty("rate").GetDouble(), 6);

        // Report to acceptance: A 60, C 120, B 180, F 60 minutes; report to closing: A 6 h, B 32 h.
        Assert.Equal(90, rates.GetProperty("medianTimeToRespond").GetProperty("minutes").GetDouble());
        Assert.Equal(4, rates.GetProperty("medianTimeToRespond").GetProperty("cases").GetInt32());
        Assert.Equal((360 + 1920) / 2.0, rates.GetProperty("medianTimeToClose").GetProperty("minutes").GetDouble());

        Assert.Equal(6, rates.GetProperty("reported").GetInt32());
        Assert.Equal(3, rates.GetProperty("open").GetInt32());
        var states = Counts(rates, "byState", "state");
        Assert.Equal(2, states["Closed"]);
        Assert.Equal(2, states["Accepted"]);
        Assert.Equal(1, states["Cancelled"]);
        Assert.Equal(6, states.Values.Sum());
        var categories = Counts(rates, "byCategory", "code");
        Assert.Equal(new Dictionary<string, int> { ["water-leak"] = 2, ["parking"] = 2, ["fraud-attempt"] = 1, ["noise"] = 1 }, categories);
        Assert.True(rates.GetProperty("sensitiveCategoriesBrokenDown").GetBoolean());
        Assert.Contains("within their response limit", rates.GetProperty("definitions").GetProperty("response").GetString());
        Assert.Equal(RatesScenario.T0.AddDays(10), rates.GetProperty("period").GetProperty("until").GetDateTimeOffset());
    }

    [Theory, BothDatabases]
    public async Task Periods_and_departments_narrow_the_cases_counted(DatabaseKind kind)
    {
        await using var app = await RatesScenario.StartAsync(kind);
        var client = app.Anonymous();

        var water = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rates?department=water-utility&{RatesScenario.March}");
        var waterInStreet = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rates?node={Street}&department=water-utility&{RatesScenario.March}");
        var february = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rates?node={Street}&from=2025-02-01&to=2025-03-01");
        var lateMarch = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rates?node={Street}&from=2025-03-12&to=2025-04-01");
        var firstHours = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rates?node={Street}&from=2025-03-03T00:00:00Z&to=2025-03-03T02:30:00Z");

        Assert.Equal("water-utility", water.GetProperty("department").GetProperty("code").GetString());
        AssertFigure(water, "response", 1, 2);
        AssertFigure(water, "resolution", 2, 2);
        AssertFigure(water, "onTime", 1, 2);
        AssertFigure(water, "satisfaction", 1, 2);
        Assert.Equal(2, water.GetProperty("reported").GetInt32());
        AssertFigure(waterInStreet, "response", 1, 2);

        Assert.Equal(0, february.GetProperty("reported").GetInt32());
        AssertFigure(february, "response", 0, 0);
        Assert.Equal(JsonValueKind.Null, february.GetProperty("response").GetProperty("rate").ValueKind);

        // From 12 March only F was reported and answered; C's and E's limits had passed before.
        Assert.Equal(1, lateMarch.GetProperty("reported").GetInt32());
        AssertFigure(lateMarch, "response", 1, 1);
        AssertFigure(lateMarch, "resolution", 0, 0);
        AssertFigure(lateMarch, "satisfaction", 0, 0);

        // Until 10:30 China time on 3 March: A in time, E's 1-hour limit passed; B's 2-hour limit passed at 11:00.
        AssertFigure(firstHours, "response", 1, 2);
        AssertFigure(firstHours, "resolution", 0, 0);
    }

    [Theory, BothDatabases]
    public async Task Sensitive_categories_are_not_broken_down_below_a_community_and_children_are_ranked(DatabaseKind kind)
    {
        await using var app = await RatesScenario.StartAsync(kind);
        var client = app.Anonymous();

        var community = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rates?node={DemoAccounts.CommunityCode}&{RatesScenario.March}");
        var grid = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rates?node={DemoAccounts.GridCode}&{RatesScenario.March}");
        var ranking = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rates/children?node={Street}&{RatesScenario.March}");
        var bySatisfaction = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rates/children?node={Street}&sort=satisfaction&{RatesScenario.March}");

        Assert.True(community.GetProperty("sensitiveCategoriesBrokenDown").GetBoolean());
        Assert.Equal(1, Counts(community, "byCategory", "code")["fraud-attempt"]);

        Assert.False(grid.GetProperty("sensitiveCategoriesBrokenDown").GetBoolean());
        var gridCategories = Counts(grid, "byCategory", "code");
        Assert.DoesNotContain("fraud-attempt", gridCategories.Keys);
        Assert.Equal(1, gridCategories["sensitive"]);
        Assert.True(grid.GetProperty("byCategory").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "sensitive").GetProperty("withheld").GetBoolean());
        Assert.DoesNotContain("诈骗", grid.GetRawText());
        AssertFigure(grid, "response", 3, 5);

        var children = ranking.GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(TreeGenerator.StreetCommunities, children.Count);
        Assert.Equal(DemoAccounts.CommunityCode, children[0].GetProperty("node").GetProperty("code").GetString());
        Assert.Equal(1, children[0].GetProperty("rank").GetInt32());
        AssertFigure(children[0], "response", 3, 5);
        Assert.Equal(3, children[0].GetProperty("open").GetInt32());
        Assert.Equal((0.6 + 0.5 + 0.5) / 3, children[0].GetProperty("score").GetDouble(), 6);
        Assert.All(children.Skip(1), c =>
        {
            Assert.Equal(JsonValueKind.Null, c.GetProperty("rank").ValueKind);
            Assert.Equal(0, c.GetProperty("reported").GetInt32());
        });
        Assert.Equal("Satisfaction", bySatisfaction.GetProperty("sort").GetString());
    }

    [Theory, BothDatabases]
    public async Task Bad_input_is_refused_with_a_problem_naming_the_field(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var client = app.Anonymous();

        (string Url, string Field)[] cases =
        [
            ("/api/v1/rates", "node"),
            ($"/api/v1/rates?node=999999", "node"),
            ($"/api/v1/rates?node={DemoAccounts.BuildingCode}", "node"),
            ("/api/v1/rates?department=no-such-department", "department"),
            ($"/api/v1/rates?node={Street}&from=2025-04-01&to=2025-03-01", "from"),
            ($"/api/v1/rates?node={Street}&from=2025-03-01&to=2025-03-01", "from"),
            ($"/api/v1/rates?node={Street}&from=yesterday", "from"),
            ($"/api/v1/rates?node={Street}&from=2025-02-30", "from"),
            ($"/api/v1/rates?node={Street}&from=2025-03-01T08:00:00", "from"),
            ($"/api/v1/rates?node={Street}&from=2025-03-01&to=2025-13-01", "to"),
            ($"/api/v1/rates?node={Street}&to=2025-03-01", "from"),
            ($"/api/v1/rates?node={Street}&from=2020-01-01&to=2024-01-01", "to"),
            ("/api/v1/rates/children", "node"),
            ($"/api/v1/rates/children?node={Street}&sort=loudest", "sort"),
            ($"/api/v1/rates/children?node=nope", "node"),
        ];

        foreach (var (url, field) in cases)
        {
            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{url} should name {field}: {body}");
        }

        var good = await client.GetAsync($"/api/v1/rates?node={Street}&from=2025-03-01T08:00:00%2B08:00&to=2025-03-02");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    private static void AssertFigure(JsonElement report, string name, int numerator, int denominator)
    {
        var figure = report.GetProperty(name);
        Assert.True(
            figure.GetProperty("numerator").GetInt32() == numerator && figure.GetProperty("denominator").GetInt32() == denominator,
            $"{name}: expected {numerator}/{denominator}, got {figure.GetRawText()}");
    }

    private static Dictionary<string, int> Counts(JsonElement report, string list, string key) =>
        report.GetProperty(list).EnumerateArray().Where(e => e.GetProperty("count").GetInt32() > 0)
            .ToDictionary(e => e.GetProperty(key).GetString()!, e => e.GetProperty("count").GetInt32());
}
