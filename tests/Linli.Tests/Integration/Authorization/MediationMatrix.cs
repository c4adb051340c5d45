using System.Net.Http.Json;
using Linli.Web.Features.Mediation;
using Linli.Web.Features.OfficerAppraisal;
using Linli.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration.Authorization;

/// <summary>Dispute mediation's and officer appraisal's entries in the matrix, and what their calls need set up.</summary>
public static class MediationMatrix
{
    private const string Mediation = "/api/v1/mediation";
    private const string Appraisal = "/api/v1/officer-appraisal";

    public static MatrixEntry[] Entries =>
    [
        new("GET /api/v1/mediation/stats", Access.Public, null, (c, _, _) => c.GetAsync($"{Mediation}/stats?node={Web.Features.Demo.TreeGenerator.ShiqiaopuCode}")),

        // Anyone signed in: staff get their subtrees, volunteer mediators their own mediations, others an empty list.
        new("GET /api/v1/mediation/", Access.SignedIn, null, (c, _, _) => c.GetAsync(Mediation)),
        Scoped("POST /api/v1/mediation/", Permission.MediateDisputes, async (c, w, t) => await c.PostAsJsonAsync(Mediation, await OpenRequestAsync(w, t)), expect: 201),
        Scoped("GET /api/v1/mediation/{id:int}", Permission.MediateDisputes, async (c, w, t) => await c.GetAsync($"{Mediation}/{await w.MediationUnderAsync(t)}")),
        Scoped("POST /api/v1/mediation/{id:int}/mediators", Permission.MediateDisputes, async (c, w, t) => await c.PostAsJsonAsync($"{Mediation}/{await w.MediationUnderAsync(t)}/mediators", new { login = "resident" })),
        Scoped("POST /api/v1/mediation/{id:int}/sessions", Permission.MediateDisputes, async (c, w, t) => await c.PostAsJsonAsync($"{Mediation}/{await w.MediationUnderAsync(t)}/sessions",
            new { heldAt = DateTimeOffset.UtcNow.AddHours(-1), notes = "矩阵" })),
        Scoped("POST /api/v1/mediation/{id:int}/outcome", Permission.MediateDisputes, async (c, w, t) => await c.PostAsJsonAsync($"{Mediation}/{await w.MediationUnderAsync(t)}/outcome", new { outcome = "referred" })),
        Scoped("POST /api/v1/mediation/{id:int}/follow-up", Permission.MediateDisputes, async (c, w, t) => await c.PostAsJsonAsync($"{Mediation}/{await w.MediationUnderAsync(t)}/follow-up", new { result = "held" }), expect: 409),

        new("GET /api/v1/officer-appraisal/officers", Access.Scoped, Permission.ViewPolicingCoverage, (c, _, t) => c.GetAsync($"{Appraisal}/officers?node={t.Code}")),
        new("GET /api/v1/officer-appraisal/me", Access.RoleOnly, Permission.LogCommunityPolicing, (c, _, _) => c.GetAsync($"{Appraisal}/me")),
        new("GET /api/v1/officer-appraisal/votes", Access.Public, null, (c, _, _) => c.GetAsync($"{Appraisal}/votes")),
        new("GET /api/v1/officer-appraisal/votes/{id:int}", Access.Public, null, async (c, w, t) => await c.GetAsync($"{Appraisal}/votes/{await w.DistrictVoteAsync()}")),

        // Votes are held for a district or a city; no matrix holder sits that high, so an allowed caller hears why (400).
        Scoped("POST /api/v1/officer-appraisal/votes", Permission.RunOfficerVotes, (c, _, t) => c.PostAsJsonAsync($"{Appraisal}/votes",
            new { nodeCode = t.Code, closesOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)) }), expect: 400),
        Scoped("POST /api/v1/officer-appraisal/votes/{id:int}/close", Permission.RunOfficerVotes, async (c, w, t) => await c.PostAsync($"{Appraisal}/votes/{await w.VoteAtAsync(t)}/close", null)),
        new("POST /api/v1/officer-appraisal/votes/{id:int}/ballots", Access.SignedIn, null, async (c, w, _) =>
        {
            var id = await w.DistrictVoteAsync();
            var candidate = await w.App.WithDbAsync(db => db.OfficerVoteCandidates.Where(x => x.VoteId == id).Select(x => x.Id).FirstAsync());
            await c.PutAsJsonAsync("/api/v1/me/household", new { unitCode = Web.Features.Demo.DemoAccounts.UnitCode, consentVersion = Web.Features.People.Consents.HouseholdLinkText.Version });
            return await c.PostAsJsonAsync($"{Appraisal}/votes/{id}/ballots", new { candidateId = candidate });
        }),
    ];

    private static MatrixEntry Scoped(string endpoint, Permission permission, Call call, int? expect = null) =>
        new(endpoint, Access.Scoped, permission, expect is null ? call : async (c, w, t) =>
        {
            var response = await call(c, w, t);
            response.Headers.Add("X-Matrix-Expected", expect.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return response;
        });

    private static async Task<object> OpenRequestAsync(MatrixWorld world, Place place)
    {
        var community = await world.CommunityForAsync(place);
        var unit = await world.App.WithDbAsync(db => db.Nodes.Where(n => n.Kind == Web.Features.Tree.NodeKind.Unit && n.Path.StartsWith(community.Path)).OrderBy(n => n.Code).Select(n => n.Code).FirstAsync());
        return new { nodeCode = community.Code, kind = "noise", summary = "矩阵", parties = new[] { new { unitCode = unit } } };
    }

    /// <summary>A fresh open dispute in the community for the place (outside the holder's home unless that is the place), concluded reconciled when asked.</summary>
    public static async Task<int> MediationUnderAsync(this MatrixWorld world, Place place)
    {
        var community = await world.CommunityForAsync(place);
        return await world.App.WithDbAsync(async db =>
        {
            var unit = await db.Nodes.Where(n => n.Kind == Web.Features.Tree.NodeKind.Unit && n.Path.StartsWith(community.Path)).OrderBy(n => n.Code).Select(n => n.Id).FirstAsync();
            var mediation = new MediationCase
            {
                Kind = DisputeKind.Noise, NodeId = community.Id, NodePath = community.Path, Summary = "矩阵", OpenedAt = DateTimeOffset.UtcNow,
                Parties = [new MediationParty { UnitNodeId = unit, ContactName = "矩阵" }],
            };
            db.Mediations.Add(mediation);
            await db.SaveChangesAsync();
            return mediation.Id;
        });
    }

    /// <summary>The demo's open vote for the district.</summary>
    public static Task<int> DistrictVoteAsync(this MatrixWorld world) => world.App.WithDbAsync(db =>
        db.OfficerVotes.Where(v => db.Nodes.Any(n => n.Id == v.NodeId && n.Code == Web.Features.Demo.TreeGenerator.JiulongpoCode)).Select(v => v.Id).SingleAsync());

    /// <summary>A fresh open vote at the place itself (written directly: the API holds votes only for districts and cities).</summary>
    public static async Task<int> VoteAtAsync(this MatrixWorld world, Place place) => await world.App.WithDbAsync(async db =>
    {
        var vote = new OfficerVote { NodeId = place.Id, NodePath = place.Path, Year = 1900 + world.Next(), OpenedAt = DateTimeOffset.UtcNow.AddDays(-1), ClosesAt = DateTimeOffset.UtcNow.AddDays(30) };
        db.OfficerVotes.Add(vote);
        await db.SaveChangesAsync();
        return vote.Id;
    });
}
