using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Integration.Campaigns.CampaignWorld;

namespace Linli.Tests.Integration.Campaigns;

public sealed class CampaignProgressTests
{
    [Theory, BothDatabases]
    public async Task Done_tasks_roll_up_to_grid_community_and_street_and_a_double_tap_counts_once(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var street = await app.SignedInAsync("street");
        var id = (await street.LaunchedAsync(Screening())).GetProperty("campaign").GetProperty("id").GetInt32();
        var unitChief = await app.SignedInAsync("unitchief");
        var buildingChief = await app.SignedInAsync("buildingchief");
        var gridUnits = await app.WithDbAsync(db => db.CampaignTasks.CountAsync(t => t.CampaignId == id && t.GridId == db.Nodes.Single(n => n.Code == Grid).Id));
        var communityUnits = await app.WithDbAsync(db => db.Nodes.CountAsync(n => n.Kind == NodeKind.Unit && n.Path.Contains("/" + Community + "/")));
        var streetUnits = await app.WithDbAsync(db => db.CampaignTasks.CountAsync(t => t.CampaignId == id));

        var first = await unitChief.PostAsJsonAsync($"/api/v1/campaigns/tasks/{await app.TaskAtAsync(id, DemoUnit)}/done", new { note = "全部正常 All well" });
        var again = await unitChief.PostAsJsonAsync($"/api/v1/campaigns/tasks/{await app.TaskAtAsync(id, DemoUnit)}/done", new { note = "again" });
        var second = await buildingChief.PostAsJsonAsync($"/api/v1/campaigns/tasks/{await app.TaskAtAsync(id, Building + "02")}/done", new { });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var twice = await again.JsonAsync();
        Assert.Equal("Done", twice.GetProperty("status").GetString());
        Assert.Equal("全部正常 All well", twice.GetProperty("note").GetString());

        var atStreet = await street.ProgressAsync(id);
        Assert.Equal((streetUnits, 2), Figures(atStreet.GetProperty("node")));
        var community = atStreet.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("code").GetString() == Community);
        Assert.Equal((communityUnits, 2), Figures(community));
        Assert.Equal(streetUnits, atStreet.GetProperty("children").EnumerateArray().Sum(c => c.GetProperty("total").GetInt32()));
        Assert.All(atStreet.GetProperty("children").EnumerateArray().Where(c => c.GetProperty("code").GetString() != Community), c => Assert.Equal(0, c.GetProperty("done").GetInt32()));

        var atCommunity = await street.ProgressAsync(id, Community);
        var grid = atCommunity.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("code").GetString() == Grid);
        Assert.Equal((gridUnits, 2), Figures(grid));
        Assert.Equal(Math.Round(200.0 / gridUnits, 1), grid.GetProperty("percent").GetDouble());
        Assert.Equal(Street, atCommunity.GetProperty("parentCode").GetString());
        // The lagging list puts the grids with nothing done first, the one with progress last.
        var lagging = atCommunity.GetProperty("lagging").EnumerateArray().Select(l => l.GetProperty("code").GetString()).ToList();
        Assert.NotEmpty(lagging);
        Assert.NotEqual(Grid, lagging[0]);

        var gridChief = await app.SignedInAsync("gridchief");
        var atGrid = await gridChief.ProgressAsync(id, Grid);
        Assert.Equal((gridUnits, 2), Figures(atGrid.GetProperty("node")));
        var building = atGrid.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("code").GetString() == Building);
        Assert.Equal(2, building.GetProperty("done").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await gridChief.GetAsync($"/api/v1/campaigns/{id}/progress?node={Community}")).StatusCode);

        var reopened = await unitChief.PostAsync($"/api/v1/campaigns/tasks/{await app.TaskAtAsync(id, DemoUnit)}/reopen", null);
        var reopenedAgain = await unitChief.PostAsync($"/api/v1/campaigns/tasks/{await app.TaskAtAsync(id, DemoUnit)}/reopen", null);
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reopenedAgain.StatusCode);
        Assert.Equal((gridUnits, 1), Figures((await gridChief.ProgressAsync(id, Grid)).GetProperty("node")));
        Assert.Equal((streetUnits, 1), Figures((await street.ProgressAsync(id)).GetProperty("node")));
    }

    [Theory, BothDatabases]
    public async Task A_chief_sees_the_open_tasks_of_nodes_they_hold_and_files_a_case_from_one(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var street = await app.SignedInAsync("street");
        var id = (await street.LaunchedAsync(Screening())).GetProperty("campaign").GetProperty("id").GetInt32();
        var unitChief = await app.SignedInAsync("unitchief");

        // The demo street's own screening campaign gives every chief a task too; these are the new campaign's.
        var mine = await (await unitChief.GetAsync("/api/v1/campaigns/tasks/mine")).JsonAsync();
        var task = Assert.Single(mine.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("campaignId").GetInt32() == id);
        Assert.Equal(DemoUnit, task.GetProperty("nodeCode").GetString());
        Assert.Equal("ScreenHouseholds", task.GetProperty("kind").GetString());
        var taskId = task.GetProperty("id").GetInt64();
        var buildingTasks = await (await (await app.SignedInAsync("buildingchief")).GetAsync("/api/v1/campaigns/tasks/mine")).JsonAsync();
        var unitsOfBuilding = await app.WithDbAsync(db => db.Nodes.CountAsync(n => n.ParentId == db.Nodes.Single(b => b.Code == Building).Id));
        Assert.Equal(unitsOfBuilding, buildingTasks.GetProperty("tasks").EnumerateArray().Count(t => t.GetProperty("campaignId").GetInt32() == id));

        var refused = await unitChief.PostAsJsonAsync($"/api/v1/campaigns/tasks/{taskId}/case", new { category = "waste", description = " " });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("description", out _));
        var filed = await unitChief.PostAsJsonAsync($"/api/v1/campaigns/tasks/{taskId}/case", new { category = "waste", description = "楼道堆放垃圾 Rubbish piled in the stairwell" });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var caseId = (await filed.JsonAsync()).GetProperty("caseId").GetInt64();
        var twice = await (await unitChief.PostAsJsonAsync($"/api/v1/campaigns/tasks/{taskId}/case", new { category = "waste", description = "楼道堆放垃圾 Rubbish piled in the stairwell" })).JsonAsync();
        Assert.Equal(caseId, twice.GetProperty("caseId").GetInt64());

        var stored = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => new { c.BuildingCode, c.Description, c.GridNodeId }).SingleAsync());
        Assert.Equal(Building, stored.BuildingCode);
        Assert.Equal(caseId, await app.WithDbAsync(db => db.CampaignTasks.Where(t => t.Id == taskId).Select(t => t.CaseId).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.Description == "楼道堆放垃圾 Rubbish piled in the stairwell")));

        // Once the campaign ends its tasks leave the list and can no longer be changed.
        Assert.Equal(HttpStatusCode.OK, (await street.PostAsync($"/api/v1/campaigns/{id}/end", null)).StatusCode);
        var after = await (await unitChief.GetAsync("/api/v1/campaigns/tasks/mine")).JsonAsync();
        Assert.DoesNotContain(after.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("campaignId").GetInt32() == id);
        Assert.Equal(HttpStatusCode.Conflict, (await unitChief.PostAsJsonAsync($"/api/v1/campaigns/tasks/{taskId}/done", new { })).StatusCode);
        var siblingUnitTask = await app.TaskAtAsync(id, Building + "02");
        Assert.Equal(HttpStatusCode.Forbidden, (await unitChief.PostAsJsonAsync($"/api/v1/campaigns/tasks/{siblingUnitTask}/done", new { })).StatusCode);
    }

    private static (int Total, int Done) Figures(JsonElement area) => (area.GetProperty("total").GetInt32(), area.GetProperty("done").GetInt32());
}
