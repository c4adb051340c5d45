using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Linli.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration.Campaigns;

/// <summary>The demo street's places and the calls the campaign tests make.</summary>
public static class CampaignWorld
{
    public const string Street = TreeGenerator.ShiqiaopuCode;
    public const string Community = DemoAccounts.CommunityCode;
    public const string SiblingCommunity = Street + "002";
    public const string Grid = DemoAccounts.GridCode;
    public const string Building = DemoAccounts.BuildingCode;
    public const string DemoUnit = DemoAccounts.UnitCode;

    public static Task<LinliApp> StartAsync(DatabaseKind kind) =>
        LinliApp.StartAsync(kind, new Dictionary<string, string?> { ["Security:DemoWaivesRequiredTwoFactor"] = "true" });

    public static object Screening(string node = Street, string kind = "epidemicScreening") => new
    {
        kind, title = "全员核酸排查 Household screening", instructions = "逐户排查，记录异常 Visit every household, note anything wrong", nodeCode = node,
    };

    public static async Task<JsonElement> LaunchedAsync(this HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/v1/campaigns", request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> ProgressAsync(this HttpClient client, int campaign, string? node = null)
    {
        var response = await client.GetAsync($"/api/v1/campaigns/{campaign}/progress{(node is null ? "" : "?node=" + node)}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The task of the campaign at the node with the given code.</summary>
    public static Task<long> TaskAtAsync(this LinliApp app, int campaign, string code) => app.WithDbAsync(db =>
        db.CampaignTasks.Where(t => t.CampaignId == campaign && db.Nodes.Any(n => n.Id == t.NodeId && n.Code == code)).Select(t => t.Id).SingleAsync());

    /// <summary>Takes away every role of one kind held at the node, so a launch falls back to the chief above.</summary>
    public static Task<int> RemoveRoleAsync(this LinliApp app, string code, StaffRole role) => app.WithDbAsync(db =>
        db.RoleAssignments.Where(r => r.Role == role && r.Node!.Code == code).ExecuteDeleteAsync());

    /// <summary>The lowest-id holder of a role at the node, as the launch picks it.</summary>
    public static Task<Guid> ChiefAtAsync(this LinliApp app, string code, StaffRole role) => app.WithDbAsync(async db =>
        (await db.RoleAssignments.Where(r => r.Role == role && r.Node!.Code == code).Select(r => r.UserId).ToListAsync())
            .OrderBy(id => id.ToString(), StringComparer.Ordinal).First());
}
