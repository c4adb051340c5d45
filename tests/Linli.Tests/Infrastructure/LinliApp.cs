using System.Net.Http.Json;
using Linli.Web.Data;
using Linli.Web.Features.Tree.Import;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Infrastructure;

/// <summary>Linli over real HTTP on a real database, one instance per test.</summary>
public sealed class LinliApp(DatabaseKind kind, string connectionString, bool seedDemo = false, IDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    private Action<IServiceCollection>? _services;

    public const string DemoPassword = "Linli-demo-2026";

    public DatabaseKind Kind => kind;

    public string ConnectionString => connectionString;

    /// <param name="services">Replaces services for the test, such as a <c>FakeTimeProvider</c> for the clock.</param>
    public static async Task<LinliApp> StartAsync(DatabaseKind kind, IDictionary<string, string?>? settings = null, bool withDemo = true, Action<IServiceCollection>? services = null) =>
        await StartOnAsync(kind, await TestDatabases.CreateAsync(kind, withDemo), settings, services);

    /// <summary>Starts an instance on an existing database, e.g. a second server beside <paramref name="connectionString"/>'s first.</summary>
    public static async Task<LinliApp> StartOnAsync(DatabaseKind kind, string connectionString, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var app = new LinliApp(kind, connectionString, seedDemo: false, settings) { _services = services };
        await app.StartAsync();
        return app;
    }

    /// <summary>Starts the host (migrating the database) by creating the first client.</summary>
    public Task StartAsync()
    {
        using var client = CreateClient();
        return Task.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", kind.Provider().ToString());
        builder.UseSetting("ConnectionStrings:Linli", connectionString);
        builder.UseSetting("Database:SeedDemoWhenEmpty", seedDemo ? "true" : "false");
        builder.UseSetting("Security:DemoWaivesRequiredTwoFactor", "false");
        // Tests count their own cases from zero: no demo case history (the dashboards' tests seed it when they need it).
        builder.UseSetting("Demo:CaseHistory", "false");
        builder.UseSetting("RateLimits:SignInPerMinute", "10000");
        builder.UseSetting("RateLimits:CodesPerMinute", "10000");
        builder.UseSetting("RateLimits:ReportsPerMinute", "10000");
        builder.UseSetting("RateLimits:SurveyAnswersPerMinute", "10000");
        builder.UseSetting("RateLimits:FeedbackPerMinute", "10000");

        // The background loops run only in the tests that ask for them (and then on the test's clock).
        builder.UseSetting("Notifications:Outbox:Enabled", "false");
        builder.UseSetting("Cases:EscalationEnabled", "false");
        builder.UseSetting("AntiFraud:EscalationEnabled", "false");
        builder.UseSetting("SafetyTips:RetentionEnabled", "false");
        builder.UseSetting("FollowUps:Enabled", "false");
        builder.UseSetting("Care:ExpiryEnabled", "false");
        builder.UseSetting("Channels:RetentionEnabled", "false");
        builder.UseSetting("Exports:WorkerEnabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    /// <remarks>The base address is the server's own: a Kestrel-hosted app (browser tests) has a real port.</remarks>
    public HttpClient Anonymous() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = ClientOptions.BaseAddress });

    /// <summary>A client signed in with the demo password (and a TOTP code when given).</summary>
    public async Task<HttpClient> SignedInAsync(string login, string? twoFactorCode = null, string password = DemoPassword)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/account/signin", new { login, password, twoFactorCode });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"sign-in as {login} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    /// <summary>Imports a tree file the way `-- import FILE` does: no caller scope, roots allowed.</summary>
    public async Task ImportAsCommandLineAsync(string body, string format)
    {
        await using var scope = Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<TreeImporter>();
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));
        var features = format == "csv" ? CsvTreeReader.Read(stream) : GeoJsonTreeReader.Read(stream);
        await importer.ImportAsync(features, format, _ => true);
    }

    public async Task<T> WithDbAsync<T>(Func<LinliDb, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<LinliDb>());
    }
}
