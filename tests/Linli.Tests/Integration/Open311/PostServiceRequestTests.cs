using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration.Open311;

public sealed class PostServiceRequestTests
{
    [Theory, BothDatabases]
    public async Task A_posted_request_becomes_a_normal_case_and_answers_with_its_id_and_token_never_the_receipt(DatabaseKind kind)
    {
        await using var app = await Open311Calls.StartWithKeyAsync(kind);

        var posted = await app.Anonymous().PostedAsync(await app.FormAsync());
        var id = long.Parse(posted.GetProperty("service_request_id").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var stored = await app.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == id));
        var work = await (await app.SignedInAsync("handler")).GetFromJsonAsync<JsonElement>($"/api/v1/work/cases/{id}");

        Assert.Matches("^[0-9a-f]{32}$", posted.GetProperty("token").GetString());
        Assert.Equal(stored.Open311Token, posted.GetProperty("token").GetString());
        Assert.DoesNotContain(stored.Receipt, posted.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("account-7", posted.GetProperty("account_id").GetString());
        Assert.Contains("Response within 2 h, resolution within 24 h", posted.GetProperty("service_notice").GetString(), StringComparison.Ordinal);
        Assert.Equal(CaseSource.Open311, stored.Source);
        Assert.Equal("config-1", stored.Open311ApiKeyName);
        Assert.Equal("吴晓东", stored.ReporterName);
        Assert.Equal("reporter@example.org", stored.ReporterEmail);
        Assert.Equal(DemoAccounts.BuildingCode, stored.BuildingCode);
        Assert.Equal(["street"], stored.Answers.Single(a => a.Code == "where").Values);

        // Everywhere else it is a case like any other: routed by the rules, on the handler's workbench with the contact.
        Assert.Equal("Open311", work.GetProperty("source").GetString());
        Assert.Equal("Dispatched", work.GetProperty("state").GetString());
        Assert.Equal("water-utility", work.GetProperty("assignedDepartment").GetString());
        Assert.Equal("reporter@example.org", work.GetProperty("reporter").GetProperty("email").GetString());
    }

    [Theory, BothDatabases]
    public async Task A_request_answers_in_xml_and_takes_a_building_code_as_address_id(DatabaseKind kind)
    {
        await using var app = await Open311Calls.StartWithKeyAsync(kind);
        var form = (await app.FormAsync("streetlight")).With("lat", null).With("long", null).With("address_id", DemoAccounts.BuildingCode);

        var (status, xml, text) = await Open311Calls.ParseXmlAsync(await app.Anonymous().PostRequestAsync(form, "xml"));
        var id = xml.Element("request")?.Element("service_request_id")?.Value;
        var (lat, lon) = await app.CentreOfAsync(DemoAccounts.BuildingCode);
        var (_, request, _) = await app.Anonymous().GetJsonAsync($"/requests/{id}.json", "requests.json");

        Assert.True(status == HttpStatusCode.OK, text);
        Assert.Equal("service_requests", xml.Name.LocalName);
        Assert.Matches("^[0-9a-f]{32}$", xml.Element("request")!.Element("token")!.Value);
        Assert.Equal("account-7", xml.Element("request")!.Element("account_id")!.Value);
        Assert.Equal(DemoAccounts.BuildingCode, request[0].GetProperty("address_id").GetString());
        Assert.Equal(lat, request[0].GetProperty("lat").GetDouble(), 6);
        Assert.Equal(lon, request[0].GetProperty("long").GetDouble(), 6);
    }

    [Theory]
    [InlineData(null, "api_key is required")]
    [InlineData("wrong-key-0123456789abcdef", "api_key is not valid")]
    [InlineData("", "api_key is required")]
    public async Task A_missing_or_wrong_key_is_refused_with_403_and_nothing_is_stored(string? key, string expected)
    {
        await using var app = await Open311Calls.StartWithKeyAsync(DatabaseKind.Sqlite);
        var form = (await app.FormAsync()).With("api_key", key);

        var json = await app.Anonymous().PostRequestAsync(form);
        var (status, text) = await Open311Calls.ReadAsync(json, "application/json");
        var (xmlStatus, xml, _) = await Open311Calls.ParseXmlAsync(await app.Anonymous().PostRequestAsync(form, "xml"));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains(expected, Open311Calls.ErrorsIn(text, status)[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, xmlStatus);
        Assert.Equal("403", xml.Element("error")!.Element("code")!.Value);
        Assert.Equal(0, await app.WithDbAsync(db => db.Cases.CountAsync()));
    }

    public static TheoryData<string, string?, string> BadFields => new()
    {
        { "attribute[where]", null, "attribute[where]: is required" },
        { "attribute[where]", "on-the-moon", "attribute[where]: must be one of: street, building, home" },
        { "attribute[colour]", "red", "attribute[colour]:" },
        { "attribute[where", "street", "attribute[where:" },
        { "description", new string('长', 4001), "description: is at most 4,000 characters" },
        { "description", "<script>alert(1)</script> water", "description: must be plain text" },
        { "description", null, "description: is required" },
        { "lat", "north", "lat: 'north' is not a number" },
        { "long", null, "long:" },
        { "address_id", "999999999999999", "address_id: no building has the code" },
        { "email", "not-an-address", "email: is not an email address" },
        { "phone", "call me maybe", "phone:" },
        { "first_name", "<b>晓东</b>", "first_name, last_name:" },
        { "media_url", "ftp://example.org/photo.jpg", "media_url:" },
        { "device_id", new string('d', 101), "device_id:" },
    };

    [Theory, MemberData(nameof(BadFields))]
    public async Task A_bad_field_is_refused_with_an_open311_error_naming_its_parameter_and_nothing_is_stored(string field, string? value, string expected)
    {
        await using var app = await Open311Calls.StartWithKeyAsync(DatabaseKind.Sqlite);
        var form = (await app.FormAsync()).With(field, value);
        if (field == "attribute[where")
        {
            form = form.With("attribute[where]", null);
        }

        var (status, text) = await Open311Calls.ReadAsync(await app.Anonymous().PostRequestAsync(form), "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(Open311Calls.ErrorsIn(text, status), d => d.StartsWith(expected, StringComparison.Ordinal));
        Assert.Equal(0, await app.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task A_place_must_be_given_as_a_pin_or_a_building_and_a_typed_address_alone_is_not_enough()
    {
        await using var app = await Open311Calls.StartWithKeyAsync(DatabaseKind.Sqlite);
        var pinless = (await app.FormAsync()).With("lat", null).With("long", null);
        var nowhere = pinless.With("address_string", null);
        var outside = (await app.FormAsync()).With("lat", "39.9").With("long", "116.4");

        var (typedStatus, typed) = await Open311Calls.ReadAsync(await app.Anonymous().PostRequestAsync(pinless), "application/json");
        var (_, missing) = await Open311Calls.ReadAsync(await app.Anonymous().PostRequestAsync(nowhere), "application/json");
        var (_, away) = await Open311Calls.ReadAsync(await app.Anonymous().PostRequestAsync(outside), "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, typedStatus);
        Assert.Contains(Open311Calls.ErrorsIn(typed, typedStatus), d => d.StartsWith("address_string:", StringComparison.Ordinal));
        Assert.Contains(Open311Calls.ErrorsIn(missing, HttpStatusCode.BadRequest), d => d.StartsWith("lat, long: give the place", StringComparison.Ordinal));
        Assert.Contains(Open311Calls.ErrorsIn(away, HttpStatusCode.BadRequest), d => d.Contains("outside the area", StringComparison.Ordinal));
        Assert.Equal(0, await app.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task An_unknown_service_code_is_404_and_a_body_that_is_not_a_form_is_400()
    {
        await using var app = await Open311Calls.StartWithKeyAsync(DatabaseKind.Sqlite);
        var form = (await app.FormAsync()).With("service_code", "no-such-service");

        var (status, text) = await Open311Calls.ReadAsync(await app.Anonymous().PostRequestAsync(form), "application/json");
        var (jsonStatus, jsonText) = await Open311Calls.ReadAsync(
            await app.Anonymous().PostAsJsonAsync("/open311/v2/requests.json", new { api_key = Open311Calls.Key, service_code = "noise" }), "application/json");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("no-such-service", Open311Calls.ErrorsIn(text, status)[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, jsonStatus);
        Assert.Contains("x-www-form-urlencoded", Open311Calls.ErrorsIn(jsonText, jsonStatus)[0], StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Multivaluelist_answers_come_as_repeated_attribute_brackets(DatabaseKind kind)
    {
        await using var app = await Open311Calls.StartWithKeyAsync(kind, waiveTwoFactor: true);
        var admin = await app.SignedInAsync("admin");
        var saved = await admin.PutAsJsonAsync("/api/v1/categories/heating-outage", new
        {
            name = "停暖", nameEn = "Heating outage", group = "utilities", priority = "Utility", handlerGridRole = "GridChief",
            attributes = new object[]
            {
                new { code = "kind", datatype = "multivaluelist", required = true, order = 1, description = "哪些设备", values = new[] { new { key = "radiator", name = "暖气片" }, new { key = "floor", name = "地暖" } } },
                new { code = "rooms", datatype = "number", required = false, order = 2, description = "受影响的房间数" },
            },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var form = (await app.FormAsync("heating-outage")).With("attribute[kind][]", "radiator");
        form.Add(new("attribute[kind][]", "floor"));
        form.Add(new("attribute[rooms]", "3"));

        var posted = await app.Anonymous().PostedAsync(form);
        var bad = form.With("attribute[kind][]", "boiler");
        var (badStatus, badText) = await Open311Calls.ReadAsync(await app.Anonymous().PostRequestAsync(bad.With("attribute[rooms]", "three")), "application/json");
        var id = long.Parse(posted.GetProperty("service_request_id").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var answers = await app.WithDbAsync(db => db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => c.Answers).SingleAsync());

        Assert.Equal(["radiator", "floor"], answers.Single(a => a.Code == "kind").Values);
        Assert.Equal(["3"], answers.Single(a => a.Code == "rooms").Values);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        var errors = Open311Calls.ErrorsIn(badText, badStatus);
        Assert.Contains(errors, d => d.StartsWith("attribute[kind]: must be one of: radiator, floor", StringComparison.Ordinal));
        Assert.Contains(errors, d => d.StartsWith("attribute[rooms]: must be a number", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Media_files_come_in_a_multipart_form_and_a_media_url_is_kept_only_for_the_handlers()
    {
        await using var app = await Open311Calls.StartWithKeyAsync(DatabaseKind.Sqlite);
        var form = (await app.FormAsync()).With("media_url", "https://photos.example.org/leak.jpg");
        using var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in form)
        {
            multipart.Add(new StringContent(value), name);
        }

        multipart.Add(new ByteArrayContent(TestImages.JpegWithGpsExif(64, 48)) { Headers = { ContentType = new("image/jpeg") } }, "media", "leak.jpg");

        var (status, text) = await Open311Calls.ReadAsync(await app.Anonymous().PostAsync("/open311/v2/requests.json", multipart), "application/json");
        var id = JsonDocument.Parse(text).RootElement[0].GetProperty("service_request_id").GetString();
        var work = await (await app.SignedInAsync("handler")).GetFromJsonAsync<JsonElement>($"/api/v1/work/cases/{id}");
        var (_, requests, requestsText) = await app.Anonymous().GetJsonAsync($"/requests/{id}.json", "requests.json");

        Assert.True(status == HttpStatusCode.OK, text);
        Assert.Single(work.GetProperty("photos").EnumerateArray());
        var note = Assert.Single(work.GetProperty("events").EnumerateArray(), e => e.GetProperty("note").GetString()?.Contains("photos.example.org") == true);
        Assert.False(note.GetProperty("public").GetBoolean());
        Assert.Equal(JsonValueKind.Null, requests[0].GetProperty("media_url").ValueKind);
        Assert.DoesNotContain("photos.example.org", requestsText, StringComparison.Ordinal);
    }
}
