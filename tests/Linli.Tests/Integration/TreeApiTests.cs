using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;

namespace Linli.Tests.Integration;

public sealed class TreeApiTests
{
    // Inside grid 1 of community 1 of the demo street, a few metres from building 1.
    private static async Task<(double Lat, double Lon)> CentreOfBuildingAsync(LinliApp app, string code) =>
        await app.WithDbAsync(async db =>
        {
            var node = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Nodes, n => n.Code == code);
            var centre = node.Geometry!.Centroid;
            return (centre.Y, centre.X);
        });

    [Theory, BothDatabases]
    public async Task Locate_answers_the_grid_its_ancestors_and_the_nearest_building(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var (lat, lon) = await CentreOfBuildingAsync(app, DemoAccounts.BuildingCode);

        var located = await app.Anonymous().GetFromJsonAsync<JsonElement>(
            $"/api/v1/tree/locate?lat={lat.ToString(System.Globalization.CultureInfo.InvariantCulture)}&long={lon.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

        Assert.Equal(DemoAccounts.GridCode, located.GetProperty("grid").GetProperty("code").GetString());
        Assert.Equal(["city", "district", "street", "community"], located.GetProperty("ancestors").EnumerateArray().Select(a => a.GetProperty("kind").GetString()));
        Assert.Equal(DemoAccounts.CommunityCode, located.GetProperty("ancestors")[3].GetProperty("code").GetString());
        Assert.Equal(DemoAccounts.BuildingCode, located.GetProperty("nearestBuilding").GetProperty("code").GetString());
        Assert.Equal(0, located.GetProperty("nearestBuilding").GetProperty("distanceMeters").GetDouble());
    }

    [Theory, BothDatabases]
    public async Task Locate_outside_the_jurisdiction_is_a_404_problem(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);

        var response = await app.Anonymous().GetAsync("/api/v1/tree/locate?lat=39.9&long=116.4");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("outside the jurisdiction", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("lat=abc&long=106.5", "lat")]
    [InlineData("lat=91&long=106.5", "lat")]
    [InlineData("lat=29.5&long=181", "long")]
    [InlineData("lat=29.5", "long")]
    [InlineData("lat=NaN&long=106.5", "lat")]
    public async Task Locate_with_a_malformed_or_out_of_range_coordinate_is_a_400_naming_it(string query, string field)
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite);

        var response = await app.Anonymous().GetAsync($"/api/v1/tree/locate?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory, BothDatabases]
    public async Task Browsing_shows_a_node_with_its_ancestors_and_children(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var client = app.Anonymous();

        var node = await client.GetFromJsonAsync<JsonElement>($"/api/v1/tree/nodes/{DemoAccounts.CommunityCode}");
        var roots = await client.GetFromJsonAsync<JsonElement>("/api/v1/tree");

        Assert.Equal("community", node.GetProperty("kind").GetString());
        Assert.Equal(TreeGenerator.ShiqiaopuCode, node.GetProperty("parentCode").GetString());
        Assert.Equal(3, node.GetProperty("ancestors").GetArrayLength());
        Assert.All(node.GetProperty("children").EnumerateArray(), c => Assert.Equal("grid", c.GetProperty("kind").GetString()));
        Assert.Contains(node.GetProperty("children").EnumerateArray(), c => c.GetProperty("code").GetString() == DemoAccounts.GridCode);
        Assert.Equal(TreeGenerator.ChongqingCode, roots[0].GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/tree/nodes/999999")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task The_map_of_a_node_is_geojson_of_the_node_and_its_children(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);

        var map = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/tree/nodes/{DemoAccounts.GridCode}/map");

        var features = map.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(DemoAccounts.GridCode, features[0].GetProperty("properties").GetProperty("code").GetString());
        Assert.Equal("Polygon", features[0].GetProperty("geometry").GetProperty("type").GetString());
        Assert.True(features.Count > 1);
        Assert.All(features.Skip(1), f => Assert.Equal("building", f.GetProperty("properties").GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Health_and_the_openapi_document_are_served()
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite);
        var client = app.Anonymous();

        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/v1/tree/locate", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api-docs/index.html")).StatusCode);
    }
}

public sealed class ErrorResponseTests
{
    [Fact]
    public async Task Unknown_api_paths_answer_problem_json_and_unknown_pages_an_html_page()
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite);
        var client = app.Anonymous();

        var api = await client.GetAsync("/api/v1/nothing-here");
        var page = await client.GetAsync("/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("找不到这个页面", await page.Content.ReadAsStringAsync());
    }
}
