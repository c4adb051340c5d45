using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;

namespace Linli.Tests.Integration.Open311;

/// <summary>Shorthands for the Open311 tests: an app with a configured key, a valid form, and calls that check the format.</summary>
public static class Open311Calls
{
    public const string Key = "open311-test-key-0123456789";
    public const string Prefix = "/open311/v2";

    public static Task<LinliApp> StartWithKeyAsync(DatabaseKind kind, bool waiveTwoFactor = false)
    {
        var settings = new Dictionary<string, string?> { ["Open311:ApiKeys:0"] = Key };
        if (waiveTwoFactor)
        {
            settings["Security:DemoWaivesRequiredTwoFactor"] = "true";
        }

        return LinliApp.StartAsync(kind, settings);
    }

    /// <summary>A valid POST requests form at the demo building, with a reporter whose details must never be public.</summary>
    public static async Task<List<KeyValuePair<string, string>>> FormAsync(this LinliApp app, string serviceCode = "water-leak")
    {
        var (lat, lon) = await app.CentreOfAsync(DemoAccounts.BuildingCode);
        var form = new List<KeyValuePair<string, string>>
        {
            new("api_key", Key),
            new("service_code", serviceCode),
            new("lat", CaseReports.Invariant(lat)),
            new("long", CaseReports.Invariant(lon)),
            new("address_string", "石桥铺1号楼前 In front of building 1"),
            new("description", "路面一直在冒水 Water keeps coming up through the road"),
            new("first_name", "晓东"),
            new("last_name", "吴"),
            new("email", "reporter@example.org"),
            new("phone", "+86 138 0000 0000"),
            new("device_id", "device-42"),
            new("account_id", "account-7"),
        };
        if (serviceCode == "water-leak")
        {
            form.Add(new("attribute[where]", "street"));
        }
        else if (serviceCode == "sewer-blockage")
        {
            form.Add(new("attribute[overflowing]", "yes"));
        }

        return form;
    }

    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> form, string field, string? value)
    {
        var changed = form.Where(f => f.Key != field).ToList();
        if (value is not null)
        {
            changed.Add(new(field, value));
        }

        return changed;
    }

    public static Task<HttpResponseMessage> PostRequestAsync(this HttpClient client, IEnumerable<KeyValuePair<string, string>> form, string format = "json") =>
        client.PostAsync($"{Prefix}/requests.{format}", new FormUrlEncodedContent(form));

    /// <summary>Posts, checks the 200 and the schema, and returns the one posted request.</summary>
    public static async Task<JsonElement> PostedAsync(this HttpClient client, IEnumerable<KeyValuePair<string, string>> form)
    {
        var (status, body) = await ReadAsync(await client.PostRequestAsync(form), "application/json");
        Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {body}");
        Open311Schemas.AssertValid("posted-requests.json", body);
        return JsonDocument.Parse(body).RootElement[0].Clone();
    }

    /// <summary>GETs JSON, checks the media type and, when named, the schema.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body, string Text)> GetJsonAsync(this HttpClient client, string path, string? schema = null)
    {
        var (status, text) = await ReadAsync(await client.GetAsync(Prefix + path), "application/json");
        if (schema is not null)
        {
            Open311Schemas.AssertValid(schema, text);
        }

        return (status, JsonDocument.Parse(text).RootElement.Clone(), text);
    }

    public static async Task<(HttpStatusCode Status, XElement Root, string Text)> GetXmlAsync(this HttpClient client, string path) =>
        await ParseXmlAsync(await client.GetAsync(Prefix + path));

    public static async Task<(HttpStatusCode Status, XElement Root, string Text)> ParseXmlAsync(HttpResponseMessage response)
    {
        var (status, text) = await ReadAsync(response, "text/xml");
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.Ordinal);
        return (status, XDocument.Parse(text).Root!, text);
    }

    /// <summary>Every Open311 answer is UTF-8 in the format asked for, errors included.</summary>
    public static async Task<(HttpStatusCode Status, string Text)> ReadAsync(HttpResponseMessage response, string mediaType)
    {
        var text = await response.Content.ReadAsStringAsync();
        var contentType = response.Content.Headers.ContentType ?? new MediaTypeHeaderValue("none");
        Assert.True(contentType.MediaType == mediaType && contentType.CharSet == "utf-8", $"{contentType} for {(int)response.StatusCode}: {text}");
        return (response.StatusCode, text);
    }

    /// <summary>The error descriptions of an Open311 error answer, after checking it against the errors schema and its codes.</summary>
    public static IReadOnlyList<string> ErrorsIn(string json, HttpStatusCode status)
    {
        Open311Schemas.AssertValid("errors.json", json);
        var errors = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        Assert.Equal((int)status, errors[0].GetProperty("code").GetInt32());
        return [.. errors.Select(e => e.GetProperty("description").GetString()!)];
    }
}
