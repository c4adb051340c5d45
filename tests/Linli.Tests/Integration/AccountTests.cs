using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Linli.Web.Features.People;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Integration;

public sealed partial class AccountTests
{
    private static string LatestCode(LinliApp app, string destination) =>
        CodePattern().Match(app.Services.GetRequiredService<DevOutbox>().Messages.First(m => m.Destination == destination).Message).Value;

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex CodePattern();

    [Theory, BothDatabases]
    public async Task A_resident_signs_up_with_a_phone_confirmed_by_a_code(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var client = app.Anonymous();

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/account/codes", new { destination = "139 1234 5678" })).StatusCode);
        var code = LatestCode(app, "+8613912345678");
        var wrong = await client.PostAsJsonAsync("/api/v1/account/signup", new { destination = "13912345678", code = code == "000000" ? "111111" : "000000", displayName = "孙丽", password = "a-good-passphrase" });
        var signedUp = await client.PostAsJsonAsync("/api/v1/account/signup", new { destination = "13912345678", code, displayName = "孙丽", password = "a-good-passphrase" });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Created, signedUp.StatusCode);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/account/me");
        Assert.Equal("孙丽", me.GetProperty("displayName").GetString());
        Assert.Equal("+8613912345678", me.GetProperty("phone").GetString());
        Assert.Equal("Resident", me.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, me.GetProperty("email").ValueKind);
        Assert.Empty(me.GetProperty("roles").EnumerateArray());

        // The code is used up, and with a fresh code a second account for the same number is refused.
        var reused = await app.Anonymous().PostAsJsonAsync("/api/v1/account/signup", new { destination = "13912345678", code, displayName = "x", password = "another-passphrase" });
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        await client.PostAsJsonAsync("/api/v1/account/codes", new { destination = "13912345678" });
        var again = await app.Anonymous().PostAsJsonAsync("/api/v1/account/signup", new { destination = "13912345678", code = LatestCode(app, "+8613912345678"), displayName = "x", password = "another-passphrase" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_code_allows_only_a_few_wrong_guesses()
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite);
        var client = app.Anonymous();
        await client.PostAsJsonAsync("/api/v1/account/codes", new { destination = "li@example.org" });
        var code = LatestCode(app, "li@example.org");

        for (var i = 0; i < OneTimeCodes.MaxAttempts; i++)
        {
            await client.PostAsJsonAsync("/api/v1/account/signup", new { destination = "li@example.org", code = "999999" == code ? "888888" : "999999", displayName = "李", password = "a-good-passphrase" });
        }

        var right = await client.PostAsJsonAsync("/api/v1/account/signup", new { destination = "li@example.org", code, displayName = "李", password = "a-good-passphrase" });
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("too many wrong codes", await right.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{\"destination\":\"12\"}", "destination")]
    [InlineData("{\"destination\":\"not-an-address\"}", "destination")]
    public async Task A_code_request_for_something_that_is_no_phone_or_email_is_a_400(string body, string field)
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite);

        var response = await app.Anonymous().PostAsync("/api/v1/account/codes", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_500()
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite);

        var response = await app.Anonymous().PostAsync("/api/v1/account/signin", new StringContent("{\"login\":", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory, BothDatabases]
    public async Task Repeated_wrong_passwords_lock_the_account_without_revealing_that_it_exists(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var client = app.Anonymous();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/account/signin", new { login = "gridchief", password = "wrong" })).StatusCode);
        }

        var locked = await client.PostAsJsonAsync("/api/v1/account/signin", new { login = "gridchief", password = LinliApp.DemoPassword });
        var unknown = await client.PostAsJsonAsync("/api/v1/account/signin", new { login = "nobody-here", password = "whatever-it-is" });

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(),
            (await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Sign_up_says_an_address_is_taken_only_to_whoever_proves_they_hold_it()
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite);
        var client = app.Anonymous();
        var taken = DemoAccounts.EmailOf("gridchief");

        var guessed = await client.PostAsJsonAsync("/api/v1/account/signup", new { destination = taken, code = "123456", displayName = "x", password = "a-good-passphrase" });
        await client.PostAsJsonAsync("/api/v1/account/codes", new { destination = taken });
        var proved = await client.PostAsJsonAsync("/api/v1/account/signup", new { destination = taken, code = LatestCode(app, taken), displayName = "x", password = "a-good-passphrase" });

        Assert.Equal(HttpStatusCode.BadRequest, guessed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, proved.StatusCode);
    }

    [Fact]
    public async Task A_new_authenticator_key_is_refused_while_two_factor_is_on()
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite);
        var police = await app.SignedInAsync("police");
        var key = (await (await police.PostAsync("/api/v1/account/two-factor/setup", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sharedKey").GetString()!;
        await police.PostAsJsonAsync("/api/v1/account/two-factor/enable", new { code = Totp.Now(key) });

        var again = await police.PostAsync("/api/v1/account/two-factor/setup", null);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().PostAsJsonAsync("/api/v1/account/signin", new { login = "police", password = LinliApp.DemoPassword, twoFactorCode = Totp.Now(key) })).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Police_roles_count_only_after_a_two_factor_sign_in(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var people = $"/api/v1/tree/nodes/{DemoAccounts.CommunityCode}/people";

        var password = await app.SignedInAsync("police");
        var me = await password.GetFromJsonAsync<JsonElement>("/api/v1/account/me");
        Assert.True(me.GetProperty("twoFactorSetupRequired").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await password.GetAsync(people)).StatusCode);

        var setup = await (await password.PostAsync("/api/v1/account/two-factor/setup", null)).Content.ReadFromJsonAsync<JsonElement>();
        var key = setup.GetProperty("sharedKey").GetString()!;
        Assert.StartsWith("otpauth://totp/", setup.GetProperty("authenticatorUri").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await password.PostAsJsonAsync("/api/v1/account/two-factor/enable", new { code = "000000" == Totp.Now(key) ? "111111" : "000000" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await password.PostAsJsonAsync("/api/v1/account/two-factor/enable", new { code = Totp.Now(key) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await password.GetAsync(people)).StatusCode);

        // From now on the password alone is not enough.
        var withoutCode = await app.Anonymous().PostAsJsonAsync("/api/v1/account/signin", new { login = "police", password = LinliApp.DemoPassword });
        Assert.Equal(HttpStatusCode.BadRequest, withoutCode.StatusCode);
        var withCode = await app.SignedInAsync("police", Totp.Now(key));
        Assert.Equal(HttpStatusCode.OK, (await withCode.GetAsync(people)).StatusCode);
    }

    [Fact]
    public async Task The_demo_waiver_lets_police_work_without_totp_only_when_switched_on()
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["Security:DemoWaivesRequiredTwoFactor"] = "true" });

        var police = await app.SignedInAsync("police");

        Assert.Equal(HttpStatusCode.OK, (await police.GetAsync($"/api/v1/tree/nodes/{DemoAccounts.CommunityCode}/people")).StatusCode);
    }

    [Fact]
    public async Task The_demo_waiver_refuses_to_start_outside_development()
    {
        var connection = await TestDatabases.CreateAsync(DatabaseKind.Sqlite);
        await using var app = new ProductionApp(connection);

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("DemoWaivesRequiredTwoFactor", error.ToString());
    }

    private sealed class ProductionApp(string connection) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseSetting("environment", "Production");
            builder.UseSetting("ConnectionStrings:Linli", connection);
            builder.UseSetting("Security:DemoWaivesRequiredTwoFactor", "true");
        }
    }

    [Theory, BothDatabases]
    public async Task Signed_out_callers_get_401_from_the_api_not_a_redirect(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);

        var response = await app.Anonymous().GetAsync("/api/v1/account/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
