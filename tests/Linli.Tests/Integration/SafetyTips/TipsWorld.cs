using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Linli.Tests.Infrastructure;
using Linli.Tests.Integration.AntiFraud;
using Linli.Web.Features.Demo;
using Linli.Web.Features.People;
using Linli.Web.Features.SafetyTips;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Integration.SafetyTips;

/// <summary>
/// Helpers for the safety tip tests: a tip body, submitting and following up, and an app whose requests come from a
/// chosen network address (header <see cref="ClientIpHeader"/>) with every log line of every category captured.
/// </summary>
public static class TipsWorld
{
    public const string ClientIpHeader = "X-Test-Client-Ip";
    public const string Community = DemoAccounts.CommunityCode;
    public const string SiblingCommunity = TreeGenerator.ShiqiaopuCode + "002";

    public static Task<LinliApp> StartAsync(DatabaseKind kind, FakeTimeProvider? clock = null, Dictionary<string, string?>? settings = null, LogCapture? logs = null)
    {
        var all = new Dictionary<string, string?> { ["Security:DemoWaivesRequiredTwoFactor"] = "true" };
        if (logs is not null)
        {
            all["Logging:LogLevel:Default"] = "Trace";
            all["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
            all["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace";
        }

        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return LinliApp.StartAsync(kind, all, services: s =>
        {
            s.AddSingleton<IStartupFilter>(new ClientAddressFromHeader());
            if (clock is not null)
            {
                s.AddSingleton<TimeProvider>(clock);
            }

            if (logs is not null)
            {
                s.AddSingleton<ILoggerProvider>(logs);
            }
        });
    }

    public static string Today(DateTimeOffset? now = null) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now ?? DateTimeOffset.UtcNow, Web.Components.Display.ChinaTime).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Dictionary<string, object?> Tip(string? nodeCode = Community, string kind = "theft", string what = "车棚里的电动车电瓶连续被拆走，多在凌晨。 Batteries keep being taken from the bike shed before dawn.",
        DateTimeOffset? now = null, int? associationId = null) => new()
    {
        ["kind"] = kind, ["what"] = what, ["occurredOn"] = Today(now), ["timeOfDay"] = "night", ["nodeCode"] = nodeCode,
        ["whereNote"] = "3号楼后面的车棚", ["associationId"] = associationId,
    };

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, object tip) => client.PostAsJsonAsync("/api/v1/tips", tip);

    public static async Task<string> SubmittedAsync(this HttpClient client, object tip)
    {
        var response = await client.SubmitAsync(tip);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("receipt").GetString()!;
    }

    public static Task<HttpResponseMessage> FollowUpAsync(this HttpClient client, string receipt) =>
        client.PostAsJsonAsync("/api/v1/tips/follow-up", new { receipt });

    public static Task<HttpResponseMessage> AnswerAsync(this HttpClient client, string receipt, string text) =>
        client.PostAsJsonAsync("/api/v1/tips/follow-up/answers", new { receipt, text });

    public static Task<long> TipIdAsync(this LinliApp app, string receipt) => app.WithDbAsync(async db =>
    {
        var hash = TipReceipts.Hash(TipReceipts.Normalize(receipt)!);
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.SafetyTips.Where(t => t.ReceiptHash == hash).Select(t => t.Id));
    });

    /// <summary>An anonymous client whose requests come from <paramref name="address"/>.</summary>
    public static HttpClient From(this LinliApp app, string address)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add(ClientIpHeader, address);
        return client;
    }

    /// <summary>A second street under the demo district (石桥铺's sibling) with one community, and its police officer.</summary>
    public static async Task<HttpClient> OfficerOfAnotherStreetAsync(this LinliApp app)
    {
        await app.ImportAsCommandLineAsync("""
            {"type":"FeatureCollection","features":[
              {"type":"Feature","geometry":null,"properties":{"code":"500107002","parentCode":"500107","kind":"street","name":"谢家湾街道"}},
              {"type":"Feature","geometry":null,"properties":{"code":"500107002001","parentCode":"500107002","kind":"community","name":"谢家湾社区"}}]}
            """, "geojson");
        return await app.StaffAsync("police-xiejiawan", StaffRole.CommunityPolice, "500107002001");
    }

    /// <summary>Sets the connection's remote address from a test header, as a real network would.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (http.Request.Headers.TryGetValue(ClientIpHeader, out var value) && IPAddress.TryParse(value, out var address))
                {
                    http.Connection.RemoteIpAddress = address;
                    http.Request.Headers.Remove(ClientIpHeader);
                }

                return nextMiddleware(http);
            });
            next(app);
        };
    }
}

/// <summary>Every log line written, with its category, formatted, with its exception and scopes' values.</summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider? _scopes;

    public IReadOnlyCollection<string> Lines => _lines;

    public string All => string.Join('\n', _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => capture._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            capture._scopes?.ForEachScope((scope, list) => list.Add(scope is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(",", pairs.Select(p => $"{p.Key}={p.Value}")) : scope?.ToString() ?? ""), scopes);
            var values = state is IEnumerable<KeyValuePair<string, object?>> fields ? string.Join(",", fields.Select(p => $"{p.Key}={p.Value}")) : "";
            capture._lines.Enqueue($"{category} {logLevel} {formatter(state, exception)} {values} {string.Join(";", scopes)} {exception}");
        }
    }
}
