using System.Net.Http.Json;
using System.Net;
using Linli.Tests.Infrastructure;
using Linli.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration.Partners;

public sealed class PartnerOfferTests
{
    [Theory, BothDatabases]
    public async Task Sign_ups_stop_at_capacity_with_a_clear_error_and_cancelling_frees_the_place(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var worker = await app.SignedInAsync("worker");
        var committee = await app.PartnerIdAsync("石桥铺小区业主委员会");
        var offer = await worker.NewEventAsync(committee, capacity: 2);
        var first = await app.SignedInAsync("resident");
        var second = await app.NewResidentAsync("neighbour-a");
        var third = await app.NewResidentAsync("neighbour-b");

        var one = await (await first.PostAsync($"/api/v1/partners/offers/{offer}/signups", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, one.GetProperty("seatsLeft").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await first.PostAsync($"/api/v1/partners/offers/{offer}/signups", null)).StatusCode);
        await (await second.PostAsync($"/api/v1/partners/offers/{offer}/signups", null)).JsonAsync(HttpStatusCode.OK);

        var full = await (await third.PostAsync($"/api/v1/partners/offers/{offer}/signups", null)).JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("full", full.GetProperty("detail").GetString());
        Assert.Equal(["offerId"], full.GetProperty("errors").EnumerateObject().Select(e => e.Name));

        var cancelled = await (await first.DeleteAsync($"/api/v1/partners/offers/{offer}/signups")).JsonAsync(HttpStatusCode.OK);
        Assert.False(cancelled.GetProperty("signedUp").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await first.DeleteAsync($"/api/v1/partners/offers/{offer}/signups")).StatusCode);
        await (await third.PostAsync($"/api/v1/partners/offers/{offer}/signups", null)).JsonAsync(HttpStatusCode.OK);

        var (taken, rows) = await app.WithDbAsync(async db => (await db.PartnerOffers.Where(o => o.Id == offer).Select(o => o.Taken).SingleAsync(), await db.OfferSignups.CountAsync(s => s.OfferId == offer)));
        Assert.Equal((2, 2), (taken, rows));

        // The public page shows how many places are left, never who took them.
        var page = await app.Anonymous().GetStringAsync($"/api/v1/partners/{committee}/public");
        Assert.Contains("\"seatsLeft\":0", page);
        Assert.DoesNotContain("neighbour", page);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsync($"/api/v1/partners/offers/{offer}/signups", null)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Residents_racing_for_the_last_places_never_overfill_an_event(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var worker = await app.SignedInAsync("worker");
        var offer = await worker.NewEventAsync(await app.PartnerIdAsync("石桥铺小区业主委员会"), capacity: 2);
        var residents = new List<HttpClient>();
        for (var i = 0; i < 6; i++)
        {
            residents.Add(await app.NewResidentAsync($"racer-{i}"));
        }

        var answers = await Task.WhenAll(residents.Select(r => r.PostAsync($"/api/v1/partners/offers/{offer}/signups", null)));

        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(4, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(2, await app.WithDbAsync(db => db.OfferSignups.CountAsync(s => s.OfferId == offer)));
    }

    [Theory, BothDatabases]
    public async Task Suspending_a_partner_hides_its_offers_from_the_public_until_it_is_reinstated(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var street = await app.SignedInAsync("street");
        var resident = await app.SignedInAsync("resident");
        var cinema = await app.PartnerIdAsync("石桥铺星光影城");
        var screening = await app.WithDbAsync(db => db.PartnerOffers.Where(o => o.PartnerId == cinema && o.StartsAt != null).Select(o => o.Id).SingleAsync());
        var month = await app.WithDbAsync(async db => Web.Features.Partners.PartnerRules.InChina((await db.PartnerOffers.SingleAsync(o => o.Id == screening)).StartsAt!.Value).ToString("yyyy-MM"));
        var directory = $"/api/v1/partners/directory?community={PartnerWorld.Community}";
        var calendar = $"/api/v1/partners/calendar?community={PartnerWorld.Community}&month={month}";

        Assert.Contains(cinema, (await app.Anonymous().GetFromJsonAsync<System.Text.Json.JsonElement>(directory)).GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()));
        Assert.Contains("反诈电影", await app.Anonymous().GetStringAsync(calendar));

        Assert.Equal(["reason"], await (await street.PostAsJsonAsync($"/api/v1/partners/{cinema}/suspend", new { reason = " " })).ErrorFieldsAsync(HttpStatusCode.BadRequest));
        var suspended = await (await street.PostAsJsonAsync($"/api/v1/partners/{cinema}/suspend", new { reason = "放映前收取费用，违反协议" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Suspended", suspended.GetProperty("status").GetString());
        Assert.Equal("放映前收取费用，违反协议", suspended.GetProperty("suspensionReason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await street.PostAsJsonAsync($"/api/v1/partners/{cinema}/suspend", new { reason = "again" })).StatusCode);

        Assert.DoesNotContain(cinema, (await app.Anonymous().GetFromJsonAsync<System.Text.Json.JsonElement>(directory)).GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()));
        Assert.DoesNotContain("反诈电影", await app.Anonymous().GetStringAsync(calendar));
        Assert.DoesNotContain("反诈电影", await app.Anonymous().GetStringAsync($"/api/v1/partners/calendar.ics?community={PartnerWorld.Community}"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/api/v1/partners/{cinema}/public")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.PostAsync($"/api/v1/partners/offers/{screening}/signups", null)).StatusCode);

        await (await street.PostAsync($"/api/v1/partners/{cinema}/reinstate", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync($"/api/v1/partners/{cinema}/public")).StatusCode);
        await (await resident.PostAsync($"/api/v1/partners/offers/{screening}/signups", null)).JsonAsync(HttpStatusCode.OK);
    }

    [Theory, BothDatabases]
    public async Task The_directory_and_calendar_are_public_aggregates_per_community(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var anonymous = app.Anonymous();

        var directory = await (await anonymous.GetAsync($"/api/v1/partners/directory?community={PartnerWorld.Community}")).JsonAsync(HttpStatusCode.OK);
        var partners = directory.GetProperty("partners").EnumerateArray().ToList();
        Assert.Equal(["Autonomous", "Commercial", "Institution", "Property", "PublicWelfare"], partners.Select(p => p.GetProperty("type").GetString()!).Distinct().Order());
        Assert.Contains(partners, p => p.GetProperty("ratingsThisYear").GetInt32() > 0 && p.GetProperty("averageStars").GetDouble() is >= 1 and <= 5);
        Assert.DoesNotContain("contact", directory.GetRawText(), StringComparison.OrdinalIgnoreCase);

        // The owners' committee serves community 001 only.
        var other = await anonymous.GetStringAsync($"/api/v1/partners/directory?community={PartnerWorld.OtherCommunity}");
        Assert.DoesNotContain("业主委员会", other);

        var ics = await anonymous.GetAsync($"/api/v1/partners/calendar.ics?community={PartnerWorld.Community}");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        var feed = await ics.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", feed);
        Assert.Equal(3, feed.Split("BEGIN:VEVENT").Length - 1);
        Assert.All(feed.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));

        Assert.Equal(["month"], await (await anonymous.GetAsync($"/api/v1/partners/calendar?community={PartnerWorld.Community}&month=May")).ErrorFieldsAsync(HttpStatusCode.BadRequest));
        Assert.Equal(["community"], await (await anonymous.GetAsync($"/api/v1/partners/directory?community={Web.Features.Demo.DemoAccounts.GridCode}")).ErrorFieldsAsync(HttpStatusCode.BadRequest));
        Assert.Equal(["community"], await (await anonymous.GetAsync("/api/v1/partners/directory")).ErrorFieldsAsync(HttpStatusCode.BadRequest));
    }

    [Theory, BothDatabases]
    public async Task Residents_rate_an_offer_once_a_year_and_staff_see_the_years_evaluation(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, PartnerWorld.Waiver);
        var resident = await app.NewResidentAsync("rater");
        var street = await app.SignedInAsync("street");
        var admin = await app.SignedInAsync("admin");
        var property = await app.PartnerIdAsync("渝州物业管理有限公司");
        var venue = await app.WithDbAsync(db => db.PartnerOffers.Where(o => o.PartnerId == property).Select(o => o.Id).SingleAsync());
        var year = DateTimeOffset.UtcNow.ToOffset(ChinaCalendar.Offset).Year;
        var before = await (await street.GetAsync($"/api/v1/partners/{property}/evaluation?year={year}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(["stars"], await (await resident.PostAsJsonAsync($"/api/v1/partners/offers/{venue}/ratings", new { stars = 6 })).ErrorFieldsAsync(HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.NoContent, (await resident.PostAsJsonAsync($"/api/v1/partners/offers/{venue}/ratings", new { stars = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await resident.PostAsJsonAsync($"/api/v1/partners/offers/{venue}/ratings", new { stars = 5 })).StatusCode);

        // An event counts as used only with a place at it, once it has begun.
        var screening = await app.WithDbAsync(db => db.PartnerOffers.Where(o => o.StartsAt != null).Select(o => o.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await resident.PostAsJsonAsync($"/api/v1/partners/offers/{screening}/ratings", new { stars = 5 })).StatusCode);

        Assert.Equal(["score"], await (await street.PostAsJsonAsync($"/api/v1/partners/{property}/scores", new { year, score = 101 })).ErrorFieldsAsync(HttpStatusCode.BadRequest));
        Assert.Equal(["year"], await (await street.PostAsJsonAsync($"/api/v1/partners/{property}/scores", new { year = year + 1, score = 80 })).ErrorFieldsAsync(HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.NoContent, (await street.PostAsJsonAsync($"/api/v1/partners/{property}/scores", new { year, score = 70, note = "道闸迟迟未装" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await street.PostAsJsonAsync($"/api/v1/partners/{property}/scores", new { year, score = 75, note = "已整改" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/partners/{property}/scores", new { year, score = 85 })).StatusCode);

        var summary = await (await street.GetAsync($"/api/v1/partners/{property}/evaluation?year={year}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(before.GetProperty("ratings").GetInt32() + 1, summary.GetProperty("ratings").GetInt32());
        Assert.Equal(2, summary.GetProperty("scores").GetArrayLength());
        Assert.Equal(80.0, summary.GetProperty("averageScore").GetDouble());
        Assert.Contains(summary.GetProperty("scores").EnumerateArray(), s => s.GetProperty("note").GetString() == "已整改");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"/api/v1/partners/{property}/evaluation")).StatusCode);
    }
}
