using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Tests.Integration.AntiFraud;
using Linli.Web.Features.Demo;
using Linli.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Integration.Policing.PolicingWorld;

namespace Linli.Tests.Integration.Policing;

public sealed class FiguresTests
{
    private const string Street = TreeGenerator.ShiqiaopuCode;

    [Theory, BothDatabases]
    public async Task Coverage_flags_communities_without_an_officer_per_station_and_street(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var street = await app.SignedInAsync("street");
        var before = await street.GetFromJsonAsync<JsonElement>($"{Api}/coverage?node={Street}");

        // The officer of 010 moves away: nobody covers it now.
        await app.WithDbAsync(db => db.RoleAssignments.Where(a => a.Role == StaffRole.CommunityPolice && a.Node!.Code == Quiet).ExecuteDeleteAsync());
        var after = await street.GetFromJsonAsync<JsonElement>($"{Api}/coverage?node={Street}");
        var officersView = await (await app.SignedInAsync("police")).GetAsync($"{Api}/coverage?node={Street}");
        var own = await (await app.SignedInAsync("police")).GetFromJsonAsync<JsonElement>($"{Api}/coverage?node={Community}");
        var resident = await (await app.SignedInAsync("resident")).GetAsync($"{Api}/coverage?node={Street}");
        var unit = await street.GetAsync($"{Api}/coverage?node={QuietUnit}");

        Assert.Equal(12, before.GetProperty("communities").GetInt32());
        Assert.Equal(0, before.GetProperty("uncovered").GetInt32());
        Assert.Equal(11, after.GetProperty("covered").GetInt32());
        Assert.Equal(1, after.GetProperty("uncovered").GetInt32());
        var first = after.GetProperty("communityList")[0];
        Assert.Equal(Quiet, first.GetProperty("code").GetString());
        Assert.False(first.GetProperty("covered").GetBoolean());
        var station = after.GetProperty("stations").EnumerateArray().Single();
        Assert.Equal("shiqiaopu-police", station.GetProperty("code").GetString());
        Assert.Equal((12, 1), (station.GetProperty("communities").GetInt32(), station.GetProperty("uncovered").GetInt32()));
        var streetRow = after.GetProperty("streets").EnumerateArray().Single();
        Assert.Equal((Street, 11), (streetRow.GetProperty("code").GetString(), streetRow.GetProperty("covered").GetInt32()));
        Assert.Equal(HttpStatusCode.Forbidden, officersView.StatusCode);
        Assert.Equal("刘伟", own.GetProperty("communityList")[0].GetProperty("officers")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, resident.StatusCode);
        Assert.Equal(["node"], await unit.ErrorFieldsAsync());
    }

    [Theory, BothDatabases]
    public async Task Weekly_compliance_counts_half_days_against_the_target_per_officer_and_station(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var officer = await app.StaffAsync("quiet-officer", StaffRole.CommunityPolice, Quiet);
        for (var day = 0; day < 3; day++)
        {
            await officer.LoggedAsync(Quiet, LastMonday.AddDays(day), "morning");
        }

        await officer.LoggedAsync(Quiet, LastMonday.AddDays(6), "afternoon");
        await officer.LoggedAsync(Quiet, LastMonday.AddDays(-1), "afternoon"); // the Sunday before: another week
        var street = await app.SignedInAsync("street");

        var four = await street.GetFromJsonAsync<JsonElement>($"{Api}/compliance?node={Quiet}&week={LastMonday.AddDays(3):yyyy-MM-dd}");
        await officer.LoggedAsync(Quiet, LastMonday.AddDays(4), "afternoon");
        var five = await street.GetFromJsonAsync<JsonElement>($"{Api}/compliance?node={Street}&week={LastMonday:yyyy-MM-dd}");

        Assert.Equal(LastMonday.ToString("yyyy-MM-dd"), four.GetProperty("weekStart").GetString());
        Assert.Equal(LastMonday.AddDays(6).ToString("yyyy-MM-dd"), four.GetProperty("weekEnd").GetString());
        Assert.Equal(5, four.GetProperty("target").GetInt32());
        var row = Row(four, "quiet-officer");
        Assert.Equal((4, false), (row.GetProperty("halfDays").GetInt32(), row.GetProperty("met").GetBoolean()));
        var met = Row(five, "quiet-officer");
        Assert.Equal((5, true), (met.GetProperty("halfDays").GetInt32(), met.GetProperty("met").GetBoolean()));
        var station = five.GetProperty("stations").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "shiqiaopu-police");
        var officers = five.GetProperty("officers").EnumerateArray().ToList();
        Assert.Equal(officers.Count, station.GetProperty("officers").GetInt32());
        Assert.Equal(officers.Sum(o => o.GetProperty("halfDays").GetInt32()), station.GetProperty("halfDays").GetInt32());
        Assert.Equal(officers.Count(o => o.GetProperty("met").GetBoolean()), station.GetProperty("metTarget").GetInt32());
        Assert.Equal(officers.Count * 5, station.GetProperty("target").GetInt32());
    }

    [Theory, BothDatabases]
    public async Task Campaign_counts_households_organisations_and_concerns_of_the_area_and_period(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var officer = await app.StaffAsync("quiet-officer", StaffRole.CommunityPolice, Quiet);
        var street = await app.SignedInAsync("street");
        var url = $"{Api}/campaign?node={Street}&from={LastMonday:yyyy-MM-dd}&to={LastMonday.AddDays(6):yyyy-MM-dd}";
        var before = await street.GetFromJsonAsync<JsonElement>(url);

        var monday = await officer.LoggedAsync(Quiet, LastMonday);
        var tuesday = await officer.LoggedAsync(Quiet, LastMonday.AddDays(1));
        var outside = await officer.LoggedAsync(Quiet, LastMonday.AddDays(-2));
        await officer.VisitedAsync(monday, Household(QuietUnit, concern: "电动车楼道充电"));
        await officer.VisitedAsync(tuesday, Household(QuietUnit));
        await officer.VisitedAsync(tuesday, Organisation("便民超市", concern: "夜间无人值守"));
        await officer.VisitedAsync(tuesday, Organisation("便民超市"));
        await officer.VisitedAsync(outside, Household(QuietUnit, concern: "不在期间内"));
        var after = await street.GetFromJsonAsync<JsonElement>(url);
        var backwards = await street.GetAsync($"{Api}/campaign?node={Street}&from={LastMonday:yyyy-MM-dd}&to={LastMonday.AddDays(-1):yyyy-MM-dd}");

        int Added(string name) => after.GetProperty(name).GetInt32() - before.GetProperty(name).GetInt32();
        Assert.Equal(2, Added("halfDays"));
        Assert.Equal(2, Added("householdVisits"));
        Assert.Equal(1, Added("householdsVisited"));
        Assert.Equal(2, Added("organisationVisits"));
        Assert.Equal(1, Added("organisationsVisited"));
        Assert.Equal(2, Added("concerns"));
        Assert.Equal(["from"], await backwards.ErrorFieldsAsync());
    }

    private static JsonElement Row(JsonElement report, string name) =>
        report.GetProperty("officers").EnumerateArray().Single(o => o.GetProperty("name").GetString() == name);
}
