using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Integration.AntiFraud.AntiFraudWorld;

namespace Linli.Tests.Integration.AntiFraud;

public sealed class OrderAccessTests
{
    [Theory, BothDatabases]
    public async Task The_communitys_worker_and_police_and_the_raising_partner_see_an_order_and_each_view_is_audited(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var number = await (await app.SignedInAsync("partner")).RaisedAsync(Alert(name: "钱阿姨"));

        var worker = await (await app.SignedInAsync("worker")).OrderAsync(number);
        var police = await app.SignedInAsync("police");
        var byPolice = await police.OrderAsync(number);
        await police.OrderAsync(number);
        var bank = await (await app.SignedInAsync("partner")).OrderAsync(number);

        Assert.Equal(HttpStatusCode.OK, worker.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byPolice.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bank.StatusCode);
        var seen = await byPolice.JsonAsync();
        Assert.Equal("钱阿姨", seen.GetProperty("person").GetProperty("name").GetString());
        Assert.Equal("+8613800001234", seen.GetProperty("person").GetProperty("phone").GetString());
        Assert.Equal(["visit"], seen.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Empty((await bank.JsonAsync()).GetProperty("allowedActions").EnumerateArray());

        Assert.Equal(1, await app.AuditCountAsync(number, "worker"));
        Assert.Equal(2, await app.AuditCountAsync(number, "police"));
        Assert.Equal(2, await app.AuditCountAsync(number, "partner")); // raised, then read
        var purposes = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.RecordType == "DissuasionOrder" && a.RecordId == number.ToString()).Select(a => a.Purpose).Distinct().ToListAsync());
        Assert.Contains("dissuasion order: handler", purposes);
        Assert.Contains("dissuasion order: raising partner", purposes);
    }

    [Theory, BothDatabases]
    public async Task Other_partners_other_areas_and_other_roles_are_refused_and_nothing_is_audited_for_them(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var number = await (await app.SignedInAsync("partner")).RaisedAsync(Alert());

        var refused = new Dictionary<string, HttpClient>
        {
            ["other partner"] = await app.StaffAsync("yuzhou-desk", StaffRole.PartnerStaff, partnerName: PropertyCompany),
            ["worker of the sibling community"] = await app.StaffAsync("worker-002", StaffRole.CommunityWorker, Sibling),
            ["police of the sibling community"] = await app.StaffAsync("police-002", StaffRole.CommunityPolice, Sibling),
            ["street staff before escalation"] = await app.SignedInAsync("street"),
            ["administrator before escalation"] = await app.SignedInAsync("admin"),
            ["grid chief"] = await app.SignedInAsync("gridchief"),
            ["department handler"] = await app.SignedInAsync("handler"),
            ["resident"] = await app.SignedInAsync("resident"),
        };

        foreach (var (who, client) in refused)
        {
            var response = await client.OrderAsync(number);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{who}: {(int)response.StatusCode}");
            var visit = await client.VisitAsync(number, new { outcome = "dissuaded" });
            Assert.True(visit.StatusCode == HttpStatusCode.Forbidden, $"{who} visit: {(int)visit.StatusCode}");
            var list = await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/antifraud/orders?state=all");
            Assert.DoesNotContain(list!, o => o.GetProperty("number").GetInt64() == number);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync("worker")).OrderAsync(987654)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().OrderAsync(number)).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.RecordType == "DissuasionOrder" && a.RecordId == number.ToString())));
    }

    [Theory, BothDatabases]
    public async Task A_partner_lists_only_its_own_alerts_and_loses_sight_of_them_when_it_leaves_the_alliance(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var bank = await app.SignedInAsync("partner");
        var property = await app.StaffAsync("yuzhou-desk", StaffRole.PartnerStaff, partnerName: PropertyCompany);
        var fromBank = await bank.RaisedAsync(Alert(phone: "13811110000"));
        var fromProperty = await property.RaisedAsync(Alert(phone: "13822220000"));

        var bankList = await bank.GetFromJsonAsync<List<JsonElement>>("/api/v1/antifraud/orders?state=all&take=500");
        var propertyList = await property.GetFromJsonAsync<List<JsonElement>>("/api/v1/antifraud/orders?state=all&take=500");
        var workerList = await (await app.SignedInAsync("worker")).GetFromJsonAsync<List<JsonElement>>("/api/v1/antifraud/orders");

        Assert.Contains(bankList!, o => o.GetProperty("number").GetInt64() == fromBank);
        Assert.DoesNotContain(bankList!, o => o.GetProperty("number").GetInt64() == fromProperty);
        Assert.All(bankList!, o => Assert.Equal(Web.Features.Demo.DemoOrganisations.Bank.Name, o.GetProperty("partnerName").GetString()));
        Assert.Contains(propertyList!, o => o.GetProperty("number").GetInt64() == fromProperty);
        Assert.All(propertyList!, o => Assert.Equal(PropertyCompany, o.GetProperty("partnerName").GetString()));
        Assert.Contains(workerList!, o => o.GetProperty("number").GetInt64() == fromBank);
        Assert.Contains(workerList!, o => o.GetProperty("number").GetInt64() == fromProperty);
        Assert.False(workerList![0].TryGetProperty("person", out _));

        // The alliance drops the property company in this community: its staff no longer see what they raised there.
        var worker = await app.SignedInAsync("worker");
        var members = await worker.GetFromJsonAsync<List<JsonElement>>($"/api/v1/antifraud/alliance?node={Community}");
        var membership = members!.Single(m => m.GetProperty("partnerName").GetString() == PropertyCompany).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await worker.DeleteAsync($"/api/v1/antifraud/alliance/{membership}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await property.OrderAsync(fromProperty)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await property.RaiseAsync(Alert())).StatusCode);
    }
}
