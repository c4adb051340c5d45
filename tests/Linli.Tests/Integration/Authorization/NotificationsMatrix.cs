using System.Net.Http.Json;
using Linli.Web.Features.Notifications;
using Linli.Web.Infrastructure.Auth;

namespace Linli.Tests.Integration.Authorization;

/// <summary>Notifications in the matrix: one's own settings and inbox; broadcasts within one's subtree; the gateway's signed replies.</summary>
public static class NotificationsMatrix
{
    public static MatrixEntry[] Entries =>
    [
        new("GET /api/v1/me/notifications", Access.SignedIn, null, (c, _, _) => c.GetAsync("/api/v1/me/notifications")),
        new("PUT /api/v1/me/notifications", Access.SignedIn, null, (c, _, _) => c.PutAsJsonAsync("/api/v1/me/notifications", new { quietStartsAtHour = 21 })),
        new("GET /api/v1/me/inbox", Access.SignedIn, null, (c, _, _) => c.GetAsync("/api/v1/me/inbox")),
        new("POST /api/v1/me/inbox/read", Access.SignedIn, null, (c, _, _) => c.PostAsJsonAsync("/api/v1/me/inbox/read", new { id = (long?)null })),
        new("POST /api/v1/notifications/sms/inbound", Access.Public, null, async (c, _, _) =>
        {
            // Unsigned: refused whoever calls, since only the gateway holds the secret.
            var response = await c.PostAsJsonAsync("/api/v1/notifications/sms/inbound", new { from = "13800138000", text = "STOP" });
            response.Headers.Add("X-Matrix-Expected", "401");
            return response;
        }),
        new("POST /api/v1/broadcasts/", Access.Scoped, Permission.BroadcastNotices, (c, _, t) =>
            c.PostAsJsonAsync("/api/v1/broadcasts", new { nodeCode = t.Code, audience = "unitChiefs", text = "矩阵通知" })),
        new("GET /api/v1/broadcasts/", Access.RoleOnly, Permission.BroadcastNotices, (c, _, _) => c.GetAsync("/api/v1/broadcasts")),
        new("GET /api/v1/broadcasts/{id:long}", Access.Scoped, Permission.BroadcastNotices, async (c, w, t) => await c.GetAsync($"/api/v1/broadcasts/{await w.BroadcastAtAsync(t)}")),
        new("GET /api/v1/broadcasts/{id:long}/grids", Access.Scoped, Permission.BroadcastNotices, async (c, w, t) => await c.GetAsync($"/api/v1/broadcasts/{await w.BroadcastAtAsync(t)}/grids")),
    ];

    private static Task<long> BroadcastAtAsync(this MatrixWorld world, Place place) =>
        world.App.WithDbAsync(async db =>
        {
            var node = db.Nodes.Single(n => n.Code == place.Code);
            var broadcast = new Broadcast { NodeId = node.Id, NodePath = node.Path, Text = "矩阵", CreatedAt = DateTimeOffset.UtcNow, SentBy = Guid.Empty };
            db.Broadcasts.Add(broadcast);
            await db.SaveChangesAsync();
            return broadcast.Id;
        });
}
