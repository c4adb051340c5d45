using System.Net.Http.Json;
using System.Net;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Hazards;
using Linli.Web.Features.People;
using Linli.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Integration.Hazards.HazardWorld;

namespace Linli.Tests.Integration.Hazards;

public sealed class HazardReportAndStatsTests
{
    [Theory, BothDatabases]
    public async Task A_resident_report_waits_to_be_verified_and_a_volunteer_of_the_community_is_counted_as_a_volunteer(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var resident = await app.SignedInAsync("resident");

        var report = new { kind = "traffic", description = "路口反光镜损坏 Broken traffic mirror at the junction", nodeCode = Grid, address = "石桥铺正街路口" };
        var created = await resident.PostAsJsonAsync("/api/v1/hazards/reports", report);
        var anonymous = await app.Anonymous().PostAsJsonAsync("/api/v1/hazards/reports", report);
        var refused = await resident.PostAsJsonAsync("/api/v1/hazards/reports", new { kind = "traffic", nodeCode = "nowhere" });
        var number = created.StatusCode == HttpStatusCode.Created ? (await created.JsonAsync()).GetProperty("number").GetInt64() : 0;
        var residentSees = await resident.GetAsync($"/api/v1/hazards/{number}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(["description", "nodeCode"], await refused.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Forbidden, residentSees.StatusCode);
        var stored = await app.WithDbAsync(db => db.Hazards.AsNoTracking().SingleAsync(h => h.Id == number));
        Assert.Equal(HazardSource.Resident, stored.Source);
        Assert.True(stored.NeedsVerification);
        Assert.Null(stored.FoundByUserId);
        Assert.Null(stored.FoundByName);

        // Staff see it as "to verify"; one that is not a hazard is dismissed with a reason, and leaves the open list.
        var worker = await app.SignedInAsync("worker");
        var item = (await (await worker.GetAsync($"/api/v1/hazards?node={Grid}&kind=traffic")).JsonAsync()).EnumerateArray().Single(h => h.GetProperty("number").GetInt64() == number);
        Assert.True(item.GetProperty("needsVerification").GetBoolean());
        Assert.Null((await worker.HazardAsync(number)).GetProperty("foundBy").GetString());
        Assert.Equal(["note"], await (await worker.ActAsync(number, "dismiss", new { })).ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.OK, (await worker.ActAsync(number, "dismiss", new { note = "镜子已由交管部门更换 Already replaced" })).StatusCode);
        Assert.DoesNotContain((await (await worker.GetAsync($"/api/v1/hazards?node={Grid}")).JsonAsync()).EnumerateArray(), h => h.GetProperty("number").GetInt64() == number);

        // A member of an association in the community reports as a volunteer there, and as a resident elsewhere.
        var association = await app.WithDbAsync(db => db.VolunteerAssociations.Where(a => a.CommunityPath.EndsWith("/" + Community + "/")).Select(a => a.Id).FirstAsync());
        var joined = await resident.PostAsJsonAsync($"/api/v1/volunteers/associations/{association}/members", new { consentVersion = Consents.VolunteeringText.Version });
        Assert.True(joined.IsSuccessStatusCode, await joined.Content.ReadAsStringAsync());
        var asVolunteer = (await (await resident.PostAsJsonAsync("/api/v1/hazards/reports", report)).JsonAsync()).GetProperty("number").GetInt64();
        var elsewhere = (await (await resident.PostAsJsonAsync("/api/v1/hazards/reports", report with { nodeCode = SiblingCommunity })).JsonAsync()).GetProperty("number").GetInt64();
        Assert.Equal(HazardSource.Volunteer, await app.WithDbAsync(db => db.Hazards.Where(h => h.Id == asVolunteer).Select(h => h.Source).SingleAsync()));
        Assert.Equal(HazardSource.Resident, await app.WithDbAsync(db => db.Hazards.Where(h => h.Id == elsewhere).Select(h => h.Source).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task The_public_counts_by_area_and_period_are_aggregates_only(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();

        // Two years on, nothing of the demo's falls in the period counted.
        clock.Advance(TimeSpan.FromDays(2 * 366));
        await using var app = await StartAsync(kind, clock);
        var police = await app.SignedInAsync("police");
        var street = await app.SignedInAsync("street");
        var inGrid = await police.RecordedAsync(Fire(Grid));
        await police.RecordedAsync(new { kind = "electrical", description = "配电箱门损坏 Broken switchboard door", nodeCode = Building });
        await police.RecordedAsync(new { kind = "electrical", description = "社区活动室插座冒烟 Smoking socket", nodeCode = Community });
        await street.RecordedAsync(Fire(SiblingCommunity));
        var dismissed = await police.RecordedAsync(Fire(Grid));
        await police.ActAsync(dismissed, "dismiss", new { note = "误报" });
        await police.ActAsync(inGrid, "assign", new { responsibleParty = "物业" });
        await police.ActAsync(inGrid, "rectification", new { note = "已清理" });
        await police.ActAsync(inGrid, "reinspection", new { passed = true });
        var year = clock.GetUtcNow().ToOffset(ChinaCalendar.Offset).Year;

        var anonymous = app.Anonymous();
        var response = await anonymous.GetAsync($"/api/v1/hazards/stats?node={Street}&period=year&at={year}");
        var text = await response.Content.ReadAsStringAsync();
        var body = await response.JsonAsync();
        var ofCommunity = await (await anonymous.GetAsync($"/api/v1/hazards/stats?node={Community}&period=quarter")).JsonAsync();
        var lastYear = await (await anonymous.GetAsync($"/api/v1/hazards/stats?node={Street}&period=year&at={year - 1}")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, body.GetProperty("found").GetInt32());
        Assert.Equal(1, body.GetProperty("eliminated").GetInt32());
        var children = body.GetProperty("children").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => (c.GetProperty("found").GetInt32(), c.GetProperty("eliminated").GetInt32()));
        Assert.Equal((3, 1), children[Community]);
        Assert.Equal((1, 0), children[SiblingCommunity]);
        var byKind = body.GetProperty("byKind").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!, c => c.GetProperty("found").GetInt32());
        Assert.Equal(2, byKind["Fire"]);
        Assert.Equal(2, byKind["Electrical"]);
        Assert.Equal(3, ofCommunity.GetProperty("found").GetInt32());
        Assert.Equal(1, ofCommunity.GetProperty("foundAtNodeItself").GetInt32());
        Assert.Equal(0, lastYear.GetProperty("found").GetInt32());
        Assert.DoesNotContain("配电箱", text, StringComparison.Ordinal);
        Assert.DoesNotContain("latitude", text, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(["period"], await (await anonymous.GetAsync($"/api/v1/hazards/stats?node={Street}&period=week")).ErrorFieldsAsync());
        Assert.Equal(["at"], await (await anonymous.GetAsync($"/api/v1/hazards/stats?node={Street}&period=quarter&at=2026-Q5")).ErrorFieldsAsync());
        Assert.Equal(["node"], await (await anonymous.GetAsync("/api/v1/hazards/stats")).ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/hazards/stats?node=999")).StatusCode);
    }
}
