using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Volunteers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.Integration.Volunteers.VolunteerWorld;

namespace Linli.Tests.Integration.Volunteers;

public sealed class ShiftTests
{
    [Theory, BothDatabases]
    public async Task A_full_shift_refuses_the_next_volunteer_with_a_clear_error(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var patrol = await AssociationIdAsync(app);
        var worker = await app.SignedInAsync("worker");
        var activity = await CreateActivityAsync(worker, patrol, Patrol(DateTimeOffset.UtcNow.AddDays(1), capacity: 1));
        var (first, _) = await ResidentAsync(app, "v-first");
        var (second, _) = await ResidentAsync(app, "v-second");
        await JoinAsync(first, patrol);

        var notMember = await second.PostAsync($"/api/v1/volunteers/activities/{activity}/signups", null);
        Assert.Equal(HttpStatusCode.Forbidden, notMember.StatusCode);
        await JoinAsync(second, patrol);

        Assert.Equal(HttpStatusCode.Created, (await first.PostAsync($"/api/v1/volunteers/activities/{activity}/signups", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await first.PostAsync($"/api/v1/volunteers/activities/{activity}/signups", null)).StatusCode);
        var full = await second.PostAsync($"/api/v1/volunteers/activities/{activity}/signups", null);
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        Assert.Contains("full", (await ErrorsAsync(full)).GetProperty("activity")[0].GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.ShiftSignups.CountAsync(s => s.ActivityId == activity)));

        // Giving the place back frees it for the next volunteer.
        Assert.Equal(HttpStatusCode.NoContent, (await first.DeleteAsync($"/api/v1/volunteers/activities/{activity}/signups/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await second.PostAsync($"/api/v1/volunteers/activities/{activity}/signups", null)).StatusCode);
        var detail = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/activities/{activity}");
        Assert.Equal(1, detail.GetProperty("signedUp").GetInt32());
        Assert.Equal("LineString", detail.GetProperty("route").GetProperty("type").GetString());
    }

    [Theory, BothDatabases]
    public async Task Hours_come_from_check_in_and_out_and_a_declined_record_is_kept(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var app = await LinliApp.StartAsync(kind, services: s => s.AddSingleton<TimeProvider>(clock));
        var patrol = await AssociationIdAsync(app);
        var worker = await app.SignedInAsync("worker");
        var activity = await CreateActivityAsync(worker, patrol, Patrol(clock.GetUtcNow().AddMinutes(10)));
        var (volunteer, _) = await ResidentAsync(app, "v-hours");
        await JoinAsync(volunteer, patrol);
        await volunteer.PostAsync($"/api/v1/volunteers/activities/{activity}/signups", null);
        var code = await CheckInCodeAsync(app, activity);

        var wrong = await volunteer.PostAsJsonAsync($"/api/v1/volunteers/activities/{activity}/check-in", new { code = "0000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await ErrorsAsync(wrong)).TryGetProperty("code", out _));
        Assert.Equal(HttpStatusCode.Conflict, (await volunteer.PostAsJsonAsync($"/api/v1/volunteers/activities/{activity}/check-out", new { code })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await volunteer.PostAsJsonAsync($"/api/v1/volunteers/activities/{activity}/check-in", new { code })).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(95));
        var out_ = await volunteer.PostAsJsonAsync($"/api/v1/volunteers/activities/{activity}/check-out", new { code });
        Assert.Equal(95, (await out_.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("minutes").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await volunteer.DeleteAsync($"/api/v1/volunteers/activities/{activity}/signups/me")).StatusCode);

        var signup = (await worker.GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/activities/{activity}/attendance"))[0].GetProperty("signupId").GetInt32();
        var hours = $"/api/v1/volunteers/activities/{activity}/signups/{signup}/hours";
        var noReason = await worker.PostAsJsonAsync(hours, new { decision = "decline" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await ErrorsAsync(noReason)).TryGetProperty("reason", out _));
        Assert.True((await ErrorsAsync(await worker.PostAsJsonAsync(hours, new { decision = "maybe" }))).TryGetProperty("decision", out _));

        Assert.Equal(HttpStatusCode.NoContent, (await worker.PostAsJsonAsync(hours, new { decision = "decline", reason = "没有按路线巡逻" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync(hours, new { decision = "approve" })).StatusCode);
        var row = (await worker.GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/activities/{activity}/attendance"))[0];
        Assert.Equal("Declined", row.GetProperty("decision").GetString());
        Assert.Equal(95, row.GetProperty("minutes").GetInt32());
        var mine = await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/me/volunteering");
        Assert.Equal(0, mine.GetProperty("approvedHours").GetDouble());
        Assert.Equal("Declined", mine.GetProperty("signups")[0].GetProperty("decision").GetString());
    }

    [Theory, BothDatabases]
    public async Task The_leader_marks_attendance_and_approved_hours_earn_badges(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var app = await LinliApp.StartAsync(kind, services: s => s.AddSingleton<TimeProvider>(clock));
        var patrol = await AssociationIdAsync(app);
        var worker = await app.SignedInAsync("worker");
        var start = clock.GetUtcNow().AddMinutes(5);
        var activity = await CreateActivityAsync(worker, patrol, Patrol(start, hours: 12));
        var (volunteer, _) = await ResidentAsync(app, "v-badge");
        await JoinAsync(volunteer, patrol);
        await volunteer.PostAsync($"/api/v1/volunteers/activities/{activity}/signups", null);
        var signup = (await worker.GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/activities/{activity}/attendance"))[0].GetProperty("signupId").GetInt32();
        var attendance = $"/api/v1/volunteers/activities/{activity}/signups/{signup}/attendance";

        var inAdvance = await worker.PutAsJsonAsync(attendance, new { checkedInAt = start, checkedOutAt = start.AddHours(11) });
        Assert.Equal(HttpStatusCode.BadRequest, inAdvance.StatusCode);
        clock.Advance(TimeSpan.FromHours(12));
        (volunteer, worker) = (await app.SignedInAsync("v-badge", password: Password), await app.SignedInAsync("worker"));
        var backwards = await worker.PutAsJsonAsync(attendance, new { checkedInAt = start, checkedOutAt = start.AddHours(-1) });
        Assert.True((await ErrorsAsync(backwards)).TryGetProperty("checkedOutAt", out _));

        Assert.Equal(HttpStatusCode.NoContent, (await worker.PutAsJsonAsync(attendance, new { checkedInAt = start, checkedOutAt = start.AddHours(11) })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await worker.PostAsJsonAsync($"/api/v1/volunteers/activities/{activity}/signups/{signup}/hours", new { decision = "approve" })).StatusCode);

        var mine = await volunteer.GetFromJsonAsync<JsonElement>("/api/v1/me/volunteering");
        Assert.Equal(11, mine.GetProperty("approvedHours").GetDouble());
        var badges = mine.GetProperty("badges").EnumerateArray().Select(b => (b.GetProperty("hours").GetInt32(), b.GetProperty("earned").GetBoolean())).ToList();
        Assert.Equal([(10, true), (50, false), (100, false), (500, false)], badges);
        Assert.True((await worker.GetFromJsonAsync<JsonElement>($"/api/v1/volunteers/activities/{activity}/attendance"))[0].GetProperty("markedByLeader").GetBoolean());
    }

    [Theory, BothDatabases]
    public async Task A_shift_needs_valid_times_capacity_and_a_patrol_its_route(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var patrol = await AssociationIdAsync(app);
        var worker = await app.SignedInAsync("worker");
        var at = DateTimeOffset.UtcNow.AddDays(1);
        var point = new { type = "Point", coordinates = new[] { 106.5, 29.5 } };
        var before = await CountAsync<VolunteerActivity>(app);

        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { kind = "patrol", title = "巡逻", startsAt = at, endsAt = at.AddHours(2), capacity = 3 }, "route"),
            (new { kind = "patrol", title = "巡逻", startsAt = at, endsAt = at.AddHours(2), capacity = 3, route = point }, "route"),
            (new { kind = "patrol", title = "巡逻", startsAt = at, endsAt = at.AddHours(2), capacity = 3, route = new { type = "LineString", coordinates = new[] { new[] { 300.0, 29.5 }, new[] { 106.5, 29.6 } } } }, "route"),
            (new { kind = "eventDuty", title = "执勤", startsAt = at, endsAt = at.AddHours(-1), capacity = 3 }, "endsAt"),
            (new { kind = "eventDuty", title = "执勤", startsAt = at, endsAt = at.AddHours(1), capacity = 0 }, "capacity"),
            (new { kind = "dance", title = "执勤", startsAt = at, endsAt = at.AddHours(1), capacity = 3 }, "kind"),
            (new { kind = "elderVisit", title = "", startsAt = at, endsAt = at.AddHours(1), capacity = 3 }, "title"),
        })
        {
            var response = await worker.PostAsJsonAsync($"/api/v1/volunteers/associations/{patrol}/activities", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await ErrorsAsync(response)).TryGetProperty(field, out _), $"{field}: {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(before, await CountAsync<VolunteerActivity>(app));
    }

    [Theory, BothDatabases]
    public async Task The_leader_shows_a_qr_code_that_opens_the_check_in_page(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var patrol = await AssociationIdAsync(app);
        var activity = await app.WithDbAsync(db => db.VolunteerActivities.Where(a => a.AssociationId == patrol).Select(a => a.Id).FirstAsync());
        var worker = await app.SignedInAsync("worker");

        var response = await worker.GetAsync($"/api/v1/volunteers/activities/{activity}/check-in-code");
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", (await response.Content.ReadAsStringAsync()).TrimStart()[..4]);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("resident")).GetAsync($"/api/v1/volunteers/activities/{activity}/check-in-code")).StatusCode);
    }
}
