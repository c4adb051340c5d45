using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Audit;
using Linli.Web.Features.People;
using Linli.Web.Features.Volunteers;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Integration.Volunteers.VolunteerWorld;

namespace Linli.Tests.Integration.Volunteers;

public sealed class MembershipTests
{
    [Theory, BothDatabases]
    public async Task Joining_needs_the_current_consent_and_leaving_takes_the_volunteer_off_the_roster(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var patrol = await AssociationIdAsync(app);
        var (volunteer, volunteerId) = await ResidentAsync(app, "v-join");
        var worker = await app.SignedInAsync("worker");
        var consentsBefore = await CountAsync<ConsentRecord>(app);

        var refused = await JoinAsync(volunteer, patrol, version: "2020-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await ErrorsAsync(refused)).TryGetProperty("consentVersion", out _));
        Assert.Equal(consentsBefore, await CountAsync<ConsentRecord>(app));

        Assert.Equal(HttpStatusCode.Created, (await JoinAsync(volunteer, patrol)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await JoinAsync(volunteer, patrol)).StatusCode);
        var roster = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/associations/{patrol}/members");
        var entry = roster.EnumerateArray().Single(r => r.GetProperty("userId").GetGuid() == volunteerId);
        Assert.Equal("急救", entry.GetProperty("skills").GetString());
        Assert.Equal("v-join@example.org", entry.GetProperty("email").GetString());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.SubjectUserId == volunteerId && e.RecordType == "VolunteerMembership" && e.Action == AuditAction.Read)));

        Assert.Equal(HttpStatusCode.NoContent, (await volunteer.DeleteAsync($"/api/v1/volunteers/associations/{patrol}/members/me")).StatusCode);
        roster = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/associations/{patrol}/members");
        Assert.DoesNotContain(roster.EnumerateArray(), r => r.GetProperty("userId").GetGuid() == volunteerId);
        var consent = Assert.Single((await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/me/consents")).EnumerateArray());
        Assert.Equal(Consents.Volunteering, consent.GetProperty("purpose").GetString());
        Assert.NotEqual(JsonValueKind.Null, consent.GetProperty("withdrawnAt").ValueKind);
    }

    [Theory, BothDatabases]
    public async Task Police_never_see_rosters_or_attendance_even_in_their_own_community(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, Waiver);
        var patrol = await AssociationIdAsync(app);
        var activity = await app.WithDbAsync(db => db.VolunteerActivities.Where(a => a.AssociationId == patrol).Select(a => a.Id).FirstAsync());
        var police = await app.SignedInAsync("police");

        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"/api/v1/volunteers/associations/{patrol}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"/api/v1/volunteers/activities/{activity}/attendance")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync("worker")).GetAsync($"/api/v1/volunteers/associations/{patrol}/members")).StatusCode);

        // A leader who also holds a police role is refused too: the roster never reaches a policing view.
        var officerId = await app.WithDbAsync(db => db.RoleAssignments.Where(r => r.Role == StaffRole.CommunityPolice && r.User!.UserName == "police").Select(r => r.UserId).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            var consent = new ConsentRecord { UserId = officerId, Purpose = Consents.Volunteering, TextVersion = Consents.VolunteeringText.Version, GivenAt = DateTimeOffset.UtcNow };
            db.Consents.Add(consent);
            await db.SaveChangesAsync();
            db.VolunteerMemberships.Add(new VolunteerMembership { AssociationId = patrol, UserId = officerId, ConsentId = consent.Id, JoinedAt = DateTimeOffset.UtcNow });
            await db.VolunteerAssociations.Where(a => a.Id == patrol).ExecuteUpdateAsync(u => u.SetProperty(a => a.LeaderUserId, officerId));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"/api/v1/volunteers/associations/{patrol}/members")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Staff_name_a_member_as_leader_who_then_plans_shifts_but_cannot_change_the_status(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var mediation = await AssociationIdAsync(app, Web.Features.Demo.DemoVolunteers.MediationName);
        var (leader, leaderId) = await ResidentAsync(app, "v-leader");
        var worker = await app.SignedInAsync("worker");

        var notMember = await worker.PutAsJsonAsync($"/api/v1/volunteers/associations/{mediation}", new { leaderUserId = leaderId });
        Assert.Equal(HttpStatusCode.BadRequest, notMember.StatusCode);
        Assert.True((await ErrorsAsync(notMember)).TryGetProperty("leaderUserId", out _));

        await JoinAsync(leader, mediation);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync($"/api/v1/volunteers/associations/{mediation}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await worker.PutAsJsonAsync($"/api/v1/volunteers/associations/{mediation}", new { leaderUserId = leaderId })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/api/v1/volunteers/associations/{mediation}/members")).StatusCode);
        await CreateActivityAsync(leader, mediation, Patrol(DateTimeOffset.UtcNow.AddDays(1)));
        Assert.Equal(HttpStatusCode.NoContent, (await leader.PutAsJsonAsync($"/api/v1/volunteers/associations/{mediation}", new { motto = "和为贵" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PutAsJsonAsync($"/api/v1/volunteers/associations/{mediation}", new { status = "dissolved" })).StatusCode);
        Assert.Equal("和为贵", (await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/associations/{mediation}")).GetProperty("motto").GetString());
    }

    [Theory, BothDatabases]
    public async Task Bad_association_input_is_refused_by_field_and_nothing_is_stored(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var worker = await app.SignedInAsync("worker");
        var before = await CountAsync<VolunteerAssociation>(app);
        var community = Web.Features.Demo.DemoAccounts.CommunityCode;

        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { communityCode = community, name = "队", type = "knitting" }, "type"),
            (new { communityCode = community, name = " ", type = "patrol" }, "name"),
            (new { communityCode = community, name = new string('长', 101), type = "patrol" }, "name"),
            (new { communityCode = Web.Features.Demo.DemoAccounts.GridCode, name = "队", type = "patrol" }, "communityCode"),
            (new { communityCode = community, name = "队", type = "patrol", motto = new string('口', 201) }, "motto"),
        })
        {
            var response = await worker.PostAsJsonAsync("/api/v1/volunteers/associations", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await ErrorsAsync(response)).TryGetProperty(field, out _), field);
        }

        Assert.Equal(before, await CountAsync<VolunteerAssociation>(app));
        var created = await worker.PostAsJsonAsync("/api/v1/volunteers/associations", new { communityCode = community, name = "新队", type = "culture", motto = "唱起来" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // The logo is re-encoded; what is not an image is refused.
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var notImage = new MultipartFormDataContent { { new ByteArrayContent("hello"u8.ToArray()), "logo", "logo.png" } };
        var refused = await worker.PutAsync($"/api/v1/volunteers/associations/{id}/logo", notImage);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using var image = new MultipartFormDataContent { { new ByteArrayContent(TestImages.JpegWithGpsExif(64, 48)), "logo", "logo.jpg" } };
        Assert.Equal(HttpStatusCode.NoContent, (await worker.PutAsync($"/api/v1/volunteers/associations/{id}/logo", image)).StatusCode);
        var logo = await app.Anonymous().GetByteArrayAsync($"/api/v1/volunteers/associations/{id}/logo");
        Assert.True(TestImages.ContainsExif(TestImages.JpegWithGpsExif(64, 48)));
        Assert.False(TestImages.ContainsExif(logo));
    }
}
