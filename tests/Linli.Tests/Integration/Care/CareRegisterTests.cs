using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Audit;
using Linli.Web.Features.Campaigns;
using Linli.Web.Features.Care;
using Linli.Web.Features.Demo;
using Linli.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.Integration.Care.CareWorld;

namespace Linli.Tests.Integration.Care;

public sealed class CareRegisterTests
{
    [Theory, BothDatabases]
    public async Task Consent_is_recorded_and_withdrawing_it_deletes_the_entry_and_its_help_requests_at_once(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var (resident, residentId) = await ResidentAsync(app, "care-consent");
        var entriesBefore = await app.WithDbAsync(db => db.CareEntries.CountAsync());

        var refused = await resident.PostAsJsonAsync("/api/v1/care/mine", Registration(version: "2020-01-01", need: "sleepy"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = await ErrorsAsync(refused);
        Assert.True(errors.TryGetProperty("consentVersion", out _));
        Assert.True(errors.TryGetProperty("need", out _));
        Assert.Equal(entriesBefore, await app.WithDbAsync(db => db.CareEntries.CountAsync()));
        Assert.False(await app.WithDbAsync(db => db.Consents.AnyAsync(c => c.UserId == residentId && c.Purpose == Consents.CareRegister)));

        var id = await IdOfAsync(await resident.PostAsJsonAsync("/api/v1/care/mine", Registration(note: "<b>耳背</b>，请大声敲门")));
        var mine = await resident.GetFromJsonAsync<JsonElement>("/api/v1/care/mine");
        var entry = Assert.Single(mine.GetProperty("entries").EnumerateArray());
        Assert.Equal("耳背，请大声敲门", entry.GetProperty("note").GetString());
        Assert.Equal("+8613800138555", entry.GetProperty("contact").GetString());
        Assert.Equal("ElderlyLivingAlone", entry.GetProperty("need").GetString());
        Assert.True(entry.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMonths(3).AddDays(-1));
        var consent = (await resident.GetFromJsonAsync<JsonElement>("/api/v1/me/consents")).EnumerateArray().Single(c => c.GetProperty("purpose").GetString() == Consents.CareRegister);
        Assert.Equal(Consents.CareRegisterText.Version, consent.GetProperty("version").GetString());
        Assert.Equal(JsonValueKind.Null, consent.GetProperty("withdrawnAt").ValueKind);

        await IdOfAsync(await resident.PostAsJsonAsync($"/api/v1/care/mine/{id}/help-requests", new { kind = "medicine", note = "降压药" }));
        Assert.Equal(HttpStatusCode.NoContent, (await resident.DeleteAsync($"/api/v1/care/mine/{id}")).StatusCode);

        Assert.False(await app.WithDbAsync(db => db.CareEntries.AnyAsync(e => e.Id == id)));
        Assert.False(await app.WithDbAsync(db => db.HelpRequests.AnyAsync(h => h.EntryId == id)));
        consent = (await resident.GetFromJsonAsync<JsonElement>("/api/v1/me/consents")).EnumerateArray().Single(c => c.GetProperty("purpose").GetString() == Consents.CareRegister);
        Assert.NotEqual(JsonValueKind.Null, consent.GetProperty("withdrawnAt").ValueKind);
        Assert.Empty((await resident.GetFromJsonAsync<JsonElement>("/api/v1/care/mine")).GetProperty("entries").EnumerateArray());
    }

    [Theory, BothDatabases]
    public async Task A_worker_registers_with_oral_consent_and_every_staff_read_is_audited_while_police_are_refused(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, Waiver);
        var worker = await app.SignedInAsync("worker");

        var refused = await worker.PostAsJsonAsync("/api/v1/care/entries", Registration(unitCode: DemoAccounts.UnitCode));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await ErrorsAsync(refused)).TryGetProperty("consentGivenOrally", out _));

        var id = await IdOfAsync(await worker.PostAsJsonAsync("/api/v1/care/entries", Registration(unitCode: DemoAccounts.UnitCode, oral: true)));
        var workerId = await UserIdAsync(app, "worker");
        var stored = await app.WithDbAsync(db => db.CareEntries.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.True(stored.ConsentGivenOrally);
        Assert.Equal(workerId, stored.RegisteredBy);
        Assert.Equal(Consents.CareRegisterText.Version, stored.ConsentVersion);

        var register = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/care/entries?node={DemoAccounts.CommunityCode}");
        Assert.Contains(register.EnumerateArray(), e => e.GetProperty("id").GetInt64() == id);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ActorUserId == workerId && a.RecordType == "CareEntry" && a.RecordId == id.ToString() && a.Action == AuditAction.Read)));

        var police = await app.SignedInAsync("police");
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"/api/v1/care/entries?node={DemoAccounts.CommunityCode}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync("/api/v1/care/entries")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.PostAsJsonAsync("/api/v1/care/entries", Registration(unitCode: DemoAccounts.UnitCode, oral: true))).StatusCode);
        var field = await police.GetFromJsonAsync<JsonElement>("/api/v1/care/field");
        Assert.Empty(field.GetProperty("entries").EnumerateArray());
        Assert.Empty(field.GetProperty("tasks").EnumerateArray());

        // The table itself: no police role holds any care permission.
        Assert.False(Web.Infrastructure.Auth.RolePermissions.Allows(StaffRole.CommunityPolice, Web.Infrastructure.Auth.Permission.ManageCareRegister));
        Assert.False(Web.Infrastructure.Auth.RolePermissions.Allows(StaffRole.CommunityPolice, Web.Infrastructure.Auth.Permission.DoCampaignTasks));
    }

    [Theory, BothDatabases]
    public async Task A_chief_sees_the_entries_of_their_unit_only_while_an_open_task_needs_them_in_an_active_campaign(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var own = await RegisterByWorkerAsync(app, DemoAccounts.UnitCode);
        var sibling = await RegisterByWorkerAsync(app, SiblingUnitCode);
        var chief = await app.SignedInAsync("unitchief");
        var chiefId = await UserIdAsync(app, "unitchief");

        async Task<List<long>> VisibleAsync(HttpClient client) =>
            [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/care/field")).GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetInt64())];

        // The demo street runs a screening campaign whose open tasks would open the register; this test sets its own.
        await app.WithDbAsync(db => db.Campaigns.ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Ended).SetProperty(c => c.EndedAt, DateTimeOffset.UtcNow)));
        Assert.Empty(await VisibleAsync(chief));
        Assert.Equal(HttpStatusCode.Forbidden, (await chief.GetAsync($"/api/v1/care/entries?node={DemoAccounts.UnitCode}")).StatusCode);

        // A task that does not need the register opens nothing.
        var (disinfection, _) = await CampaignAsync(app, CampaignTaskKind.DisinfectCommonAreas, DemoAccounts.UnitCode);
        Assert.Empty(await VisibleAsync(chief));

        var (campaignId, tasks) = await CampaignAsync(app, CampaignTaskKind.CheckVulnerable, DemoAccounts.UnitCode, SiblingUnitCode);
        var visible = await VisibleAsync(chief);
        Assert.Contains(own, visible);
        Assert.DoesNotContain(sibling, visible);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ActorUserId == chiefId && a.RecordType == "CareEntry" && a.RecordId == own.ToString() && a.Action == AuditAction.Read)));

        // The grid chief holds both units.
        var gridVisible = await VisibleAsync(await app.SignedInAsync("gridchief"));
        Assert.Contains(own, gridVisible);
        Assert.Contains(sibling, gridVisible);

        // Done: closed again.
        await app.WithDbAsync(db => db.CampaignTasks.Where(t => t.Id == tasks[0]).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, CampaignTaskStatus.Done)));
        Assert.DoesNotContain(own, await VisibleAsync(chief));

        // Open again, but the campaign ended: closed.
        await app.WithDbAsync(db => db.CampaignTasks.Where(t => t.Id == tasks[0]).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, CampaignTaskStatus.Open)));
        Assert.Contains(own, await VisibleAsync(chief));
        await app.WithDbAsync(db => db.Campaigns.Where(c => c.Id == campaignId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Ended).SetProperty(c => c.EndedAt, DateTimeOffset.UtcNow)));
        Assert.DoesNotContain(own, await VisibleAsync(chief));
        Assert.NotEqual(0, disinfection);
    }

    [Theory, BothDatabases]
    public async Task A_help_request_goes_to_the_unit_chief_who_delivers_and_the_household_confirms_once(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var (resident, _) = await ResidentAsync(app, "care-help");
        var entry = await IdOfAsync(await resident.PostAsJsonAsync("/api/v1/care/mine", Registration(need: "quarantined")));
        var help = await IdOfAsync(await resident.PostAsJsonAsync($"/api/v1/care/mine/{entry}/help-requests", new { kind = "provisions", note = "米和油" }));
        var chiefId = await UserIdAsync(app, "unitchief");

        Assert.Equal(chiefId, await app.WithDbAsync(db => db.HelpRequests.Where(h => h.Id == help).Select(h => h.AssigneeUserId).SingleAsync()));
        var told = await app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.UserId == chiefId).OrderByDescending(m => m.Id).FirstAsync());
        Assert.Equal("/work/care", told.Link);
        Assert.DoesNotContain("隔离", told.Body);
        Assert.DoesNotContain("uarantin", told.Body);

        var chief = await app.SignedInAsync("unitchief");
        var task = (await chief.GetFromJsonAsync<JsonElement>("/api/v1/care/field")).GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetInt64() == help);
        Assert.Equal("+8613800138555", task.GetProperty("contact").GetString());
        Assert.False(task.TryGetProperty("need", out _));
        Assert.Equal("Open", task.GetProperty("status").GetString());

        // The resident cannot mark their own help delivered, nor confirm what was not delivered yet.
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PostAsync($"/api/v1/care/help-requests/{help}/delivered", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await resident.PostAsync($"/api/v1/care/mine/help-requests/{help}/confirm", null)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await chief.PostAsync($"/api/v1/care/help-requests/{help}/delivered", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await chief.PostAsync($"/api/v1/care/help-requests/{help}/delivered", null)).StatusCode);
        task = (await chief.GetFromJsonAsync<JsonElement>("/api/v1/care/field")).GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetInt64() == help);
        Assert.Equal("AwaitingConfirmation", task.GetProperty("status").GetString());

        var link = await app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Recipient == "+8613800138555" && m.Link != null && m.Link.StartsWith("/care/confirm/")).Select(m => m.Link!).SingleAsync());
        var page = await app.Anonymous().GetStringAsync(link);
        Assert.Contains("confirm-delivery", page);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/care/confirm/forged.token")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await resident.PostAsync($"/api/v1/care/mine/help-requests/{help}/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await resident.PostAsync($"/api/v1/care/mine/help-requests/{help}/confirm", null)).StatusCode);
        var mine = await resident.GetFromJsonAsync<JsonElement>("/api/v1/care/mine");
        Assert.Equal("Confirmed", mine.GetProperty("helpRequests").EnumerateArray().Single().GetProperty("status").GetString());
        Assert.DoesNotContain((await chief.GetFromJsonAsync<JsonElement>("/api/v1/care/field")).GetProperty("tasks").EnumerateArray(), t => t.GetProperty("id").GetInt64() == help);
        page = await app.Anonymous().GetStringAsync(link);
        Assert.Contains("id=\"confirmed\"", page);
        Assert.DoesNotContain("confirm-delivery", page);
    }

    [Theory, BothDatabases]
    public async Task The_expiry_job_deletes_expired_entries_and_their_help_and_reminds_a_week_ahead(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var expired = await RegisterByWorkerAsync(app, DemoAccounts.UnitCode);
        var soon = await RegisterByWorkerAsync(app, DemoAccounts.UnitCode);
        var fresh = await RegisterByWorkerAsync(app, DemoAccounts.UnitCode);
        var (campaignId, _) = await CampaignAsync(app, CampaignTaskKind.CheckVulnerable, DemoAccounts.UnitCode);
        var withCampaign = await RegisterByWorkerAsync(app, SiblingUnitCode);
        var worker = await app.SignedInAsync("worker");
        await IdOfAsync(await worker.PostAsJsonAsync($"/api/v1/care/entries/{expired}/help-requests", new { kind = "ride" }));
        await app.WithDbAsync(async db =>
        {
            await db.CareEntries.Where(e => e.Id == expired).ExecuteUpdateAsync(s => s.SetProperty(e => e.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
            await db.CareEntries.Where(e => e.Id == soon).ExecuteUpdateAsync(s => s.SetProperty(e => e.ExpiresAt, DateTimeOffset.UtcNow.AddDays(3)));
            await db.CareEntries.Where(e => e.Id == withCampaign).ExecuteUpdateAsync(s => s.SetProperty(e => e.CampaignId, campaignId).SetProperty(e => e.ExpiresAt, (DateTimeOffset?)null));
            return await db.Campaigns.Where(c => c.Id == campaignId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Ended));
        });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<CareExpiry>().ExpireAsync());
        }

        var left = await app.WithDbAsync(db => db.CareEntries.Select(e => e.Id).ToListAsync());
        Assert.DoesNotContain(expired, left);
        Assert.DoesNotContain(withCampaign, left);
        Assert.Contains(soon, left);
        Assert.Contains(fresh, left);
        Assert.False(await app.WithDbAsync(db => db.HelpRequests.AnyAsync(h => h.EntryId == expired)));

        var reminded = await app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Recipient == "+8613800138555" && m.Link == "/me/care").ToListAsync());
        var reminder = Assert.Single(reminded);
        Assert.Equal(Web.Features.Notifications.NoticePurpose.Update, reminder.Purpose);
        Assert.DoesNotContain("残", reminder.Body);
        Assert.NotNull(await app.WithDbAsync(db => db.CareEntries.Where(e => e.Id == soon).Select(e => e.ReminderSentAt).SingleAsync()));

        // Renewing puts the entry back to a full term and clears the reminder.
        Assert.Equal(HttpStatusCode.NoContent, (await worker.PostAsync($"/api/v1/care/entries/{soon}/renew", null)).StatusCode);
        var renewed = await app.WithDbAsync(db => db.CareEntries.AsNoTracking().SingleAsync(e => e.Id == soon));
        Assert.True(renewed.ExpiresAt > DateTimeOffset.UtcNow.AddMonths(2));
        Assert.Null(renewed.ReminderSentAt);
    }
}
