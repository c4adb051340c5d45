using System.Net;
using System.Net.Http.Json;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration.Partners;

public sealed class PartnerRegistryTests
{
    [Theory, BothDatabases]
    public async Task Staff_register_and_manage_partners_only_where_their_scope_covers_every_area_served(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, PartnerWorld.Waiver);
        var worker = await app.SignedInAsync("worker");
        var street = await app.SignedInAsync("street");
        var police = await app.SignedInAsync("police");
        var bank = await app.PartnerIdAsync("重庆银行石桥铺支行");

        var created = await (await worker.PostAsJsonAsync("/api/v1/partners", new
        {
            name = "社区书店", type = "Commercial", subtype = "书店 bookshop", areaCodes = new[] { PartnerWorld.Community },
            contacts = new[] { new { name = "店长", contact = "13900001111" } },
        })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Active", created.GetProperty("status").GetString());
        Assert.Equal("+8613900001111", created.GetProperty("contacts")[0].GetProperty("contact").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync("/api/v1/partners", new { name = "别处", type = "Commercial", areaCodes = new[] { PartnerWorld.OtherCommunity } })).StatusCode);

        // The bank serves the whole street: street staff manage it, a community worker below does not.
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/api/v1/partners/{bank}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync($"/api/v1/partners/{bank}/suspend", new { reason = "x" })).StatusCode);
        var seen = await (await street.GetAsync($"/api/v1/partners/{bank}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("周敏", seen.GetProperty("contacts")[0].GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, (await street.PutAsJsonAsync($"/api/v1/partners/{bank}", new
        {
            name = "重庆银行石桥铺支行", type = "Commercial", subtype = "银行 bank", areaCodes = new[] { Web.Features.Demo.TreeGenerator.ShiqiaopuCode },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"/api/v1/partners/{bank}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await street.GetAsync("/api/v1/partners/99999")).StatusCode);

        var listed = await (await worker.GetAsync("/api/v1/partners")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(listed.EnumerateArray(), p => p.GetProperty("name").GetString() == "社区书店");

        // Reading a partner's contacts is audited.
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordType == "PartnerContacts" && e.RecordId == bank.ToString())));
    }

    [Theory, BothDatabases]
    public async Task Bad_input_names_the_field_and_stores_nothing(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var worker = await app.SignedInAsync("worker");
        var before = await app.WithDbAsync(db => db.Partners.CountAsync());
        var grid = Web.Features.Demo.DemoAccounts.GridCode;

        Assert.Equal(["name"], await (await worker.PostAsJsonAsync("/api/v1/partners", new { type = "Commercial", areaCodes = new[] { PartnerWorld.Community } })).ErrorFieldsAsync(HttpStatusCode.BadRequest));
        Assert.Equal(["type"], await (await worker.PostAsJsonAsync("/api/v1/partners", new { name = "x", type = "Bank", areaCodes = new[] { PartnerWorld.Community } })).ErrorFieldsAsync(HttpStatusCode.BadRequest));
        Assert.Equal(["areaCodes"], await (await worker.PostAsJsonAsync("/api/v1/partners", new { name = "x", type = "Commercial", areaCodes = new[] { grid } })).ErrorFieldsAsync(HttpStatusCode.BadRequest));
        Assert.Equal(["areaCodes"], await (await worker.PostAsJsonAsync("/api/v1/partners", new { name = "x", type = "Commercial", areaCodes = Array.Empty<string>() })).ErrorFieldsAsync(HttpStatusCode.BadRequest));
        Assert.Equal(["contacts[0].contact"], await (await worker.PostAsJsonAsync("/api/v1/partners", new
        {
            name = "x", type = "Commercial", areaCodes = new[] { PartnerWorld.Community }, contacts = new[] { new { name = "甲", contact = "not a phone" } },
        })).ErrorFieldsAsync(HttpStatusCode.BadRequest));

        Assert.Equal(before, await app.WithDbAsync(db => db.Partners.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task Partners_sign_the_current_version_of_the_joining_agreement(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, PartnerWorld.Waiver);
        var admin = await app.SignedInAsync("admin");
        var street = await app.SignedInAsync("street");
        var bank = await app.PartnerIdAsync("重庆银行石桥铺支行");
        var market = await app.PartnerIdAsync("石桥铺农贸市场");
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1));

        var before = await (await street.GetAsync($"/api/v1/partners/{bank}")).JsonAsync(HttpStatusCode.OK);
        Assert.True(before.GetProperty("agreementCurrent").GetBoolean());

        Assert.Equal(HttpStatusCode.Forbidden, (await street.PostAsJsonAsync("/api/v1/partners/agreements", new { text = "第2版" })).StatusCode);
        var published = await (await admin.PostAsJsonAsync("/api/v1/partners/agreements", new { text = "社区合伙人加入协议（第2版）" })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, published.GetProperty("version").GetInt32());
        var agreements = await (await app.Anonymous().GetAsync("/api/v1/partners/agreements")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([2, 1], agreements.EnumerateArray().Select(a => a.GetProperty("version").GetInt32()));

        var after = await (await street.GetAsync($"/api/v1/partners/{bank}")).JsonAsync(HttpStatusCode.OK);
        Assert.False(after.GetProperty("agreementCurrent").GetBoolean());
        Assert.Equal(1, after.GetProperty("signature").GetProperty("version").GetInt32());

        Assert.Equal(["version"], await (await street.PostAsJsonAsync($"/api/v1/partners/{market}/signatures", new { version = 1, signedOn = yesterday, signedBy = "经理" })).ErrorFieldsAsync(HttpStatusCode.BadRequest));
        Assert.Equal(["signedOn"], await (await street.PostAsJsonAsync($"/api/v1/partners/{market}/signatures", new { version = 2, signedOn = yesterday.AddDays(30), signedBy = "经理" })).ErrorFieldsAsync(HttpStatusCode.BadRequest));
        Assert.Equal(["signedBy"], await (await street.PostAsJsonAsync($"/api/v1/partners/{market}/signatures", new { version = 2, signedOn = yesterday })).ErrorFieldsAsync(HttpStatusCode.BadRequest));
        var signed = await (await street.PostAsJsonAsync($"/api/v1/partners/{market}/signatures", new { version = 2, signedOn = yesterday, signedBy = "经理" })).JsonAsync(HttpStatusCode.OK);
        Assert.True(signed.GetProperty("agreementCurrent").GetBoolean());
        Assert.Equal("经理", signed.GetProperty("signature").GetProperty("signedBy").GetString());
    }

    [Theory, BothDatabases]
    public async Task Partner_staff_edit_their_own_partners_offers_only(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var partner = await app.SignedInAsync("partner");
        var bank = await app.PartnerIdAsync("重庆银行石桥铺支行");
        var cinema = await app.PartnerIdAsync("石桥铺星光影城");

        var offer = await (await partner.PostAsJsonAsync($"/api/v1/partners/{bank}/offers", new { kind = "StudentAid", title = "助学金", aidAmount = 2000, aidPeriod = "2027 学年" })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(2000m, offer.GetProperty("aidAmount").GetDecimal());
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/v1/partners/{bank}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsJsonAsync($"/api/v1/partners/{cinema}/offers", new { kind = "Venue", title = "场地" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsJsonAsync($"/api/v1/partners/{bank}/suspend", new { reason = "自己" })).StatusCode);

        Assert.Equal(["aidAmount"], await (await partner.PostAsJsonAsync($"/api/v1/partners/{bank}/offers", new { kind = "StudentAid", title = "助学金", aidPeriod = "2027" })).ErrorFieldsAsync(HttpStatusCode.BadRequest));
        Assert.Equal(["kind"], await (await partner.PostAsJsonAsync($"/api/v1/partners/{bank}/offers", new { kind = "Loan", title = "贷款" })).ErrorFieldsAsync(HttpStatusCode.BadRequest));
        var past = DateTimeOffset.UtcNow.AddDays(-1);
        Assert.Equal(["startsAt"], await (await partner.PostAsJsonAsync($"/api/v1/partners/{bank}/offers", new
        {
            kind = "Other", title = "讲座", startsAt = past, endsAt = past.AddHours(1), place = "大厅", communityCode = PartnerWorld.Community, capacity = 10,
        })).ErrorFieldsAsync(HttpStatusCode.BadRequest));
        var soon = DateTimeOffset.UtcNow.AddDays(2);
        Assert.Equal(["endsAt"], await (await partner.PostAsJsonAsync($"/api/v1/partners/{bank}/offers", new
        {
            kind = "Other", title = "讲座", startsAt = soon, endsAt = soon.AddHours(-1), place = "大厅", communityCode = PartnerWorld.Community, capacity = 10,
        })).ErrorFieldsAsync(HttpStatusCode.BadRequest));
        Assert.Equal(["capacity"], await (await partner.PostAsJsonAsync($"/api/v1/partners/{bank}/offers", new
        {
            kind = "Other", title = "讲座", startsAt = soon, endsAt = soon.AddHours(1), place = "大厅", communityCode = PartnerWorld.Community, capacity = 0,
        })).ErrorFieldsAsync(HttpStatusCode.BadRequest));
    }
}
