using System.Net.Http.Json;
using System.Net;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Hazards;
using Linli.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Integration.Hazards.HazardWorld;

namespace Linli.Tests.Integration.Hazards;

public sealed class HazardLifecycleTests
{
    [Theory, BothDatabases]
    public async Task An_officer_records_a_hazard_and_it_goes_through_a_failed_reinspection_to_eliminated(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var app = await StartAsync(kind, clock);
        var police = await app.SignedInAsync("police");

        using var form = new MultipartFormDataContent
        {
            { new StringContent("electrical"), "kind" },
            { new StringContent("major"), "severity" },
            { new StringContent("电动车在楼道内充电 E-bike charging in the stairwell"), "description" },
            { new StringContent(Building), "node" },
            { new StringContent("一楼楼道 Ground floor stairwell"), "address" },
            { new StringContent("42"), "visitId" },
            { new ByteArrayContent(TestImages.JpegWithGpsExif(64, 48)), "photos", "stairwell.jpg" },
        };
        var created = await police.PostAsync("/api/v1/hazards", form);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var number = (await created.JsonAsync()).GetProperty("number").GetInt64();

        var found = await police.HazardAsync(number);
        Assert.Equal("Found", found.GetProperty("state").GetString());
        Assert.Equal("Officer", found.GetProperty("source").GetString());
        Assert.Equal("刘伟", found.GetProperty("foundBy").GetString());
        Assert.Equal(42, found.GetProperty("sourceVisitId").GetInt32());
        Assert.Equal(clock.GetUtcNow().AddDays(7), found.GetProperty("deadline").GetDateTimeOffset());
        Assert.Equal(["assign", "dismiss"], found.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        var photoUrl = found.GetProperty("photos")[0].GetProperty("url").GetString()!;
        var photo = await police.GetByteArrayAsync(photoUrl);
        Assert.Equal(0xFF, photo[0]);
        Assert.DoesNotContain("Exif", System.Text.Encoding.ASCII.GetString(photo), StringComparison.Ordinal);

        var rectifyTooSoon = await police.ActAsync(number, "rectification", new { note = "x" });
        var assigned = await police.ActAsync(number, "assign", new { responsibleParty = "1号楼物业管理处 Building 1 property office" });
        clock.Advance(TimeSpan.FromHours(2));
        var rectified = await police.ActAsync(number, "rectification", new { note = "已加装集中充电桩 Charging points installed outside" });
        var failWithoutReason = await police.ActAsync(number, "reinspection", new { passed = false });
        clock.Advance(TimeSpan.FromHours(1));
        var failed = await police.ActAsync(number, "reinspection", new { passed = false, note = "仍有两辆车在楼道充电 Two bikes still charging inside" });
        var reopened = await failed.JsonAsync();
        var reopenedAt = clock.GetUtcNow();
        var rectifiedAgain = await police.ActAsync(number, "rectification", new { note = "张贴告示并清走车辆 Notices posted, bikes moved" });
        var passed = await police.ActAsync(number, "reinspection", new { passed = true, note = "复查合格 Passed" });
        var afterElimination = await police.ActAsync(number, "rectification", new { note = "x" });

        Assert.Equal(HttpStatusCode.Conflict, rectifyTooSoon.StatusCode);
        Assert.Contains("Allowed now: assign, dismiss", (await rectifyTooSoon.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rectified.StatusCode);
        Assert.Equal(["note"], await failWithoutReason.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Equal("Reopened", reopened.GetProperty("state").GetString());
        Assert.Equal(reopenedAt.AddDays(7), reopened.GetProperty("deadline").GetDateTimeOffset());
        Assert.Equal(1, reopened.GetProperty("failedReinspections").GetInt32());
        Assert.Equal(HttpStatusCode.OK, rectifiedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
        var done = await passed.JsonAsync();
        Assert.Equal("Eliminated", done.GetProperty("state").GetString());
        Assert.Equal(clock.GetUtcNow(), done.GetProperty("eliminatedAt").GetDateTimeOffset());
        Assert.False(done.GetProperty("overdue").GetBoolean());
        Assert.Empty(done.GetProperty("allowedActions").EnumerateArray());
        Assert.Equal(["Found", "Assigned", "Rectified", "ReinspectionFailed", "Rectified", "ReinspectionPassed"],
            done.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, afterElimination.StatusCode);

        // Every change and every read of the hazard is in the audit log.
        var id = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(5, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.RecordType == HazardWorkflow.RecordType && a.RecordId == id && a.Action == Web.Features.Audit.AuditAction.Update)));
    }

    [Theory, BothDatabases]
    public async Task Deadlines_default_by_severity_and_overdue_hazards_come_first_until_eliminated(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var app = await StartAsync(kind, clock);
        var worker = await app.SignedInAsync("worker");
        var chinaToday = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaCalendar.Offset).DateTime);

        var general = await worker.RecordedAsync(Fire(Grid));
        var major = await worker.RecordedAsync(Fire(Grid, "major"));
        var chosen = await worker.RecordedAsync(Fire(Grid, deadline: chinaToday.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        var past = await worker.PostAsJsonAsync("/api/v1/hazards", Fire(Grid, deadline: "2001-01-01"));

        Assert.Equal(clock.GetUtcNow().AddDays(30), (await worker.HazardAsync(general)).GetProperty("deadline").GetDateTimeOffset());
        Assert.Equal(clock.GetUtcNow().AddDays(7), (await worker.HazardAsync(major)).GetProperty("deadline").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(chinaToday.AddDays(4).ToDateTime(TimeOnly.MinValue), ChinaCalendar.Offset), (await worker.HazardAsync(chosen)).GetProperty("deadline").GetDateTimeOffset());
        Assert.Equal(["deadline"], await past.ErrorFieldsAsync());

        clock.Advance(TimeSpan.FromDays(8));
        worker = await app.SignedInAsync("worker");
        var overdue = await (await worker.GetAsync($"/api/v1/hazards?overdue=true&node={Grid}")).JsonAsync();
        var mine = new[] { general, major, chosen };
        Assert.Equal([major, chosen], overdue.EnumerateArray().Select(h => h.GetProperty("number").GetInt64()).Where(mine.Contains).Order());
        var open = (await (await worker.GetAsync($"/api/v1/hazards?node={Grid}")).JsonAsync()).EnumerateArray().ToList();
        var firstNotOverdue = open.FindIndex(h => !h.GetProperty("overdue").GetBoolean());
        Assert.True(open.Take(firstNotOverdue < 0 ? open.Count : firstNotOverdue).All(h => h.GetProperty("overdue").GetBoolean()));
        Assert.True(open.Skip(Math.Max(firstNotOverdue, 0)).All(h => !h.GetProperty("overdue").GetBoolean()));

        var paths = new[] { await app.WithDbAsync(db => db.Nodes.Where(n => n.Code == Grid).Select(n => n.Path).SingleAsync()) };
        var before = await app.InScopeAsync<HazardOfficerCounts, HazardSummary>(s => s.ForOfficerAsync(paths, default));

        await worker.ActAsync(major, "assign", new { responsibleParty = "物业" });
        await worker.ActAsync(major, "rectification", new { note = "清理完毕" });
        var stillOverdue = (await worker.HazardAsync(major)).GetProperty("overdue").GetBoolean();
        await worker.ActAsync(major, "reinspection", new { passed = true });
        var after = await app.InScopeAsync<HazardOfficerCounts, HazardSummary>(s => s.ForOfficerAsync(paths, default));

        Assert.True(stillOverdue);
        Assert.False((await worker.HazardAsync(major)).GetProperty("overdue").GetBoolean());
        Assert.Equal(before.Open - 1, after.Open);
        Assert.Equal(before.Overdue - 1, after.Overdue);
        Assert.True(before.Overdue >= 2);
    }

    [Theory, BothDatabases]
    public async Task Staff_act_only_in_their_own_subtree_and_a_refused_request_stores_nothing(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var gridChief = await app.SignedInAsync("gridchief");
        var worker = await app.SignedInAsync("worker");
        var admin = await app.SignedInAsync("admin");
        var count = () => app.WithDbAsync(db => db.Hazards.CountAsync());
        var before = await count();

        var sibling = await gridChief.PostAsJsonAsync("/api/v1/hazards", Fire(SiblingGrid));
        var otherCommunity = await worker.PostAsJsonAsync("/api/v1/hazards", Fire(SiblingCommunity));
        var atStreet = await admin.PostAsJsonAsync("/api/v1/hazards", Fire(Street));
        var empty = await worker.PostAsJsonAsync("/api/v1/hazards", new { nodeCode = Grid });
        var wrong = await worker.PostAsJsonAsync("/api/v1/hazards", new { kind = "flood", severity = "huge", description = new string('x', 1001), nodeCode = Grid, latitude = 29.5, visitId = -1 });
        var nowhere = await worker.PostAsJsonAsync("/api/v1/hazards", new { kind = "fire", description = "x", nodeCode = "999999" });
        var resident = await (await app.SignedInAsync("resident")).PostAsJsonAsync("/api/v1/hazards", Fire(Grid));
        Assert.Equal(before, await count());

        Assert.Equal(HttpStatusCode.Forbidden, sibling.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherCommunity.StatusCode);
        Assert.Equal(["nodeCode"], await atStreet.ErrorFieldsAsync());
        Assert.Equal(["description", "kind"], await empty.ErrorFieldsAsync());
        Assert.Equal(["description", "kind", "longitude", "severity", "visitId"], await wrong.ErrorFieldsAsync());
        Assert.Equal(["nodeCode"], await nowhere.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Forbidden, resident.StatusCode);

        // The grid chief records in the own grid but does not manage; the neighbouring community's hazards stay out of sight.
        var number = await gridChief.RecordedAsync(Fire(Grid));
        Assert.Equal("Chief", (await gridChief.HazardAsync(number)).GetProperty("source").GetString());
        Assert.Empty((await gridChief.HazardAsync(number)).GetProperty("allowedActions").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await gridChief.ActAsync(number, "assign", new { responsibleParty = "物业" })).StatusCode);
        var elsewhere = await admin.RecordedAsync(Fire(SiblingCommunity + "001"));
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/api/v1/hazards/{elsewhere}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.ActAsync(elsewhere, "dismiss", new { note = "x" })).StatusCode);
        var listed = (await (await worker.GetAsync("/api/v1/hazards?state=all&take=500")).JsonAsync()).EnumerateArray().Select(h => h.GetProperty("nodeCode").GetString()!).ToList();
        Assert.Contains(listed, c => c.StartsWith(Community, StringComparison.Ordinal));
        Assert.DoesNotContain(listed, c => !c.StartsWith(Community, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("resident")).GetAsync("/api/v1/hazards")).StatusCode);
        Assert.Equal(["state"], await (await worker.GetAsync("/api/v1/hazards?state=gone")).ErrorFieldsAsync());

        var assignWithout = await worker.ActAsync(number, "assign", new { note = "x" });
        var assignUnknownPartner = await worker.ActAsync(number, "assign", new { responsiblePartnerId = 999999 });
        Assert.Equal(["responsibleParty"], await assignWithout.ErrorFieldsAsync());
        Assert.Equal(["responsiblePartnerId"], await assignUnknownPartner.ErrorFieldsAsync());
        Assert.Equal(HazardState.Found, await app.WithDbAsync(db => db.Hazards.Where(h => h.Id == number).Select(h => h.State).SingleAsync()));
    }
}
