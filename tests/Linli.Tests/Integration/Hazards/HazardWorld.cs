using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Integration.Hazards;

/// <summary>The demo street's places and the calls the hazard tests make.</summary>
public static class HazardWorld
{
    public const string Community = DemoAccounts.CommunityCode;
    public const string Grid = DemoAccounts.GridCode;
    public const string Building = DemoAccounts.BuildingCode;
    public const string SiblingGrid = Community + "002";
    public const string SiblingCommunity = TreeGenerator.ShiqiaopuCode + "002";
    public const string Street = TreeGenerator.ShiqiaopuCode;

    public static Task<LinliApp> StartAsync(DatabaseKind kind, FakeTimeProvider? clock = null) =>
        LinliApp.StartAsync(kind, new Dictionary<string, string?> { ["Security:DemoWaivesRequiredTwoFactor"] = "true" },
            services: clock is null ? null : s => s.AddSingleton<TimeProvider>(clock));

    public static object Fire(string node = Building, string severity = "general", string? deadline = null, int? visitId = null) => new
    {
        kind = "fire", severity, description = "楼道堆放纸箱，堵塞消防通道 Cardboard blocking the fire escape", nodeCode = node, deadline, visitId,
    };

    public static async Task<long> RecordedAsync(this HttpClient client, object hazard)
    {
        var response = await client.PostAsJsonAsync("/api/v1/hazards", hazard);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("number").GetInt64();
    }

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, long number, string action, object body) =>
        client.PostAsJsonAsync($"/api/v1/hazards/{number}/{action}", body);

    public static async Task<JsonElement> HazardAsync(this HttpClient client, long number)
    {
        var response = await client.GetAsync($"/api/v1/hazards/{number}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<string[]> ErrorFieldsAsync(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return [.. (await response.JsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order()];
    }

    public static async Task<T> InScopeAsync<T, TService>(this LinliApp app, Func<TService, Task<T>> run)
        where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
