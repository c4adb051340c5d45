using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration.Open311;

public sealed class Open311KeysTests
{
    [Theory, BothDatabases]
    public async Task A_city_administrator_issues_a_key_shown_once_and_revoking_it_stops_its_posts(DatabaseKind kind)
    {
        await using var app = await Open311Calls.StartWithKeyAsync(kind, waiveTwoFactor: true);
        var admin = await app.SignedInAsync("admin");

        var issued = await admin.PostAsJsonAsync("/api/v1/open311/keys", new { name = "街道随手拍 Street app" });
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>();
        var key = body.GetProperty("key").GetString()!;
        var listed = await admin.GetStringAsync("/api/v1/open311/keys");
        var posted = await app.Anonymous().PostedAsync((await app.FormAsync()).With("api_key", key));
        var revoked = await admin.DeleteAsync($"/api/v1/open311/keys/{body.GetProperty("id").GetInt32()}");
        var (afterStatus, afterText) = await Open311Calls.ReadAsync(await app.Anonymous().PostRequestAsync((await app.FormAsync()).With("api_key", key)), "application/json");
        var afterList = await admin.GetFromJsonAsync<JsonElement>("/api/v1/open311/keys");
        var id = long.Parse(posted.GetProperty("service_request_id").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var (keyName, storedHash) = await app.WithDbAsync(async db => (
            await db.Cases.Where(c => c.Id == id).Select(c => c.Open311ApiKeyName).SingleAsync(),
            await db.Open311ApiKeys.Select(k => k.KeyHash).SingleAsync()));

        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        Assert.True(key.Length >= 40, key);
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);
        Assert.Contains("街道随手拍 Street app", listed, StringComparison.Ordinal);
        Assert.Equal(64, storedHash.Length);
        Assert.NotEqual(key, storedHash);
        Assert.Equal("街道随手拍 Street app", keyName);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, afterStatus);
        Assert.Contains("not valid", Open311Calls.ErrorsIn(afterText, afterStatus)[0], StringComparison.Ordinal);
        Assert.NotEqual(JsonValueKind.Null, afterList[0].GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task Names_are_required_unique_and_plain_and_only_city_administrators_manage_keys()
    {
        await using var app = await Open311Calls.StartWithKeyAsync(DatabaseKind.Sqlite, waiveTwoFactor: true);
        var admin = await app.SignedInAsync("admin");
        var street = await app.SignedInAsync("street");

        var first = await admin.PostAsJsonAsync("/api/v1/open311/keys", new { name = "app" });
        var again = await admin.PostAsJsonAsync("/api/v1/open311/keys", new { name = "app" });
        var blank = await admin.PostAsJsonAsync("/api/v1/open311/keys", new { name = " " });
        var html = await admin.PostAsJsonAsync("/api/v1/open311/keys", new { name = "<b>app</b>" });
        var reserved = await admin.PostAsJsonAsync("/api/v1/open311/keys", new { name = "config-1" });
        var missing = await admin.DeleteAsync("/api/v1/open311/keys/999");
        var byStreet = await street.PostAsJsonAsync("/api/v1/open311/keys", new { name = "street app" });
        var listByStreet = await street.GetAsync("/api/v1/open311/keys");
        var anonymous = await app.Anonymous().GetAsync("/api/v1/open311/keys");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, html.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, reserved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byStreet.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, listByStreet.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Open311ApiKeys.CountAsync()));
    }
}
