using System.Net.Http.Json;
using System.Text.Json;
using Linli.Web.Features.Care;
using Linli.Web.Features.Demo;
using Linli.Web.Features.People;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration.Authorization;

/// <summary>The care register's entries in the matrix. Police hold none of its permissions, so they are refused everywhere.</summary>
public static class CareMatrix
{
    private const string Care = "/api/v1/care";

    public static MatrixEntry[] Entries =>
    [
        Signed("GET /api/v1/care/mine", (c, _, _) => c.GetAsync($"{Care}/mine")),
        Signed("POST /api/v1/care/mine", (c, _, _) => RegisterSelfAsync(c), expect: 201),
        Signed("POST /api/v1/care/mine/{id:long}/renew", async (c, _, _) => await Then(await RegisterSelfAsync(c), id => c.PostAsync($"{Care}/mine/{id}/renew", null))),
        Signed("DELETE /api/v1/care/mine/{id:long}", async (c, _, _) => await Then(await RegisterSelfAsync(c), id => c.DeleteAsync($"{Care}/mine/{id}"))),
        Signed("POST /api/v1/care/mine/{id:long}/help-requests", async (c, _, _) =>
            await Then(await RegisterSelfAsync(c), id => c.PostAsJsonAsync($"{Care}/mine/{id}/help-requests", new { kind = "medicine" })), expect: 201),
        Signed("POST /api/v1/care/mine/help-requests/{id:long}/confirm", async (c, w, _) =>
            await Then(await RegisterSelfAsync(c), async id => await Then(await c.PostAsJsonAsync($"{Care}/mine/{id}/help-requests", new { kind = "ride" }), async help =>
            {
                await w.App.WithDbAsync(db => db.HelpRequests.Where(h => h.Id == help).ExecuteUpdateAsync(s => s.SetProperty(h => h.DeliveredAt, DateTimeOffset.UtcNow)));
                return await c.PostAsync($"{Care}/mine/help-requests/{help}/confirm", null);
            }))),
        Signed("GET /api/v1/care/field", (c, _, _) => c.GetAsync($"{Care}/field")),

        Scoped("POST /api/v1/care/help-requests/{id:long}/delivered", Permission.DoCampaignTasks, async (c, w, t) => await c.PostAsync($"{Care}/help-requests/{await w.HelpUnderAsync(t)}/delivered", null)),
        Scoped("GET /api/v1/care/entries", Permission.ManageCareRegister, (c, _, t) => c.GetAsync($"{Care}/entries?node={t.Code}")),
        Scoped("POST /api/v1/care/entries", Permission.ManageCareRegister, async (c, w, t) => await c.PostAsJsonAsync($"{Care}/entries", new
        {
            unitCode = (await w.UnitUnderAsync(t)).Code, need = "elderlyLivingAlone", contactName = "矩阵", contact = "+8613800138777",
            consentVersion = Consents.CareRegisterText.Version, consentGivenOrally = true,
        }), expect: 201),
        Scoped("POST /api/v1/care/entries/{id:long}/renew", Permission.ManageCareRegister, async (c, w, t) => await c.PostAsync($"{Care}/entries/{await w.CareEntryUnderAsync(t)}/renew", null)),
        Scoped("DELETE /api/v1/care/entries/{id:long}", Permission.ManageCareRegister, async (c, w, t) => await c.DeleteAsync($"{Care}/entries/{await w.CareEntryUnderAsync(t)}")),
        Scoped("POST /api/v1/care/entries/{id:long}/help-requests", Permission.ManageCareRegister, async (c, w, t) =>
            await c.PostAsJsonAsync($"{Care}/entries/{await w.CareEntryUnderAsync(t)}/help-requests", new { kind = "provisions" }), expect: 201),
    ];

    /// <summary>Links the caller's household to the demo unit and registers it; the answer carries the new entry's id.</summary>
    public static async Task<HttpResponseMessage> RegisterSelfAsync(HttpClient client)
    {
        var linked = await client.PutAsJsonAsync("/api/v1/me/household", new { unitCode = DemoAccounts.UnitCode, consentVersion = Consents.HouseholdLinkText.Version });
        return !linked.IsSuccessStatusCode ? linked : await client.PostAsJsonAsync($"{Care}/mine", new
        {
            need = "other", contactName = "矩阵住户", contact = "+8613800138999", consentVersion = Consents.CareRegisterText.Version,
        });
    }

    /// <summary>The first unit under the place, outside the holder's home unless the place is the home.</summary>
    public static async Task<Place> UnitUnderAsync(this MatrixWorld world, Place place) => await world.App.WithDbAsync(db =>
    {
        var units = db.Nodes.Where(n => n.Kind == NodeKind.Unit && n.Path.StartsWith(place.Path));
        if (world.Home is { } home && home.Id != place.Id)
        {
            units = units.Where(n => !n.Path.StartsWith(home.Path));
        }

        return units.OrderBy(n => n.Code).Select(n => new Place(n.Id, n.Code, n.Kind, n.Path)).FirstAsync();
    });

    public static async Task<long> CareEntryUnderAsync(this MatrixWorld world, Place place)
    {
        var unit = await world.UnitUnderAsync(place);
        return await world.App.WithDbAsync(async db =>
        {
            var worker = await db.Users.Where(u => u.UserName == "worker").Select(u => u.Id).SingleAsync();
            var entry = new CareEntry
            {
                NodeId = unit.Id, NodePath = unit.Path, Need = CareNeed.Disabled, ContactName = "矩阵", Contact = "+8613800138778",
                ConsentVersion = Consents.CareRegisterText.Version, ConsentGivenAt = DateTimeOffset.UtcNow, ConsentGivenOrally = true, RegisteredBy = worker,
                ExpiresAt = DateTimeOffset.UtcNow.AddMonths(3), CreatedAt = DateTimeOffset.UtcNow,
            };
            db.CareEntries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });
    }

    /// <summary>An open help request of a new entry under the place, assigned to nobody in the matrix.</summary>
    public static async Task<long> HelpUnderAsync(this MatrixWorld world, Place place)
    {
        var entryId = await world.CareEntryUnderAsync(place);
        return await world.App.WithDbAsync(async db =>
        {
            var entry = await db.CareEntries.SingleAsync(e => e.Id == entryId);
            var help = new HelpRequest { EntryId = entry.Id, Kind = HelpKind.Provisions, NodeId = entry.NodeId, NodePath = entry.NodePath, RaisedBy = entry.RegisteredBy, RaisedAt = DateTimeOffset.UtcNow };
            db.HelpRequests.Add(help);
            await db.SaveChangesAsync();
            return help.Id;
        });
    }

    private static async Task<HttpResponseMessage> Then(HttpResponseMessage created, Func<long, Task<HttpResponseMessage>> next) =>
        !created.IsSuccessStatusCode ? created : await next((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());

    private static MatrixEntry Signed(string endpoint, Call call, int? expect = null) => new(endpoint, Access.SignedIn, null, Expecting(call, expect));

    private static MatrixEntry Scoped(string endpoint, Permission permission, Call call, int? expect = null) => new(endpoint, Access.Scoped, permission, Expecting(call, expect));

    private static Call Expecting(Call call, int? status) => status is null ? call : async (c, w, t) =>
    {
        var response = await call(c, w, t);
        response.Headers.Add("X-Matrix-Expected", status.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    };
}
