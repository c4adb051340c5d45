using System.Net.Http.Json;
using Linli.Web.Features.Campaigns;
using Linli.Web.Infrastructure.Auth;

namespace Linli.Tests.Integration.Authorization;

/// <summary>Campaigns in the matrix: launching and ending in one's subtree, progress aggregates, and the tasks of nodes one holds.</summary>
public static class CampaignsMatrix
{
    private const string Campaigns = "/api/v1/campaigns";

    public static MatrixEntry[] Entries =>
    [
        Expect(new("POST /api/v1/campaigns/", Access.Scoped, Permission.RunCampaigns, (c, _, t) =>
            c.PostAsJsonAsync(Campaigns, new { kind = "disinfection", title = "矩阵消杀", instructions = "消杀公共区域", nodeCode = t.Code })), 201),
        new("GET /api/v1/campaigns/", Access.RoleOnly, Permission.ViewCampaignProgress, (c, _, _) => c.GetAsync(Campaigns)),
        new("POST /api/v1/campaigns/{id:int}/end", Access.Scoped, Permission.RunCampaigns,
            async (c, w, t) => await c.PostAsync($"{Campaigns}/{(await w.CampaignTaskAtAsync(t)).Campaign}/end", null)),
        new("GET /api/v1/campaigns/{id:int}/progress", Access.Scoped, Permission.ViewCampaignProgress,
            async (c, w, t) => await c.GetAsync($"{Campaigns}/{(await w.CampaignTaskAtAsync(t)).Campaign}/progress?node={t.Code}")),
        new("GET /api/v1/campaigns/tasks/mine", Access.RoleOnly, Permission.DoCampaignTasks, (c, _, _) => c.GetAsync($"{Campaigns}/tasks/mine")),
        new("POST /api/v1/campaigns/tasks/{id:long}/done", Access.Scoped, Permission.DoCampaignTasks,
            async (c, w, t) => await c.PostAsJsonAsync($"{Campaigns}/tasks/{(await w.CampaignTaskAtAsync(t)).Task}/done", new { note = "矩阵" })),
        new("POST /api/v1/campaigns/tasks/{id:long}/reopen", Access.Scoped, Permission.DoCampaignTasks,
            async (c, w, t) => await c.PostAsync($"{Campaigns}/tasks/{(await w.CampaignTaskAtAsync(t)).Task}/reopen", null)),
        Expect(new("POST /api/v1/campaigns/tasks/{id:long}/case", Access.Scoped, Permission.DoCampaignTasks,
            async (c, w, t) => await c.PostAsJsonAsync($"{Campaigns}/tasks/{(await w.CampaignTaskAtAsync(t)).Task}/case", new { category = "waste", description = "矩阵 垃圾堆放" })), 201),
    ];

    /// <summary>An active campaign over the place with one open task at the place itself.</summary>
    private static Task<(int Campaign, long Task)> CampaignTaskAtAsync(this MatrixWorld world, Place place) =>
        world.App.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var campaign = new Campaign
            {
                Kind = CampaignKind.Disinfection, Title = "矩阵", Instructions = "矩阵", NodeId = place.Id, NodePath = place.Path, Status = CampaignStatus.Active,
                StartsAt = now.AddMinutes(-1), CreatedAt = now, LaunchedBy = Guid.Empty,
            };
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            var task = new CampaignTask { CampaignId = campaign.Id, Kind = CampaignTaskKind.DisinfectCommonAreas, NodeId = place.Id, NodePath = place.Path, GridId = place.Id };
            db.CampaignTasks.Add(task);
            await db.SaveChangesAsync();
            return (campaign.Id, task.Id);
        });

    private static MatrixEntry Expect(MatrixEntry entry, int status) => entry with
    {
        Call = async (c, w, t) =>
        {
            var response = await entry.Call(c, w, t);
            response.Headers.Add("X-Matrix-Expected", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return response;
        },
    };
}
