using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration;

public sealed class TreeImportTests
{
    private const string Community = DemoAccounts.CommunityCode;

    private static string Feature(string code, string? parent, string kind, string name, string? geometry = null) =>
        $$$"""{"type":"Feature","geometry":{{{geometry ?? "null"}}},"properties":{"code":"{{{code}}}","parentCode":{{{(parent is null ? "null" : $"\"{parent}\"")}}},"kind":"{{{kind}}}","name":"{{{name}}}"}}""";

    private static StringContent Collection(params string[] features) =>
        new($$"""{"type":"FeatureCollection","features":[{{string.Join(',', features)}}]}""", Encoding.UTF8, "application/geo+json");

    private static async Task<int> CountAsync(LinliApp app) => await app.WithDbAsync(db => db.Nodes.CountAsync());

    [Theory, BothDatabases]
    public async Task Export_then_import_into_an_empty_database_gives_the_same_tree(DatabaseKind kind)
    {
        await using var source = await LinliApp.StartAsync(kind);
        var geojson = await source.Anonymous().GetStringAsync("/api/v1/tree/export?format=geojson");
        var csv = await source.Anonymous().GetStringAsync("/api/v1/tree/export?format=csv");

        foreach (var (format, body) in new[] { ("geojson", geojson), ("csv", csv) })
        {
            await using var target = await LinliApp.StartAsync(kind, withDemo: false);
            // Roots can only be created from the command line, so the round trip uses the command's importer.
            await target.ImportAsCommandLineAsync(body, format);

            Assert.Equal(geojson, await target.Anonymous().GetStringAsync("/api/v1/tree/export?format=geojson"));
            Assert.Equal(csv, await target.Anonymous().GetStringAsync("/api/v1/tree/export?format=csv"));
        }
    }

    [Theory, BothDatabases]
    public async Task An_administrator_imports_new_nodes_under_their_subtree(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, new Dictionary<string, string?> { ["Security:DemoWaivesRequiredTwoFactor"] = "true" });
        var admin = await app.SignedInAsync("admin");
        var grid = Community + "901";

        var response = await admin.PostAsync("/api/v1/tree/import?format=geojson", Collection(
            Feature(grid, Community, "grid", "第901网格"),
            Feature(grid + "001", grid, "building", "1号楼", """{"type":"Point","coordinates":[106.5,29.53]}"""),
            Feature(grid + "00101", grid + "001", "unit", "1单元")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, body.GetProperty("imported").GetInt32());
        var unit = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/tree/nodes/{grid}00101");
        Assert.Equal(grid + "001", unit.GetProperty("parentCode").GetString());
    }

    [Theory, BothDatabases]
    public async Task A_bad_import_reports_every_problem_with_its_index_and_imports_nothing(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, new Dictionary<string, string?> { ["Security:DemoWaivesRequiredTwoFactor"] = "true" });
        var admin = await app.SignedInAsync("admin");
        var before = await CountAsync(app);
        var far = """{"type":"Polygon","coordinates":[[[120,30],[120.01,30],[120.01,30.01],[120,30.01],[120,30]]]}""";
        var unclosed = """{"type":"Polygon","coordinates":[[[106.5,29.5],[106.51,29.5],[106.51,29.51],[106.5,29.51]]]}""";
        var bowtie = """{"type":"Polygon","coordinates":[[[106.5,29.5],[106.51,29.51],[106.51,29.5],[106.5,29.51],[106.5,29.5]]]}""";

        var response = await admin.PostAsync("/api/v1/tree/import", Collection(
            Feature(Community + "902", Community, "grid", "好网格"),
            Feature(Community + "903", "500107001999", "grid", "无父网格"),
            Feature(Community + "902", Community, "grid", "重复"),
            Feature(DemoAccounts.GridCode, Community, "grid", "已存在"),
            Feature(Community + "904", Community, "building", "错级"),
            Feature(Community + "905", Community, "grid", "未闭合", unclosed),
            Feature(Community + "906", Community, "grid", "自交", bowtie),
            Feature(Community + "907", Community, "grid", "社区外", far)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray()
            .Select(p => (Index: p.GetProperty("position").GetInt32(), Message: p.GetProperty("message").GetString()!)).ToList();
        Assert.Contains(problems, p => p.Index == 1 && p.Message.Contains("unknown parent"));
        Assert.Contains(problems, p => p.Index == 2 && p.Message.Contains("duplicate code"));
        Assert.Contains(problems, p => p.Index == 3 && p.Message.Contains("already exists"));
        Assert.Contains(problems, p => p.Index == 4 && p.Message.Contains("wrong kind"));
        Assert.Contains(problems, p => p.Index == 5 && p.Message.Contains("not closed"));
        Assert.Contains(problems, p => p.Index == 6 && p.Message.Contains("invalid Polygon"));
        Assert.Contains(problems, p => p.Index == 7 && p.Message.Contains("outside its community"));
        Assert.DoesNotContain(problems, p => p.Index == 0);
        Assert.Equal(before, await CountAsync(app));
    }

    [Theory, BothDatabases]
    public async Task Csv_problems_name_their_line(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, new Dictionary<string, string?> { ["Security:DemoWaivesRequiredTwoFactor"] = "true" });
        var admin = await app.SignedInAsync("admin");
        var csv = $"code,parentCode,kind,name,nameEn,rural,geometry\n{Community}910,{Community},grid,第910网格,,,\n{Community}911,{Community},village,村,,,\n{Community}912,{Community},grid,坏几何,,,POLYGON((1 2\n";
        var before = await CountAsync(app);

        var response = await admin.PostAsync("/api/v1/tree/import?format=csv", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("line", body.GetProperty("positionName").GetString());
        var lines = body.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("position").GetInt32(), p.GetProperty("field").GetString())).ToList();
        Assert.Equal([(3, "kind"), (4, "geometry")], lines);
        Assert.Equal(before, await CountAsync(app));
    }

    [Theory]
    [InlineData("{not json", "file")]
    [InlineData("""{"type":"Feature"}""", "type")]
    [InlineData("""{"type":"FeatureCollection"}""", "features")]
    public async Task Malformed_geojson_is_a_400_naming_the_field(string body, string field)
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["Security:DemoWaivesRequiredTwoFactor"] = "true" });
        var admin = await app.SignedInAsync("admin");

        var response = await admin.PostAsync("/api/v1/tree/import", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task An_oversized_upload_is_refused_before_anything_is_read()
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["Security:DemoWaivesRequiredTwoFactor"] = "true",
            ["Tree:MaxImportBytes"] = "1000",
        });
        var admin = await app.SignedInAsync("admin");

        var response = await admin.PostAsync("/api/v1/tree/import", Collection(Enumerable.Range(0, 20).Select(i => Feature(Community + (950 + i), Community, "grid", "网格")).ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("larger than the limit", await response.Content.ReadAsStringAsync());
    }

    [Theory, BothDatabases]
    public async Task Export_is_public_and_can_be_limited_to_a_subtree(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);

        var csv = await app.Anonymous().GetStringAsync($"/api/v1/tree/export?format=csv&root={DemoAccounts.GridCode}");
        var badFormat = await app.Anonymous().GetAsync("/api/v1/tree/export?format=xml");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("code,parentCode,kind,name,nameEn,rural,geometry", lines[0]);
        Assert.StartsWith(DemoAccounts.GridCode + ",", lines[1]);
        Assert.All(lines.Skip(1), l => Assert.StartsWith(DemoAccounts.GridCode, l));
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
    }
}
