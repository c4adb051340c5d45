using System.Net.Http.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.People;
using Linli.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration.Authorization;

public enum Access
{
    /// <summary>Anyone, signed in or not.</summary>
    Public,

    /// <summary>Any signed-in person; about themselves only.</summary>
    SignedIn,

    /// <summary>A role granting the permission, held at the target node or above it.</summary>
    Scoped,

    /// <summary>A role granting the permission, wherever it is held; results are filtered by scope.</summary>
    RoleOnly,

    /// <summary>A role granting the permission held at a root of the tree: city-wide settings.</summary>
    Root,
}

public delegate Task<HttpResponseMessage> Call(HttpClient client, MatrixWorld world, Place target);

public sealed record MatrixEntry(string Endpoint, Access Access, Permission? Permission, Call Call);

/// <summary>
/// Every API endpoint and who may call it. The matrix test fails when an endpoint is missing here, so every new
/// endpoint must be added with its rule.
/// </summary>
public static class Matrix
{
    private static readonly string Version = Consents.HouseholdLinkText.Version;

    public static readonly MatrixEntry[] Entries =
    [
        Public("GET /api/v1/tree/", (c, _, _) => c.GetAsync("/api/v1/tree")),
        Public("GET /api/v1/tree/nodes/{code}", (c, _, t) => c.GetAsync($"/api/v1/tree/nodes/{t.Code}")),
        Public("GET /api/v1/tree/nodes/{code}/children", (c, _, t) => c.GetAsync($"/api/v1/tree/nodes/{t.Code}/children")),
        Public("GET /api/v1/tree/nodes/{code}/map", (c, _, t) => c.GetAsync($"/api/v1/tree/nodes/{t.Code}/map")),
        Public("GET /api/v1/tree/locate", async (c, w, _) => await c.GetAsync("/api/v1/tree/locate?lat=29.53&long=106.505")),
        Public("GET /api/v1/tree/export", (c, _, t) => c.GetAsync($"/api/v1/tree/export?format=csv&root={t.Code}")),
        Public("GET /api/v1/departments/", (c, _, _) => c.GetAsync("/api/v1/departments")),
        Public("GET /api/v1/consents", (c, _, _) => c.GetAsync("/api/v1/consents")),
        Public("POST /api/v1/account/codes", (c, w, _) => c.PostAsJsonAsync("/api/v1/account/codes", new { destination = $"m{w.Next()}@example.org" })),
        Public("POST /api/v1/account/signup", (c, w, _) => c.PostAsJsonAsync("/api/v1/account/signup", new { destination = "x@example.org", code = "1", displayName = "x", password = "long-enough-pass" }), expect: 400),
        Public("POST /api/v1/account/signin", (c, _, _) => c.PostAsJsonAsync("/api/v1/account/signin", new { login = "nobody", password = "wrong-password" }), expect: 401),
        Public("POST /api/v1/account/signout", (c, _, _) => c.PostAsync("/api/v1/account/signout", null)),

        SignedIn("GET /api/v1/account/me", (c, _, _) => c.GetAsync("/api/v1/account/me")),
        SignedIn("POST /api/v1/account/two-factor/setup", (c, _, _) => c.PostAsync("/api/v1/account/two-factor/setup", null)),
        SignedIn("POST /api/v1/account/two-factor/enable", (c, _, _) => c.PostAsJsonAsync("/api/v1/account/two-factor/enable", new { code = "x" }), expect: 400),
        SignedIn("PUT /api/v1/me/household", (c, _, _) => c.PutAsJsonAsync("/api/v1/me/household", new { unitCode = Web.Features.Demo.DemoAccounts.UnitCode, consentVersion = Version })),
        SignedIn("DELETE /api/v1/me/household", (c, _, _) => c.DeleteAsync("/api/v1/me/household")),
        SignedIn("GET /api/v1/me/consents", (c, _, _) => c.GetAsync("/api/v1/me/consents")),
        SignedIn("GET /api/v1/me/access-log", (c, _, _) => c.GetAsync("/api/v1/me/access-log")),

        Scoped("GET /api/v1/tree/nodes/{code}/people", Permission.ViewPeopleInRoles, (c, _, t) => c.GetAsync($"/api/v1/tree/nodes/{t.Code}/people")),
        Scoped("GET /api/v1/tree/nodes/{code}/households", Permission.ReadResidents, (c, _, t) => c.GetAsync($"/api/v1/tree/nodes/{t.Code}/households")),
        Scoped("GET /api/v1/residents/{id:guid}", Permission.ReadResidents, async (c, w, t) => await c.GetAsync($"/api/v1/residents/{await w.ResidentUnderAsync(t)}")),
        Scoped("PUT /api/v1/tree/nodes/{code}", Permission.EditTree, (c, _, t) => c.PutAsJsonAsync($"/api/v1/tree/nodes/{t.Code}", new { nameEn = "Renamed" })),
        Scoped("POST /api/v1/tree/nodes", Permission.EditTree, (c, w, t) => c.PostAsJsonAsync("/api/v1/tree/nodes", new { code = w.NewChildCode(t), parentCode = t.Code, kind = MatrixWorld.ChildKind(t), name = "新" })),
        Scoped("DELETE /api/v1/tree/nodes/{code}", Permission.EditTree, async (c, w, t) => await c.DeleteAsync($"/api/v1/tree/nodes/{await w.LeafUnderAsync(t)}")),
        Scoped("POST /api/v1/tree/import", Permission.ImportTree, (c, w, t) => c.PostAsync("/api/v1/tree/import", new StringContent(
            $$$"""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{"code":"{{{w.NewChildCode(t)}}}","parentCode":"{{{t.Code}}}","kind":"{{{MatrixWorld.ChildKind(t)}}}","name":"导入"}}]}""",
            System.Text.Encoding.UTF8, "application/geo+json"))),
        Scoped("POST /api/v1/staff/", Permission.ManageStaff, (c, w, t) => c.PostAsJsonAsync("/api/v1/staff", new { login = $"staff-{w.Next()}", displayName = "新人", role = new { role = "UnitChief", nodeCode = t.Code } }), expect: 201),
        Scoped("POST /api/v1/staff/{userId:guid}/roles", Permission.ManageStaff, async (c, w, t) => await c.PostAsJsonAsync($"/api/v1/staff/{await w.ResidentUnderAsync(t)}/roles", new { role = "UnitChief", nodeCode = t.Code }), expect: 201),
        Scoped("DELETE /api/v1/staff/roles/{assignmentId:int}", Permission.ManageStaff, async (c, w, t) => await c.DeleteAsync($"/api/v1/staff/roles/{await w.AssignmentAtAsync(t)}")),
        Scoped("POST /api/v1/departments/", Permission.ManageDepartments, (c, w, t) => c.PostAsJsonAsync("/api/v1/departments", new { code = $"dept-{w.Next()}", name = "部门", kind = "Other", areaCodes = new[] { t.Code } })),

        RoleOnly("GET /api/v1/audit/", Permission.SearchAudit, (c, _, _) => c.GetAsync("/api/v1/audit")),

        Public("GET /api/v1/categories/", (c, _, _) => c.GetAsync("/api/v1/categories")),
        Public("GET /api/v1/categories/{code}", (c, _, _) => c.GetAsync("/api/v1/categories/water-leak")),
        new("PUT /api/v1/categories/{code}", Access.Root, Permission.ManageCategories, (c, w, _) => c.PutAsJsonAsync($"/api/v1/categories/matrix-{w.Next()}",
            new { name = "测试", group = "other", priority = "General", handlerGridRole = "GridChief", attributes = Array.Empty<object>() })),

        Public("POST /api/v1/cases/", async (c, w, _) => await c.PostAsJsonAsync("/api/v1/cases", await w.App.ReportAsync("noise")), expect: 201),
        Public("GET /api/v1/cases/nearby", (c, _, _) => c.GetAsync("/api/v1/cases/nearby?category=noise&latitude=29.53&longitude=106.505")),
        Public("GET /api/v1/cases/{receipt}", async (c, w, t) => await c.GetAsync($"/api/v1/cases/{(await w.CaseUnderAsync(t)).Receipt}")),
        Public("GET /api/v1/cases/{receipt}/photos/{photoId:long}", async (c, w, t) => await w.CaseUnderAsync(t) is var m ? await c.GetAsync($"/api/v1/cases/{m.Receipt}/photos/{m.PhotoId}") : null!),
        Public("POST /api/v1/cases/{receipt}/verify", async (c, w, t) => await c.PostAsJsonAsync($"/api/v1/cases/{(await w.CaseUnderAsync(t)).Receipt}/verify", new { }), expect: 409),
        Public("POST /api/v1/cases/{receipt}/reopen", async (c, w, t) => await c.PostAsJsonAsync($"/api/v1/cases/{(await w.CaseUnderAsync(t)).Receipt}/reopen", new { note = "x" }), expect: 409),
        Public("POST /api/v1/cases/{receipt}/cancel", async (c, w, t) => await c.PostAsJsonAsync($"/api/v1/cases/{(await w.CaseUnderAsync(t)).Receipt}/cancel", new { note = "不需要了" })),
        Public("POST /api/v1/cases/{receipt}/rating", async (c, w, t) => await c.PostAsJsonAsync($"/api/v1/cases/{(await w.CaseUnderAsync(t)).Receipt}/rating", new { stars = 5, solved = true }), expect: 409),
        Public("POST /api/v1/cases/{number:long}/followers", async (c, w, t) => await c.PostAsJsonAsync($"/api/v1/cases/{(await w.CaseUnderAsync(t)).Number}/followers", new { email = "f@example.org" })),

        SignedIn("GET /api/v1/me/cases", (c, _, _) => c.GetAsync("/api/v1/me/cases")),
        Public("GET /api/v1/rates/", (c, _, t) => c.GetAsync($"/api/v1/rates?node={t.Code}")),
        Public("GET /api/v1/rates/children", (c, _, t) => c.GetAsync($"/api/v1/rates/children?node={t.Code}&department=water-utility")),

        SignedIn("GET /api/v1/work/cases/", (c, _, _) => c.GetAsync("/api/v1/work/cases")),
        Scoped("GET /api/v1/work/cases/{number:long}", Permission.ViewCases, async (c, w, t) => await c.GetAsync($"/api/v1/work/cases/{(await w.CaseUnderAsync(t)).Number}")),
        Scoped("GET /api/v1/work/cases/{number:long}/photos/{photoId:long}", Permission.ViewCases, async (c, w, t) => await w.CaseUnderAsync(t) is var m ? await c.GetAsync($"/api/v1/work/cases/{m.Number}/photos/{m.PhotoId}") : null!),
        Scoped("POST /api/v1/work/cases/{number:long}/{action}", Permission.DispatchCases, async (c, w, t) => await c.PostAsJsonAsync($"/api/v1/work/cases/{(await w.CaseUnderAsync(t)).Number}/dispatch", new { departmentCode = "gas-supply" })),
        Scoped("POST /api/v1/work/cases/{number:long}/merge", Permission.DispatchCases, async (c, w, t) => await c.PostAsJsonAsync($"/api/v1/work/cases/{(await w.CaseUnderAsync(t)).Number}/merge", new { into = (await w.CaseUnderAsync(t)).Number })),

        Public("GET /api/v1/volunteers/associations", (c, _, _) => c.GetAsync($"/api/v1/volunteers/associations?community={VolunteerMatrix.Community}")),
        Public("GET /api/v1/volunteers/associations/{id:int}", async (c, w, t) => await c.GetAsync($"/api/v1/volunteers/associations/{await w.AssociationUnderAsync(t)}")),
        Public("GET /api/v1/volunteers/associations/{id:int}/logo", async (c, w, t) => await c.GetAsync($"/api/v1/volunteers/associations/{await w.AssociationUnderAsync(t)}/logo")),
        Public("GET /api/v1/volunteers/activities/{id:int}", async (c, w, t) => await c.GetAsync($"/api/v1/volunteers/activities/{(await w.ShiftUnderAsync(t)).ActivityId}")),
        Public("GET /api/v1/volunteers/targets", (c, _, _) => c.GetAsync($"/api/v1/volunteers/targets?node={VolunteerMatrix.Street}")),
        Public("GET /api/v1/volunteers/figures", (c, _, _) => c.GetAsync($"/api/v1/volunteers/figures?node={VolunteerMatrix.Street}")),
        Public("GET /api/v1/volunteers/rankings", (c, _, _) => c.GetAsync($"/api/v1/volunteers/rankings?community={VolunteerMatrix.Community}")),
        Public("GET /api/v1/volunteers/nominations", (c, _, _) => c.GetAsync($"/api/v1/volunteers/nominations?community={VolunteerMatrix.Community}")),

        SignedIn("POST /api/v1/volunteers/associations/{id:int}/members", async (c, w, t) => await VolunteerMatrix.JoinAsync(c, await w.AssociationUnderAsync(t)), expect: 201),
        SignedIn("DELETE /api/v1/volunteers/associations/{id:int}/members/me", async (c, w, t) =>
        {
            var id = await w.AssociationUnderAsync(t);
            await VolunteerMatrix.JoinAsync(c, id);
            return await c.DeleteAsync($"/api/v1/volunteers/associations/{id}/members/me");
        }),
        SignedIn("POST /api/v1/volunteers/activities/{id:int}/signups", async (c, w, t) =>
        {
            var s = await w.ShiftUnderAsync(t);
            await VolunteerMatrix.JoinAsync(c, s.AssociationId);
            return await c.PostAsync($"/api/v1/volunteers/activities/{s.ActivityId}/signups", null);
        }, expect: 201),
        SignedIn("DELETE /api/v1/volunteers/activities/{id:int}/signups/me", async (c, w, t) => await c.DeleteAsync($"/api/v1/volunteers/activities/{(await w.SignedUpAsync(c, t)).ActivityId}/signups/me")),
        SignedIn("POST /api/v1/volunteers/activities/{id:int}/check-in", async (c, w, t) =>
        {
            var s = await w.SignedUpAsync(c, t);
            return await c.PostAsJsonAsync($"/api/v1/volunteers/activities/{s.ActivityId}/check-in", new { code = s.Code });
        }),
        SignedIn("POST /api/v1/volunteers/activities/{id:int}/check-out", async (c, w, t) =>
        {
            var s = await w.SignedUpAsync(c, t);
            await c.PostAsJsonAsync($"/api/v1/volunteers/activities/{s.ActivityId}/check-in", new { code = s.Code });
            return await c.PostAsJsonAsync($"/api/v1/volunteers/activities/{s.ActivityId}/check-out", new { code = s.Code });
        }),
        SignedIn("POST /api/v1/volunteers/nominations", async (c, w, t) =>
        {
            var s = await w.ShiftUnderAsync(t);
            var key = await w.App.WithDbAsync(db => db.VolunteerMemberships.Where(m => m.AssociationId == s.AssociationId).Select(m => m.Id).SingleAsync());
            return await c.PostAsJsonAsync("/api/v1/volunteers/nominations", new { communityCode = (await w.CommunityForAsync(t)).Code, nomineeKey = key, reason = "热心" });
        }, expect: 201),
        SignedIn("POST /api/v1/volunteers/nominations/{id:int}/votes", async (c, w, _) =>
        {
            var n = await w.NominationUnderAsync(await w.PlaceAsync(Web.Features.Demo.DemoAccounts.GridCode));
            await c.PutAsJsonAsync("/api/v1/me/household", new { unitCode = Web.Features.Demo.DemoAccounts.UnitCode, consentVersion = Version });
            return await c.PostAsync($"/api/v1/volunteers/nominations/{n.NominationId}/votes", null);
        }),
        SignedIn("GET /api/v1/me/volunteering", (c, _, _) => c.GetAsync("/api/v1/me/volunteering")),

        Scoped("POST /api/v1/volunteers/associations", Permission.ManageVolunteers, async (c, w, t) => await c.PostAsJsonAsync("/api/v1/volunteers/associations",
            new { communityCode = (await w.CommunityForAsync(t)).Code, name = "新队", type = "environment" }), expect: 201),
        Scoped("PUT /api/v1/volunteers/associations/{id:int}", Permission.ManageVolunteers, async (c, w, t) => await c.PutAsJsonAsync($"/api/v1/volunteers/associations/{await w.AssociationUnderAsync(t)}", new { name = "改名" })),
        Scoped("PUT /api/v1/volunteers/associations/{id:int}/logo", Permission.ManageVolunteers, async (c, w, t) => await c.PutAsync($"/api/v1/volunteers/associations/{await w.AssociationUnderAsync(t)}/logo", VolunteerMatrix.Logo())),
        Scoped("GET /api/v1/volunteers/associations/{id:int}/members", Permission.ManageVolunteers, async (c, w, t) => await c.GetAsync($"/api/v1/volunteers/associations/{await w.AssociationUnderAsync(t)}/members")),
        Scoped("POST /api/v1/volunteers/associations/{id:int}/activities", Permission.ManageVolunteers, async (c, w, t) => await c.PostAsJsonAsync($"/api/v1/volunteers/associations/{await w.AssociationUnderAsync(t)}/activities", VolunteerMatrix.NewShift()), expect: 201),
        Scoped("GET /api/v1/volunteers/activities/{id:int}/attendance", Permission.ManageVolunteers, async (c, w, t) => await c.GetAsync($"/api/v1/volunteers/activities/{(await w.ShiftUnderAsync(t)).ActivityId}/attendance")),
        Scoped("GET /api/v1/volunteers/activities/{id:int}/check-in-code", Permission.ManageVolunteers, async (c, w, t) => await c.GetAsync($"/api/v1/volunteers/activities/{(await w.ShiftUnderAsync(t)).ActivityId}/check-in-code")),
        Scoped("PUT /api/v1/volunteers/activities/{id:int}/signups/{signupId:int}/attendance", Permission.ManageVolunteers, async (c, w, t) =>
        {
            var s = await w.ShiftUnderAsync(t);
            return await c.PutAsJsonAsync($"/api/v1/volunteers/activities/{s.ActivityId}/signups/{s.SignupId}/attendance", new { checkedInAt = DateTimeOffset.UtcNow.AddHours(-3), checkedOutAt = DateTimeOffset.UtcNow.AddHours(-1) });
        }),
        Scoped("POST /api/v1/volunteers/activities/{id:int}/signups/{signupId:int}/hours", Permission.ManageVolunteers, async (c, w, t) =>
        {
            var s = await w.ShiftUnderAsync(t);
            return await c.PostAsJsonAsync($"/api/v1/volunteers/activities/{s.ActivityId}/signups/{s.SignupId}/hours", new { decision = "approve" });
        }),
        Scoped("PUT /api/v1/volunteers/communities/{code}/target", Permission.ManageVolunteers, async (c, w, t) => await c.PutAsJsonAsync($"/api/v1/volunteers/communities/{(await w.CommunityForAsync(t)).Code}/target", new { minimum = 10 })),

        new("POST /api/v1/open311/keys/", Access.Root, Permission.ManageOpen311Keys, (c, w, _) => c.PostAsJsonAsync("/api/v1/open311/keys", new { name = $"matrix-{w.Next()}" })),
        new("GET /api/v1/open311/keys/", Access.Root, Permission.ManageOpen311Keys, (c, _, _) => c.GetAsync("/api/v1/open311/keys")),
        new("DELETE /api/v1/open311/keys/{id:int}", Access.Root, Permission.ManageOpen311Keys, (c, _, _) => c.DeleteAsync("/api/v1/open311/keys/1")),

        .. AntiFraudMatrix.Entries,
        .. PolicingMatrix.Entries,
        .. HazardMatrix.Entries,
        .. MediationMatrix.Entries,
        .. SafetyTipsMatrix.Entries,
        .. SurveysMatrix.Entries,
        .. FeedbackMatrix.Entries,
        .. FollowUpsMatrix.Entries,
        .. NotificationsMatrix.Entries,
        .. CampaignsMatrix.Entries,
        .. DashboardsMatrix.Entries,
        .. CareMatrix.Entries,
        .. ChannelsMatrix.Entries,
        .. ExportsMatrix.Entries,
        Public("GET /api/v1/partners/directory", (c, _, _) => c.GetAsync($"/api/v1/partners/directory?community={Web.Features.Demo.DemoAccounts.CommunityCode}")),
        Public("GET /api/v1/partners/calendar", (c, _, _) => c.GetAsync($"/api/v1/partners/calendar?community={Web.Features.Demo.DemoAccounts.CommunityCode}&month=2026-05")),
        Public("GET /api/v1/partners/calendar.ics", (c, _, _) => c.GetAsync($"/api/v1/partners/calendar.ics?community={Web.Features.Demo.DemoAccounts.CommunityCode}")),
        Public("GET /api/v1/partners/{id:int}/public", async (c, w, t) => await c.GetAsync($"/api/v1/partners/{await w.PartnerServingAsync(t)}/public")),
        Public("GET /api/v1/partners/agreements", (c, _, _) => c.GetAsync("/api/v1/partners/agreements")),
        SignedIn("POST /api/v1/partners/offers/{offerId:int}/signups", async (c, w, t) => await c.PostAsync($"/api/v1/partners/offers/{await w.OfferAtAsync(t)}/signups", null)),
        SignedIn("DELETE /api/v1/partners/offers/{offerId:int}/signups", async (c, w, t) => await w.OfferAtAsync(t) is var id && (await c.PostAsync($"/api/v1/partners/offers/{id}/signups", null)) is not null
            ? await c.DeleteAsync($"/api/v1/partners/offers/{id}/signups") : null!),
        SignedIn("POST /api/v1/partners/offers/{offerId:int}/ratings", async (c, w, t) => await c.PostAsJsonAsync($"/api/v1/partners/offers/{await w.OfferAtAsync(t, isEvent: false)}/ratings", new { stars = 4 })),
        RoleOnly("GET /api/v1/partners/", Permission.ManagePartners, (c, _, _) => c.GetAsync("/api/v1/partners")),
        Scoped("POST /api/v1/partners/", Permission.ManagePartners, (c, w, t) => c.PostAsJsonAsync("/api/v1/partners", new { name = $"新合伙人 {w.Next()}", type = "Commercial", areaCodes = new[] { t.Code } }), expect: 201),
        Scoped("GET /api/v1/partners/{id:int}", Permission.ManagePartners, async (c, w, t) => await c.GetAsync($"/api/v1/partners/{await w.PartnerServingAsync(t)}")),
        Scoped("PUT /api/v1/partners/{id:int}", Permission.ManagePartners, async (c, w, t) => await c.PutAsJsonAsync($"/api/v1/partners/{await w.PartnerServingAsync(t)}", new { name = "改名", type = "Property", areaCodes = new[] { t.Code } })),
        Scoped("POST /api/v1/partners/{id:int}/suspend", Permission.ManagePartners, async (c, w, t) => await c.PostAsJsonAsync($"/api/v1/partners/{await w.PartnerServingAsync(t)}/suspend", new { reason = "投诉核实" })),
        Scoped("POST /api/v1/partners/{id:int}/reinstate", Permission.ManagePartners, async (c, w, t) => await c.PostAsync($"/api/v1/partners/{await w.PartnerServingAsync(t, suspended: true)}/reinstate", null)),
        Scoped("POST /api/v1/partners/{id:int}/signatures", Permission.ManagePartners, async (c, w, t) => await c.PostAsJsonAsync($"/api/v1/partners/{await w.PartnerServingAsync(t)}/signatures",
            new { version = 1, signedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)), signedBy = "负责人" })),
        new("POST /api/v1/partners/agreements", Access.Root, Permission.ManagePartners, (c, w, _) => c.PostAsJsonAsync("/api/v1/partners/agreements", new { text = $"协议 {w.Next()}" })),
        Scoped("POST /api/v1/partners/{id:int}/offers", Permission.ManagePartners, async (c, w, t) => await c.PostAsJsonAsync($"/api/v1/partners/{await w.PartnerServingAsync(t)}/offers", new { kind = "LegalAdvice", title = "法律咨询" }), expect: 201),
        Scoped("PUT /api/v1/partners/offers/{offerId:int}", Permission.ManagePartners, async (c, w, t) => await c.PutAsJsonAsync($"/api/v1/partners/offers/{await w.OfferAtAsync(t, isEvent: false)}", new { kind = "Venue", title = "活动场地" })),
        Scoped("POST /api/v1/partners/{id:int}/scores", Permission.ManagePartners, async (c, w, t) => await c.PostAsJsonAsync($"/api/v1/partners/{await w.PartnerServingAsync(t)}/scores", new { year = DateTime.UtcNow.Year - 1, score = 90 })),
        Scoped("GET /api/v1/partners/{id:int}/evaluation", Permission.ManagePartners, async (c, w, t) => await c.GetAsync($"/api/v1/partners/{await w.PartnerServingAsync(t)}/evaluation")),

        RoleOnly("GET /api/v1/negotiations/", Permission.ManageNegotiations, (c, _, _) => c.GetAsync("/api/v1/negotiations")),
        Scoped("POST /api/v1/negotiations/", Permission.ManageNegotiations, (c, _, t) => c.PostAsJsonAsync("/api/v1/negotiations",
            new { nodeCode = t.Code, title = "道路协商", parties = new object[] { new { groupName = "市场" }, new { groupName = "小区" } } }), expect: 201),
        Scoped("GET /api/v1/negotiations/{id:int}", Permission.ManageNegotiations, async (c, w, t) => await c.GetAsync($"/api/v1/negotiations/{(await w.NegotiationAtAsync(t)).Id}")),
        Scoped("POST /api/v1/negotiations/{id:int}/parties", Permission.ManageNegotiations, async (c, w, t) => await c.PostAsJsonAsync($"/api/v1/negotiations/{(await w.NegotiationAtAsync(t)).Id}/parties", new { groupName = "物业" })),
        Scoped("POST /api/v1/negotiations/{id:int}/meetings", Permission.ManageNegotiations, async (c, w, t) => await c.PostAsJsonAsync($"/api/v1/negotiations/{(await w.NegotiationAtAsync(t)).Id}/meetings",
            new { heldAt = DateTimeOffset.UtcNow.AddHours(-2), minutes = "各方陈述" })),
        Scoped("POST /api/v1/negotiations/{id:int}/proposals", Permission.ManageNegotiations, async (c, w, t) => await c.PostAsJsonAsync($"/api/v1/negotiations/{(await w.NegotiationAtAsync(t)).Id}/proposals", new { title = "方案二", text = "分时段" })),
        Scoped("PUT /api/v1/negotiations/{id:int}/proposals/{proposalId:int}/positions/{partyId:int}", Permission.ManageNegotiations, async (c, w, t) => await w.NegotiationAtAsync(t) is var n
            ? await c.PutAsJsonAsync($"/api/v1/negotiations/{n.Id}/proposals/{n.ProposalId}/positions/{n.FirstPartyId}", new { position = "Support" }) : null!),
        Scoped("POST /api/v1/negotiations/{id:int}/agreement", Permission.ManageNegotiations, async (c, w, t) => await w.NegotiationAtAsync(t) is var n
            ? await c.PostAsJsonAsync($"/api/v1/negotiations/{n.Id}/agreement", new { text = "协议", signedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), partyIds = new[] { n.FirstPartyId, n.SecondPartyId } }) : null!),
        Scoped("POST /api/v1/negotiations/{id:int}/tasks", Permission.ManageNegotiations, async (c, w, t) => await c.PostAsJsonAsync($"/api/v1/negotiations/{(await w.NegotiationAtAsync(t, agreed: true)).Id}/tasks",
            new { category = "other", description = "划定活动区域标线", buildingCode = await w.BuildingAtAsync(t) })),
    ];

    private static MatrixEntry Public(string endpoint, Call call, int? expect = null) => new(endpoint, Access.Public, null, Expect(call, expect));

    private static MatrixEntry SignedIn(string endpoint, Call call, int? expect = null) => new(endpoint, Access.SignedIn, null, Expect(call, expect));

    private static MatrixEntry Scoped(string endpoint, Permission permission, Call call, int? expect = null) => new(endpoint, Access.Scoped, permission, Expect(call, expect));

    private static MatrixEntry RoleOnly(string endpoint, Permission permission, Call call) => new(endpoint, Access.RoleOnly, permission, call);

    /// <summary>Where an allowed call does not answer 2xx (e.g. a deliberately wrong code), the status it must answer instead.</summary>
    private static Call Expect(Call call, int? status) => status is null ? call : async (c, w, t) =>
    {
        var response = await call(c, w, t);
        response.Headers.Add("X-Matrix-Expected", status.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    };
}
