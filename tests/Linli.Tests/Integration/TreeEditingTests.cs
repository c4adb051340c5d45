using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;

namespace Linli.Tests.Integration;

public sealed class TreeEditingTests
{
    private static readonly Dictionary<string, string?> Waiver = new() { ["Security:DemoWaivesRequiredTwoFactor"] = "true" };

    [Theory, BothDatabases]
    public async Task Street_staff_add_rename_reshape_and_remove_a_grid(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, Waiver);
        var street = await app.SignedInAsync("street");
        var code = DemoAccounts.CommunityCode + "777";
        var community = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/tree/nodes/{DemoAccounts.GridCode}/map");
        var gridShape = community.GetProperty("features")[0].GetProperty("geometry");

        var created = await street.PostAsJsonAsync("/api/v1/tree/nodes", new { code, parentCode = DemoAccounts.CommunityCode, kind = "grid", name = "第777网格" });
        var renamed = await street.PutAsJsonAsync($"/api/v1/tree/nodes/{code}", new { name = "新网格", nameEn = "New grid", geometry = gridShape });
        var node = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/tree/nodes/{code}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("新网格", node.GetProperty("name").GetString());
        Assert.Equal("New grid", node.GetProperty("nameEn").GetString());
        Assert.True(node.GetProperty("hasGeometry").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await street.DeleteAsync($"/api/v1/tree/nodes/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/api/v1/tree/nodes/{code}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_grid_cannot_be_moved_outside_its_community_or_given_a_broken_shape(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, Waiver);
        var street = await app.SignedInAsync("street");
        var before = await app.Anonymous().GetStringAsync($"/api/v1/tree/nodes/{DemoAccounts.GridCode}/map");

        var outside = await street.PutAsJsonAsync($"/api/v1/tree/nodes/{DemoAccounts.GridCode}", new
        {
            geometry = JsonDocument.Parse("""{"type":"Polygon","coordinates":[[[120,30],[120.01,30],[120.01,30.01],[120,30.01],[120,30]]]}""").RootElement,
        });
        var point = await street.PutAsJsonAsync($"/api/v1/tree/nodes/{DemoAccounts.GridCode}", new
        {
            name = "改名不应生效",
            geometry = JsonDocument.Parse("""{"type":"Point","coordinates":[106.5,29.53]}""").RootElement,
        });

        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("outside its community", await outside.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, point.StatusCode);
        Assert.Contains("Polygon", await point.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.Anonymous().GetStringAsync($"/api/v1/tree/nodes/{DemoAccounts.GridCode}/map"));
    }

    [Theory, BothDatabases]
    public async Task A_node_with_children_or_people_is_not_removed(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, Waiver);
        var admin = await app.SignedInAsync("admin");

        var response = await admin.DeleteAsync($"/api/v1/tree/nodes/{DemoAccounts.GridCode}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync($"/api/v1/tree/nodes/{DemoAccounts.GridCode}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Staff_see_who_holds_roles_at_a_node_and_its_children(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, Waiver);
        var worker = await app.SignedInAsync("worker");

        var people = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/tree/nodes/{DemoAccounts.CommunityCode}/people");

        var rows = people.EnumerateArray().Select(p => (Name: p.GetProperty("name").GetString(), Role: p.GetProperty("role").GetString(), Node: p.GetProperty("nodeCode").GetString())).ToList();
        Assert.Contains(("张丽华", "CommunityWorker", DemoAccounts.CommunityCode), rows);
        Assert.Contains(("刘伟", "CommunityPolice", DemoAccounts.CommunityCode), rows);
        Assert.Contains(("陈海燕", "GridChief", DemoAccounts.GridCode), rows);
        Assert.DoesNotContain(rows, r => r.Role == "BuildingChief");
    }

    [Theory, BothDatabases]
    public async Task Departments_are_listed_publicly_and_saved_by_administrators(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, Waiver);
        var admin = await app.SignedInAsync("admin");

        var saved = await admin.PostAsJsonAsync("/api/v1/departments", new { code = "gas-co", name = "燃气公司", kind = "Gas", areaCodes = new[] { DemoAccounts.CommunityCode }, categoryCodes = new[] { "gas-leak" } });
        var unknownArea = await admin.PostAsJsonAsync("/api/v1/departments", new { code = "x", name = "x", kind = "Gas", areaCodes = new[] { "123" } });
        var badKind = await admin.PostAsJsonAsync("/api/v1/departments", new { code = "x", name = "x", kind = "Spaceport", areaCodes = new[] { DemoAccounts.CommunityCode } });
        var list = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/departments");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownArea.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        var gas = list.EnumerateArray().Single(d => d.GetProperty("code").GetString() == "gas-co");
        Assert.Equal(["gas-leak"], gas.GetProperty("categoryCodes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal([DemoAccounts.CommunityCode], gas.GetProperty("areaCodes").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains(list.EnumerateArray(), d => d.GetProperty("code").GetString() == "water-utility");
    }
}
