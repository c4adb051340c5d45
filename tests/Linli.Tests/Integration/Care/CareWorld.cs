using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Campaigns;
using Linli.Web.Features.Demo;
using Linli.Web.Features.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Integration.Care;

/// <summary>Set-ups the care register tests share: residents with a linked household, entries, campaigns with tasks.</summary>
public static class CareWorld
{
    public const string Password = "care-pass-1";
    public const string SiblingUnitCode = DemoAccounts.BuildingCode + "02";

    public static readonly Dictionary<string, string?> Waiver = new() { ["Security:DemoWaivesRequiredTwoFactor"] = "true" };

    /// <summary>A new resident, signed in, with their household linked to <paramref name="unitCode"/>.</summary>
    public static async Task<(HttpClient Client, Guid Id)> ResidentAsync(LinliApp app, string login, string unitCode = DemoAccounts.UnitCode)
    {
        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LinliUser>>();
            var user = new LinliUser { UserName = login, DisplayName = "住户" + login, Email = $"{login}@example.org", EmailConfirmed = true, Kind = AccountKind.Resident, CreatedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            id = user.Id;
        }

        var client = await app.SignedInAsync(login, password: Password);
        var linked = await client.PutAsJsonAsync("/api/v1/me/household", new { unitCode, consentVersion = Consents.HouseholdLinkText.Version });
        Assert.True(linked.IsSuccessStatusCode);
        return (client, id);
    }

    public static object Registration(string need = "elderlyLivingAlone", string? version = null, string? note = null, string? unitCode = null, bool oral = false) => new
    {
        unitCode, need, contactName = "孙奶奶", contact = "138 0013 8555", note, consentVersion = version ?? Consents.CareRegisterText.Version, consentGivenOrally = oral,
    };

    public static async Task<long> IdOfAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public static async Task<long> RegisterByWorkerAsync(LinliApp app, string unitCode, string need = "disabled") =>
        await IdOfAsync(await (await app.SignedInAsync("worker")).PostAsJsonAsync("/api/v1/care/entries", Registration(need, unitCode: unitCode, oral: true)));

    public static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

    public static Task<Guid> UserIdAsync(LinliApp app, string login) => app.WithDbAsync(db => db.Users.Where(u => u.UserName == login).Select(u => u.Id).SingleAsync());

    /// <summary>An active campaign over the demo street with one task of <paramref name="kind"/> at each of the units.</summary>
    public static async Task<(int CampaignId, List<long> TaskIds)> CampaignAsync(LinliApp app, CampaignTaskKind kind, params string[] unitCodes) => await app.WithDbAsync(async db =>
    {
        var street = await db.Nodes.Where(n => n.Code == TreeGenerator.ShiqiaopuCode).Select(n => new { n.Id, n.Path }).SingleAsync();
        var grid = await db.Nodes.Where(n => n.Code == DemoAccounts.GridCode).Select(n => n.Id).SingleAsync();
        var campaign = new Campaign
        {
            Kind = CampaignKind.EpidemicScreening, Title = "测试排查", Instructions = "逐户排查", NodeId = street.Id, NodePath = street.Path, Status = CampaignStatus.Active,
            StartsAt = DateTimeOffset.UtcNow.AddHours(-1), LaunchedBy = Guid.NewGuid(), CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        var tasks = new List<CampaignTask>();
        foreach (var code in unitCodes)
        {
            var unit = await db.Nodes.Where(n => n.Code == code).Select(n => new { n.Id, n.Path }).SingleAsync();
            tasks.Add(new CampaignTask { CampaignId = campaign.Id, Kind = kind, NodeId = unit.Id, NodePath = unit.Path, GridId = grid, Status = CampaignTaskStatus.Open });
        }

        db.CampaignTasks.AddRange(tasks);
        await db.SaveChangesAsync();
        return (campaign.Id, tasks.Select(t => t.Id).ToList());
    });
}
