using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Integration;

public sealed class CategoryTests
{
    private static readonly Dictionary<string, string?> Waiver = new() { ["Security:DemoWaivesRequiredTwoFactor"] = "true" };

    [Theory, BothDatabases]
    public async Task The_default_catalogue_follows_beijings_time_limits(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);

        var categories = (await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/categories")).EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!);

        string[] required = ["sewer-blockage", "water-leak", "parking", "streetlight", "noise", "waste", "building-hazard", "fire-hazard",
            "neighbour-dispute", "fraud-attempt", "public-safety", "elderly-care", "other"];
        Assert.All(required, code => Assert.True(categories.ContainsKey(code), code));
        Assert.Equal((60, 120), Limits(categories["fire-hazard"]));
        Assert.Equal((120, 24 * 60), Limits(categories["water-leak"]));
        Assert.Equal((24 * 60, 7 * 24 * 60), Limits(categories["parking"]));
        Assert.Equal((24 * 60, 15 * 24 * 60), Limits(categories["neighbour-dispute"]));
        Assert.Equal("water-utility", categories["water-leak"].GetProperty("handlerDepartmentCode").GetString());
        Assert.Equal("CommunityPolice", categories["fraud-attempt"].GetProperty("handlerGridRole").GetString());
        Assert.True(categories["fraud-attempt"].GetProperty("sensitive").GetBoolean());
        var question = categories["water-leak"].GetProperty("attributes")[0];
        Assert.Equal("singlevaluelist", question.GetProperty("datatype").GetString());
        Assert.Equal(3, question.GetProperty("values").GetArrayLength());
    }

    private static (int, int) Limits(JsonElement category) =>
        (category.GetProperty("respondWithinMinutes").GetInt32(), category.GetProperty("resolveWithinMinutes").GetInt32());

    [Theory, BothDatabases]
    public async Task A_city_administrator_creates_and_edits_a_category_with_typed_questions(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, Waiver);
        var admin = await app.SignedInAsync("admin");

        var created = await admin.PutAsJsonAsync("/api/v1/categories/heating-outage", new
        {
            name = "停暖",
            nameEn = "Heating outage",
            group = "utilities",
            priority = "Utility",
            handlerGridRole = "GridChief",
            resolutionNeedsPhoto = true,
            attributes = new object[]
            {
                new { code = "rooms", datatype = "number", required = true, order = 2, description = "受影响的房间数" },
                new { code = "since", datatype = "datetime", required = false, order = 1, description = "从何时开始" },
                new { code = "kind", datatype = "multivaluelist", required = false, order = 3, description = "哪些设备", values = new[] { new { key = "radiator", name = "暖气片" }, new { key = "floor", name = "地暖" } } },
            },
        });
        var edited = await admin.PutAsJsonAsync("/api/v1/categories/heating-outage", new
        {
            name = "停暖",
            group = "utilities",
            priority = "Emergency",
            respondWithinMinutes = 30,
            handlerDepartmentCode = "power-supply",
            attributes = Array.Empty<object>(),
        });
        var saved = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/categories/heating-outage");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(["since", "rooms", "kind"], (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attributes").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("Emergency", saved.GetProperty("priority").GetString());
        Assert.Equal(30, saved.GetProperty("respondWithinMinutes").GetInt32());
        Assert.Equal(120, saved.GetProperty("resolveWithinMinutes").GetInt32());
        Assert.Equal("power-supply", saved.GetProperty("handlerDepartmentCode").GetString());
        Assert.Equal(JsonValueKind.Null, saved.GetProperty("handlerGridRole").ValueKind);
        Assert.Empty(saved.GetProperty("attributes").EnumerateArray());
    }

    [Theory]
    [InlineData("Bad Code", """{"name":"x","group":"g","priority":"General","handlerGridRole":"GridChief","attributes":[]}""", "code")]
    [InlineData("ok-code", """{"name":"","group":"g","priority":"General","handlerGridRole":"GridChief","attributes":[]}""", "name")]
    [InlineData("ok-code", """{"name":"x","group":"g","priority":"Whenever","handlerGridRole":"GridChief","attributes":[]}""", "priority")]
    [InlineData("ok-code", """{"name":"x","group":"g","priority":"General","attributes":[]}""", "handlerDepartmentCode")]
    [InlineData("ok-code", """{"name":"x","group":"g","priority":"General","handlerGridRole":"Administrator","attributes":[]}""", "handlerGridRole")]
    [InlineData("ok-code", """{"name":"x","group":"g","priority":"General","handlerDepartmentCode":"nowhere","attributes":[]}""", "handlerDepartmentCode")]
    [InlineData("ok-code", """{"name":"x","group":"g","priority":"General","handlerGridRole":"GridChief","respondWithinMinutes":600,"resolveWithinMinutes":60,"attributes":[]}""", "resolveWithinMinutes")]
    [InlineData("ok-code", """{"name":"x","group":"g","priority":"General","handlerGridRole":"GridChief","attributes":[{"code":"a","datatype":"colour","description":"d"}]}""", "attributes[0].datatype")]
    [InlineData("ok-code", """{"name":"x","group":"g","priority":"General","handlerGridRole":"GridChief","attributes":[{"code":"a","datatype":"singlevaluelist","description":"d","values":[]}]}""", "attributes[0].values")]
    [InlineData("ok-code", """{"name":"x","group":"g","priority":"General","handlerGridRole":"GridChief","attributes":[{"code":"a","datatype":"text","description":"d"},{"code":"a","datatype":"text","description":"d"}]}""", "attributes[0].code")]
    public async Task A_bad_category_is_refused_naming_the_field_and_nothing_is_saved(string code, string body, string field)
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite, Waiver);
        var admin = await app.SignedInAsync("admin");
        var before = await app.Anonymous().GetStringAsync("/api/v1/categories");

        var response = await admin.PutAsync($"/api/v1/categories/{Uri.EscapeDataString(code)}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.Anonymous().GetStringAsync("/api/v1/categories"));
    }

    [Fact]
    public async Task Only_an_administrator_of_a_whole_city_edits_the_catalogue()
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite, Waiver);
        var street = await app.SignedInAsync("street");

        var response = await street.PutAsJsonAsync("/api/v1/categories/parking", new { name = "x", group = "g", priority = "General", handlerGridRole = "GridChief", attributes = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
