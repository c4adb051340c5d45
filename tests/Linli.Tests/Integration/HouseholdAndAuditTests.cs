using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Audit;
using Linli.Web.Features.Demo;
using Linli.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration;

public sealed class HouseholdAndAuditTests
{
    private static readonly Dictionary<string, string?> Waiver = new() { ["Security:DemoWaivesRequiredTwoFactor"] = "true" };

    private static async Task<HttpClient> LinkedResidentAsync(LinliApp app, string unitCode = DemoAccounts.UnitCode)
    {
        var resident = await app.SignedInAsync("resident");
        var linked = await resident.PutAsJsonAsync("/api/v1/me/household", new { unitCode, consentVersion = Consents.HouseholdLinkText.Version });
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        return resident;
    }

    [Theory, BothDatabases]
    public async Task A_resident_links_a_household_with_consent_and_withdrawing_removes_the_link(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var resident = await LinkedResidentAsync(app);

        var me = await resident.GetFromJsonAsync<JsonElement>("/api/v1/account/me");
        Assert.Equal(DemoAccounts.UnitCode, me.GetProperty("household").GetProperty("unitCode").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await resident.DeleteAsync("/api/v1/me/household")).StatusCode);

        me = await resident.GetFromJsonAsync<JsonElement>("/api/v1/account/me");
        Assert.Equal(JsonValueKind.Null, me.GetProperty("household").ValueKind);
        var consents = await resident.GetFromJsonAsync<JsonElement>("/api/v1/me/consents");
        var record = Assert.Single(consents.EnumerateArray());
        Assert.Equal(Consents.HouseholdLink, record.GetProperty("purpose").GetString());
        Assert.Equal(Consents.HouseholdLinkText.Version, record.GetProperty("version").GetString());
        Assert.NotEqual(JsonValueKind.Null, record.GetProperty("withdrawnAt").ValueKind);
        Assert.Equal(0, await app.WithDbAsync(db => db.HouseholdLinks.CountAsync()));
    }

    [Theory]
    [InlineData(DemoAccounts.UnitCode, "old-version", "consentVersion")]
    [InlineData(DemoAccounts.BuildingCode, null, "unitCode")]
    [InlineData("nonsense", null, "unitCode")]
    public async Task A_link_needs_a_real_unit_and_the_current_consent_text(string unitCode, string? version, string field)
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite);
        var resident = await app.SignedInAsync("resident");

        var response = await resident.PutAsJsonAsync("/api/v1/me/household", new { unitCode, consentVersion = version ?? Consents.HouseholdLinkText.Version });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(0, await app.WithDbAsync(db => db.Consents.CountAsync(c => c.Purpose == Consents.HouseholdLink)));
    }

    [Theory, BothDatabases]
    public async Task Staff_reads_of_residents_are_audited_and_the_resident_sees_who_looked(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, Waiver);
        var resident = await LinkedResidentAsync(app);
        var chief = await app.SignedInAsync("gridchief");

        var households = await chief.GetFromJsonAsync<JsonElement>($"/api/v1/tree/nodes/{DemoAccounts.GridCode}/households?purpose=flood%20check");
        var listed = Assert.Single(households.EnumerateArray());
        Assert.Equal("吴晓东", listed.GetProperty("displayName").GetString());
        var id = listed.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await chief.GetAsync($"/api/v1/residents/{id}")).StatusCode);

        var log = await resident.GetFromJsonAsync<JsonElement>("/api/v1/me/access-log");
        var entries = log.EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal("陈海燕", e.GetProperty("who").GetString()));
        Assert.All(entries, e => Assert.Contains("GridChief@" + DemoAccounts.GridCode, e.GetProperty("role").GetString()));
        Assert.Contains(entries, e => e.GetProperty("purpose").GetString() == "flood check");
        Assert.Contains(entries, e => e.GetProperty("purpose").GetString() == "resident record");

        var admin = await app.SignedInAsync("admin");
        var search = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?subject={id}");
        Assert.Equal(2, search.GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await chief.GetAsync("/api/v1/audit")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Residents_outside_the_readers_subtree_stay_hidden(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, Waiver);
        await LinkedResidentAsync(app);
        var police = await app.SignedInAsync("police");
        var otherChief = await app.SignedInAsync("unitchief");
        var id = await app.WithDbAsync(db => db.HouseholdLinks.Select(h => h.UserId).SingleAsync());

        // The unit chief holds the resident's own unit, so they may read; police may never read household links.
        Assert.Equal(HttpStatusCode.OK, (await otherChief.GetAsync($"/api/v1/residents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"/api/v1/residents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"/api/v1/tree/nodes/{DemoAccounts.CommunityCode}/households")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task The_audit_log_cannot_be_changed_through_the_application_or_the_database(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, Waiver);
        await LinkedResidentAsync(app);
        var chief = await app.SignedInAsync("gridchief");
        await chief.GetAsync($"/api/v1/tree/nodes/{DemoAccounts.GridCode}/households");

        await app.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.FirstAsync();
            entry.Purpose = "nothing to see";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"Purpose\" = 'x'"));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries"));
            return 0;
        });

        var entries = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.NotEqual("x", e.Purpose));
        Assert.All(entries, e => Assert.Equal(AuditAction.Read, e.Action));
    }

    [Theory, BothDatabases]
    public async Task Granting_a_role_is_audited_and_scoped_to_the_granters_subtree(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, Waiver);
        var admin = await app.SignedInAsync("admin");

        var created = await admin.PostAsJsonAsync("/api/v1/staff", new
        {
            login = "newchief",
            displayName = "新网格长",
            password = "a-long-enough-passphrase",
            role = new { role = "GridChief", nodeCode = DemoAccounts.GridCode },
        });
        var unknownRole = await admin.PostAsJsonAsync("/api/v1/staff", new { login = "x", displayName = "x", role = new { role = "Sheriff", nodeCode = DemoAccounts.GridCode } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownRole.StatusCode);
        Assert.True((await unknownRole.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("role", out _));
        var newChief = await app.SignedInAsync("newchief", password: "a-long-enough-passphrase");
        Assert.Equal(HttpStatusCode.OK, (await newChief.GetAsync($"/api/v1/tree/nodes/{DemoAccounts.GridCode}/people")).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.RecordType == "role" && e.Action == AuditAction.Create)));
    }
}
