using System.Net;
using System.Net.Http.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Campaigns;
using Linli.Web.Features.People;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Integration.Campaigns.CampaignWorld;

namespace Linli.Tests.Integration.Campaigns;

public sealed class CampaignLaunchTests
{
    [Theory, BothDatabases]
    public async Task A_screening_launch_makes_one_task_per_unit_with_its_grid_and_the_nearest_chief(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        // Unit 02 of building 1 has no unit chief (its building chief takes it); building 2 has neither (its grid chief does).
        var unitWithoutChief = Building + "02";
        var buildingWithoutChiefs = Grid + "002";
        await app.RemoveRoleAsync(unitWithoutChief, StaffRole.UnitChief);
        await app.RemoveRoleAsync(buildingWithoutChiefs, StaffRole.BuildingChief);
        var unitsOfBuilding2 = await app.WithDbAsync(db => db.Nodes.Where(n => n.ParentId == db.Nodes.Single(b => b.Code == buildingWithoutChiefs).Id).Select(n => n.Code).ToListAsync());
        foreach (var unit in unitsOfBuilding2)
        {
            await app.RemoveRoleAsync(unit, StaffRole.UnitChief);
        }

        var street = await app.SignedInAsync("street");
        var launched = await street.LaunchedAsync(Screening());
        var id = launched.GetProperty("campaign").GetProperty("id").GetInt32();

        var units = await app.WithDbAsync(db => db.Nodes.CountAsync(n => n.Kind == NodeKind.Unit && n.Path.Contains("/" + Street + "/")));
        Assert.Equal(units, launched.GetProperty("tasks").GetInt32());
        Assert.Equal(units, launched.GetProperty("tasksByKind").GetProperty("ScreenHouseholds").GetInt32());
        var tasks = await app.WithDbAsync(db => db.CampaignTasks.Where(t => t.CampaignId == id)
            .Join(db.Nodes, t => t.NodeId, n => n.Id, (t, n) => new { TaskKind = t.Kind, t.GridId, t.AssigneeUserId, t.Status, n.Code, n.Kind, Grid = n.Parent!.ParentId }).ToListAsync());
        Assert.Equal(units, tasks.Count);
        Assert.Equal(units, tasks.Select(t => t.Code).Distinct().Count());
        Assert.All(tasks, t =>
        {
            Assert.Equal(NodeKind.Unit, t.Kind);
            Assert.Equal(CampaignTaskStatus.Open, t.Status);
            Assert.Equal(t.Grid, t.GridId);
        });
        Assert.Equal(await app.ChiefAtAsync(DemoUnit, StaffRole.UnitChief), tasks.Single(t => t.Code == DemoUnit).AssigneeUserId);
        Assert.Equal(await app.ChiefAtAsync(Building, StaffRole.BuildingChief), tasks.Single(t => t.Code == unitWithoutChief).AssigneeUserId);
        var gridChief = await app.ChiefAtAsync(Grid, StaffRole.GridChief);
        Assert.All(unitsOfBuilding2, u => Assert.Equal(gridChief, tasks.Single(t => t.Code == u).AssigneeUserId));
        Assert.DoesNotContain(tasks, t => t.AssigneeUserId is null);

        var grids = await app.WithDbAsync(db => db.Nodes.CountAsync(n => n.Kind == NodeKind.Grid && n.Path.Contains("/" + Street + "/")));
        Assert.Equal(grids, launched.GetProperty("grids").GetInt32());
        Assert.Equal(units, launched.GetProperty("campaign").GetProperty("total").GetInt32());
    }

    [Theory, BothDatabases]
    public async Task A_flood_check_over_a_community_inspects_each_building_and_checks_each_unit(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var street = await app.SignedInAsync("street");

        var launched = await street.LaunchedAsync(Screening(Community, "floodCheck"));

        var (buildings, units, communityPath) = await app.WithDbAsync(async db =>
        {
            var path = await db.Nodes.Where(n => n.Code == Community).Select(n => n.Path).SingleAsync();
            return (await db.Nodes.CountAsync(n => n.Kind == NodeKind.Building && n.Path.StartsWith(path)), await db.Nodes.CountAsync(n => n.Kind == NodeKind.Unit && n.Path.StartsWith(path)), path);
        });
        Assert.Equal(buildings, launched.GetProperty("tasksByKind").GetProperty("InspectBuilding").GetInt32());
        Assert.Equal(units, launched.GetProperty("tasksByKind").GetProperty("CheckVulnerable").GetInt32());
        var id = launched.GetProperty("campaign").GetProperty("id").GetInt32();
        var outside = await app.WithDbAsync(db => db.CampaignTasks.CountAsync(t => t.CampaignId == id && !t.NodePath.StartsWith(communityPath)));
        Assert.Equal(0, outside);
        var buildingTask = await app.WithDbAsync(db => db.CampaignTasks.SingleAsync(t => t.CampaignId == id && t.Kind == CampaignTaskKind.InspectBuilding && t.NodeId == db.Nodes.Single(n => n.Code == Building).Id));
        Assert.Equal(await app.ChiefAtAsync(Building, StaffRole.BuildingChief), buildingTask.AssigneeUserId);
    }

    [Theory, BothDatabases]
    public async Task Launches_outside_ones_scope_or_by_roles_without_the_right_are_refused_and_store_nothing(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        // A second street beside Shiqiaopu, outside the street staff's subtree.
        var sibling = await app.WithDbAsync(async db =>
        {
            var shiqiaopu = await db.Nodes.SingleAsync(n => n.Code == Street);
            var district = await db.Nodes.SingleAsync(n => n.Id == shiqiaopu.ParentId);
            var node = new TreeNode { Code = district.Code + "999", Name = "邻街", Kind = NodeKind.Street, ParentId = district.Id, Path = TreeNode.PathUnder(district.Path, district.Code + "999"), Depth = shiqiaopu.Depth };
            db.Nodes.Add(node);
            await db.SaveChangesAsync();
            return node.Code;
        });
        var before = await app.WithDbAsync(db => db.Campaigns.CountAsync());
        var street = await app.SignedInAsync("street");
        var police = await app.SignedInAsync("police");
        var worker = await app.SignedInAsync("worker");

        Assert.Equal(HttpStatusCode.Forbidden, (await street.PostAsJsonAsync("/api/v1/campaigns", Screening(sibling))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.PostAsJsonAsync("/api/v1/campaigns", Screening(Community))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync("/api/v1/campaigns", Screening(Community))).StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.Campaigns.CountAsync()));

        var launched = await street.LaunchedAsync(Screening());
        var id = launched.GetProperty("campaign").GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"/api/v1/campaigns/{id}/progress?node={Community}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync("/api/v1/campaigns/tasks/mine")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.PostAsJsonAsync($"/api/v1/campaigns/tasks/{await app.TaskAtAsync(id, DemoUnit)}/done", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsync($"/api/v1/campaigns/{id}/end", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/api/v1/campaigns/{id}/progress?node={Street}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/api/v1/campaigns/{id}/progress?node={SiblingCommunity}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Invalid_launches_answer_problems_naming_the_field_and_store_nothing(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var street = await app.SignedInAsync("street");
        var (campaigns, tasks) = await app.WithDbAsync(async db => (await db.Campaigns.CountAsync(), await db.CampaignTasks.CountAsync()));
        var good = new Dictionary<string, object?>
        {
            ["kind"] = "epidemicScreening", ["title"] = "排查", ["instructions"] = "逐户排查", ["nodeCode"] = Street,
        };
        (string Field, Action<Dictionary<string, object?>> Spoil)[] cases =
        [
            ("kind", r => r["kind"] = "party"),
            ("title", r => r["title"] = " "),
            ("title", r => r["title"] = new string('题', Campaign.MaxTitle + 1)),
            ("instructions", r => r["instructions"] = null),
            ("nodeCode", r => r["nodeCode"] = Grid),
            ("nodeCode", r => r["nodeCode"] = DemoUnit),
            ("endsAt", r => r["endsAt"] = DateTimeOffset.UtcNow.AddHours(-1)),
            ("retentionDays", r => r["retentionDays"] = 0),
        ];

        foreach (var (field, spoil) in cases)
        {
            var request = new Dictionary<string, object?>(good);
            spoil(request);
            var response = await street.PostAsJsonAsync("/api/v1/campaigns", request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), $"{field}: {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(campaigns, await app.WithDbAsync(db => db.Campaigns.CountAsync()));
        Assert.Equal(tasks, await app.WithDbAsync(db => db.CampaignTasks.CountAsync()));
    }
}
