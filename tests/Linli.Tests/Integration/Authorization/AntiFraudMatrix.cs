using System.Net.Http.Json;
using Linli.Web.Features.AntiFraud.Alliance;
using Linli.Web.Features.AntiFraud.Orders;
using Linli.Web.Features.Partners;

namespace Linli.Tests.Integration.Authorization;

/// <summary>The anti-fraud alliance's entries in the matrix, and what their calls need set up.</summary>
public static class AntiFraudMatrix
{
    private const string Orders = "/api/v1/antifraud/orders";

    public static MatrixEntry[] Entries =>
    [
        // Any partner staff may try; the alliance membership decides where (the matrix's partner is the demo bank, a member in 001).
        new("POST /api/v1/antifraud/alerts", Access.RoleOnly, Web.Infrastructure.Auth.Permission.RaiseFraudAlerts, (c, w, _) => c.PostAsJsonAsync("/api/v1/antifraud/alerts",
            new { communityCode = Web.Features.Demo.DemoAccounts.CommunityCode, name = "矩阵", phone = $"1380013{w.Next():D4}", address = "x", risk = "low", seen = "matrix" })),
        Signed("GET /api/v1/antifraud/alerts/communities", (c, _, _) => c.GetAsync("/api/v1/antifraud/alerts/communities")),
        Signed("GET /api/v1/antifraud/orders", (c, _, _) => c.GetAsync(Orders)),
        Scoped("GET /api/v1/antifraud/orders/{number:long}", Web.Infrastructure.Auth.Permission.HandleDissuasionOrders, async (c, w, t) => await c.GetAsync($"{Orders}/{await w.OrderUnderAsync(t)}")),
        Scoped("POST /api/v1/antifraud/orders/{number:long}/visit", Web.Infrastructure.Auth.Permission.HandleDissuasionOrders,
            async (c, w, t) => await c.PostAsJsonAsync($"{Orders}/{await w.OrderUnderAsync(t)}/visit", new { outcome = "dissuaded" })),
        Scoped("POST /api/v1/antifraud/orders/{number:long}/close", Web.Infrastructure.Auth.Permission.HandleDissuasionOrders,
            async (c, w, t) => await c.PostAsJsonAsync($"{Orders}/{await w.OrderUnderAsync(t)}/close", new { }), expect: 409),
        Scoped("GET /api/v1/antifraud/alliance", Web.Infrastructure.Auth.Permission.ManageAntiFraudAlliance, (c, _, t) => c.GetAsync($"/api/v1/antifraud/alliance?node={t.Code}")),
        Scoped("POST /api/v1/antifraud/alliance", Web.Infrastructure.Auth.Permission.ManageAntiFraudAlliance, async (c, w, t) => await c.PostAsJsonAsync("/api/v1/antifraud/alliance",
            new { partnerId = await w.NewPartnerAsync(), communityCode = (await w.CommunityForAsync(t)).Code })),
        Scoped("DELETE /api/v1/antifraud/alliance/{id:int}", Web.Infrastructure.Auth.Permission.ManageAntiFraudAlliance, async (c, w, t) => await c.DeleteAsync($"/api/v1/antifraud/alliance/{await w.MembershipUnderAsync(t)}")),
        Scoped("POST /api/v1/antifraud/awareness-events", Web.Infrastructure.Auth.Permission.ManageAntiFraudAlliance, async (c, w, t) => await c.PostAsJsonAsync("/api/v1/antifraud/awareness-events",
            new { communityCode = (await w.CommunityForAsync(t)).Code, title = "反诈电影", date = "2024-05-01", place = "影院", attendance = 50 })),
        Scoped("GET /api/v1/antifraud/stats", Web.Infrastructure.Auth.Permission.ManageAntiFraudAlliance, (c, _, t) => c.GetAsync($"/api/v1/antifraud/stats?node={t.Code}")),
    ];

    private static MatrixEntry Signed(string endpoint, Call call) => new(endpoint, Access.SignedIn, null, call);

    private static MatrixEntry Scoped(string endpoint, Web.Infrastructure.Auth.Permission permission, Call call, int? expect = null) =>
        new(endpoint, Access.Scoped, permission, expect is null ? call : async (c, w, t) =>
        {
            var response = await call(c, w, t);
            response.Headers.Add("X-Matrix-Expected", expect.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return response;
        });

    /// <summary>A partner no matrix account works for.</summary>
    public static async Task<int> NewPartnerAsync(this MatrixWorld world) => await world.App.WithDbAsync(async db =>
    {
        var partner = new PartnerOrganisation { Name = $"矩阵合伙人 {world.Next()}", Type = PartnerType.Commercial };
        db.Partners.Add(partner);
        await db.SaveChangesAsync();
        return partner.Id;
    });

    /// <summary>A fresh open order in the community for the place, raised by a partner no matrix account works for.</summary>
    public static async Task<long> OrderUnderAsync(this MatrixWorld world, Place place)
    {
        var community = await world.CommunityForAsync(place);
        var partnerId = await world.NewPartnerAsync();
        return await world.App.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var order = new DissuasionOrder
            {
                PartnerId = partnerId, RaisedByUserId = Guid.NewGuid(), RaisedAt = now, CommunityNodeId = community.Id, CommunityPath = community.Path,
                PersonName = "矩阵", Phone = "+8613800000000", Address = "x", Seen = "matrix", Risk = FraudRisk.Low, DueAt = now.AddDays(3),
            };
            db.AllianceMemberships.Add(new AllianceMembership { PartnerId = partnerId, CommunityNodeId = community.Id, JoinedAt = now });
            db.DissuasionOrders.Add(order);
            await db.SaveChangesAsync();
            return order.Id;
        });
    }

    public static async Task<int> MembershipUnderAsync(this MatrixWorld world, Place place)
    {
        var community = await world.CommunityForAsync(place);
        var partnerId = await world.NewPartnerAsync();
        return await world.App.WithDbAsync(async db =>
        {
            var membership = new AllianceMembership { PartnerId = partnerId, CommunityNodeId = community.Id, JoinedAt = DateTimeOffset.UtcNow };
            db.AllianceMemberships.Add(membership);
            await db.SaveChangesAsync();
            return membership.Id;
        });
    }
}
