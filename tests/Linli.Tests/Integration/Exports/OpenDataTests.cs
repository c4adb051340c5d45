using System.Net;
using System.Text;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Tests.Integration.Rates;
using Linli.Web.Features.Demo;

namespace Linli.Tests.Integration.Exports;

/// <summary>Open data over the March 2025 scenario: six cases in the demo street (2 water leaks, 2 parking, 1 fraud attempt, 1 noise).</summary>
public sealed class OpenDataTests
{
    private const string Street = TreeGenerator.ShiqiaopuCode;

    private static JsonElement Row(JsonElement rows, string month, string key, string value) =>
        rows.EnumerateArray().Single(r => r.GetProperty("month").GetString() == month && r.GetProperty(key).GetString() == value);

    [Theory, BothDatabases]
    public async Task Cases_by_category_withholds_small_counts_and_can_be_cached(DatabaseKind kind)
    {
        await using var app = await RatesScenario.StartAsync(kind);
        var client = app.Anonymous();

        var json = await client.GetAsync($"/api/v1/open-data/cases-by-category.json?node={Street}&from=2025-03&to=2025-03");
        var rows = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.GetProperty("rows");
        var csv = await client.GetAsync($"/api/v1/open-data/cases-by-category.csv?node={Street}&from=2025-03&to=2025-03");
        var csvText = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(6, Row(rows, "2025-03", "category_code", "_all").GetProperty("reported").GetInt32());
        foreach (var category in new[] { "water-leak", "parking", "fraud-attempt", "noise" })
        {
            Assert.Equal(JsonValueKind.Null, Row(rows, "2025-03", "category_code", category).GetProperty("reported").ValueKind);
            Assert.Equal(JsonValueKind.Null, Row(rows, "_all", "category_code", category).GetProperty("reported").ValueKind);
        }

        Assert.True(Row(rows, "2025-03", "category_code", "fraud-attempt").GetProperty("sensitive").GetBoolean());
        Assert.StartsWith("\uFEFFmonth,category_code,category_name,category_name_en,sensitive,reported,reported_suppressed\r\n", csvText);
        Assert.Contains("2025-03,water-leak,", csvText);
        Assert.Contains(",false,,true\r\n", csvText);
        Assert.Contains("2025-03,_all,全部类别,All categories,false,6,false\r\n", csvText);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition?.DispositionType);

        Assert.True(json.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromSeconds(300), json.Headers.CacheControl.MaxAge);
        var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/open-data/cases-by-category.json?node={Street}&from=2025-03&to=2025-03");
        again.Headers.IfNoneMatch.Add(json.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Rates_by_area_publish_a_rate_only_over_enough_cases_and_never_below_a_community(DatabaseKind kind)
    {
        await using var app = await RatesScenario.StartAsync(kind);
        var client = app.Anonymous();

        var body = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/open-data/rates-by-area.json?node={Street}&from=2025-03&to=2025-03")).RootElement;
        var community = Row(body.GetProperty("rows"), "2025-03", "area_code", DemoAccounts.CommunityCode);
        var grid = await client.GetAsync($"/api/v1/open-data/rates-by-area.csv?node={DemoAccounts.GridCode}");
        var badMonth = await client.GetAsync($"/api/v1/open-data/cases-by-category.json?node={Street}&from=March");

        Assert.Equal("community", community.GetProperty("area_kind").GetString());
        Assert.Equal(6, community.GetProperty("reported").GetInt32());
        Assert.Equal(5, community.GetProperty("response_due").GetInt32());
        Assert.Equal(0.6, community.GetProperty("response_rate").GetDouble(), 3);
        Assert.Equal(JsonValueKind.Null, community.GetProperty("resolution_due").ValueKind);
        Assert.Equal(JsonValueKind.Null, community.GetProperty("resolution_rate").ValueKind);
        Assert.Equal(JsonValueKind.Null, community.GetProperty("satisfaction_rate").ValueKind);

        Assert.Equal(HttpStatusCode.BadRequest, grid.StatusCode);
        Assert.Contains("community", await grid.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badMonth.StatusCode);
        Assert.Contains("\"from\"", await badMonth.Content.ReadAsStringAsync());
    }

    [Theory, BothDatabases]
    public async Task The_data_dictionary_explains_suppression_and_points_to_open311(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, withDemo: false);
        var client = app.Anonymous();

        var dictionary = await client.GetStringAsync("/api/v1/open-data/dictionary");
        var catalogue = JsonDocument.Parse(await client.GetStringAsync("/api/v1/open-data/")).RootElement;

        Assert.Contains("from 1 to 4 is withheld", dictionary);
        Assert.Contains("/open311/v2/requests.json", dictionary);
        Assert.Contains("complementary suppression", dictionary);
        Assert.Equal(5, catalogue.GetProperty("suppressBelow").GetInt32());
        Assert.Equal(2, catalogue.GetProperty("datasets").GetArrayLength());
    }
}
