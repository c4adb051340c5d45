using System.Net;
using System.Text.Json;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Integration.Open311;

public sealed class DiscoveryAndServicesTests
{
    [Theory, BothDatabases]
    public async Task Discovery_points_to_the_georeport_v2_endpoint_in_json_and_xml(DatabaseKind kind)
    {
        await using var app = await Open311Calls.StartWithKeyAsync(kind);
        var client = app.Anonymous();

        var (status, json, _) = await client.GetJsonAsync("/discovery.json", "discovery.json");
        var (xmlStatus, xml, _) = await client.GetXmlAsync("/discovery.xml");

        Assert.Equal(HttpStatusCode.OK, status);
        var endpoint = json.GetProperty("endpoints")[0];
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.EndsWith("/open311/v2", endpoint.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(["text/xml", "application/json"], endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(HttpStatusCode.OK, xmlStatus);
        Assert.Equal("discovery", xml.Name.LocalName);
        Assert.NotEmpty(xml.Element("key_service")!.Value);
        Assert.Equal(["text/xml", "application/json"], xml.Element("endpoints")!.Element("endpoint")!.Element("formats")!.Elements("format").Select(f => f.Value));
    }

    [Theory, BothDatabases]
    public async Task The_service_list_is_the_category_catalogue(DatabaseKind kind)
    {
        await using var app = await Open311Calls.StartWithKeyAsync(kind);
        var client = app.Anonymous();

        var (status, json, _) = await client.GetJsonAsync("/services.json", "services.json");
        var services = json.EnumerateArray().ToDictionary(s => s.GetProperty("service_code").GetString()!);
        var (_, xml, _) = await client.GetXmlAsync("/services.xml");
        using var english = new HttpRequestMessage(HttpMethod.Get, "/open311/v2/services.json");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var inEnglish = JsonDocument.Parse(await (await client.SendAsync(english)).Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(13, services.Count);
        Assert.True(services["water-leak"].GetProperty("metadata").GetBoolean());
        Assert.False(services["parking"].GetProperty("metadata").GetBoolean());
        Assert.Equal("漏水", services["water-leak"].GetProperty("service_name").GetString());
        Assert.Equal("water", services["water-leak"].GetProperty("group").GetString());
        Assert.All(services.Values, s => Assert.Equal("realtime", s.GetProperty("type").GetString()));
        Assert.Contains(inEnglish.EnumerateArray(), s => s.GetProperty("service_name").GetString() == "Water leakage");
        Assert.Equal("services", xml.Name.LocalName);
        Assert.Equal(13, xml.Elements("service").Count());
        Assert.Contains(xml.Elements("service"), s => s.Element("service_code")!.Value == "water-leak" && s.Element("metadata")!.Value == "true");
    }

    [Theory, BothDatabases]
    public async Task A_service_definition_lists_the_categorys_questions_as_open311_attributes(DatabaseKind kind)
    {
        await using var app = await Open311Calls.StartWithKeyAsync(kind);
        var client = app.Anonymous();

        var (status, leak, _) = await client.GetJsonAsync("/services/water-leak.json", "service-definition.json");
        var (_, noise, noiseText) = await client.GetJsonAsync("/services/noise.json", "service-definition.json");
        var (_, parking, _) = await client.GetJsonAsync("/services/parking.json", "service-definition.json");
        var (_, xml, _) = await client.GetXmlAsync("/services/water-leak.xml");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("water-leak", leak.GetProperty("service_code").GetString());
        var where = leak.GetProperty("attributes")[0];
        Assert.True(where.GetProperty("variable").GetBoolean());
        Assert.Equal("where", where.GetProperty("code").GetString());
        Assert.Equal("singlevaluelist", where.GetProperty("datatype").GetString());
        Assert.True(where.GetProperty("required").GetBoolean());
        Assert.Equal(1, where.GetProperty("order").GetInt32());
        Assert.Equal(["street", "building", "home"], where.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()));
        Assert.Equal("datetime", noise.GetProperty("attributes")[0].GetProperty("datatype").GetString());
        Assert.DoesNotContain("\"values\"", noiseText, StringComparison.Ordinal);
        Assert.Empty(parking.GetProperty("attributes").EnumerateArray());
        Assert.Equal("service_definition", xml.Name.LocalName);
        var attribute = xml.Element("attributes")!.Element("attribute")!;
        Assert.Equal("where", attribute.Element("code")!.Value);
        Assert.Equal("", attribute.Element("datatype_description")!.Value);
        Assert.Equal(["street", "building", "home"], attribute.Element("values")!.Elements("value").Select(v => v.Element("key")!.Value));
    }

    [Fact]
    public async Task Unknown_services_resources_and_formats_answer_404_in_the_open311_error_format()
    {
        await using var app = await Open311Calls.StartWithKeyAsync(DatabaseKind.Sqlite);
        var client = app.Anonymous();

        var (status, _, text) = await client.GetJsonAsync("/services/no-such-thing.json");
        var (xmlStatus, xml, _) = await client.GetXmlAsync("/services/no-such-thing.xml");
        var html = await client.GetAsync("/open311/v2/services.html");
        var (htmlStatus, htmlText) = await Open311Calls.ReadAsync(html, "application/json");
        var (nothingStatus, nothingText) = await Open311Calls.ReadAsync(await client.GetAsync("/open311/v2/nothing-here.json"), "application/json");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("no-such-thing", Open311Calls.ErrorsIn(text, status)[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, xmlStatus);
        Assert.Equal("errors", xml.Name.LocalName);
        Assert.Equal("404", xml.Element("error")!.Element("code")!.Value);
        Assert.NotEmpty(xml.Element("error")!.Element("description")!.Value);
        Assert.Equal(HttpStatusCode.NotFound, htmlStatus);
        Assert.Contains(".json or .xml", Open311Calls.ErrorsIn(htmlText, htmlStatus)[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, nothingStatus);
        Open311Calls.ErrorsIn(nothingText, nothingStatus);
    }

    [Fact]
    public async Task The_open311_resources_are_in_the_openapi_document()
    {
        await using var app = await Open311Calls.StartWithKeyAsync(DatabaseKind.Sqlite);

        var document = await app.Anonymous().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/open311/v2/requests/{id}.{format}", document, StringComparison.Ordinal);
        Assert.Contains("/api/v1/open311/keys", document, StringComparison.Ordinal);
    }
}
