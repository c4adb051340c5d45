using System.Net.Http.Json;
using Linli.Web.Features.SafetyTips;
using Linli.Web.Infrastructure.Auth;

namespace Linli.Tests.Integration.Authorization;

/// <summary>The safety tips' entries in the matrix: sending and following up are public, triage is for the area's officers.</summary>
public static class SafetyTipsMatrix
{
    private const string Tips = "/api/v1/tips";

    public static MatrixEntry[] Entries =>
    [
        new("POST /api/v1/tips/", Access.Public, null, (c, _, _) => c.PostAsJsonAsync($"{Tips}/", new
        {
            kind = "other", what = "矩阵线索", occurredOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            nodeCode = Web.Features.Demo.DemoAccounts.CommunityCode,
        })),
        new("POST /api/v1/tips/follow-up", Access.Public, null, async (c, w, t) => await c.PostAsJsonAsync($"{Tips}/follow-up", new { receipt = (await w.TipUnderAsync(t)).Receipt })),
        new("POST /api/v1/tips/follow-up/answers", Access.Public, null, async (c, w, t) =>
            await c.PostAsJsonAsync($"{Tips}/follow-up/answers", new { receipt = (await w.TipUnderAsync(t, asked: true)).Receipt, text = "凌晨三点" })),
        new("GET /api/v1/tips/stats", Access.Public, null, (c, _, _) => c.GetAsync($"{Tips}/stats")),
        new("GET /api/v1/tips/inbox", Access.RoleOnly, Permission.TriageSafetyTips, (c, _, _) => c.GetAsync($"{Tips}/inbox")),
        new("GET /api/v1/tips/{id:long}", Access.Scoped, Permission.TriageSafetyTips, async (c, w, t) => await c.GetAsync($"{Tips}/{(await w.TipUnderAsync(t)).Id}")),
        new("POST /api/v1/tips/{id:long}/questions", Access.Scoped, Permission.TriageSafetyTips,
            async (c, w, t) => await c.PostAsJsonAsync($"{Tips}/{(await w.TipUnderAsync(t)).Id}/questions", new { text = "几点？" })),
        new("POST /api/v1/tips/{id:long}/outcome", Access.Scoped, Permission.TriageSafetyTips,
            async (c, w, t) => await c.PostAsJsonAsync($"{Tips}/{(await w.TipUnderAsync(t)).Id}/outcome", new { outcome = "verified" })),
        new("POST /api/v1/tips/{id:long}/case", Access.Scoped, Permission.TriageSafetyTips,
            async (c, w, t) => await c.PostAsJsonAsync($"{Tips}/{(await w.TipUnderAsync(t)).Id}/case", new { caseNumber = (await w.CaseUnderAsync(t)).Number })),
    ];

    /// <summary>A fresh tip in the community for the place (outside the holder's own area unless that is the place), with a known receipt.</summary>
    public static async Task<(long Id, string Receipt)> TipUnderAsync(this MatrixWorld world, Place place, bool asked = false)
    {
        var community = await world.CommunityForAsync(place);
        var receipt = TipReceipts.New();
        return await world.App.WithDbAsync(async db =>
        {
            var district = community.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[1];
            var tip = new SafetyTip
            {
                Kind = TipKind.Other, What = "矩阵", OccurredOn = DateOnly.FromDateTime(DateTime.UtcNow), PlaceNodeId = community.Id, PlacePath = community.Path,
                CommunityNodeId = community.Id, DistrictNodeId = db.Nodes.Single(n => n.Code == district).Id, ReceiptHash = TipReceipts.Hash(receipt),
                SubmittedAt = DateTimeOffset.UtcNow, QuestionOpen = asked,
            };
            if (asked)
            {
                tip.Messages.Add(new SafetyTipMessage { At = DateTimeOffset.UtcNow, FromStation = true, Text = "几点？" });
            }

            db.SafetyTips.Add(tip);
            await db.SaveChangesAsync();
            return (tip.Id, receipt);
        });
    }
}
