using System.Globalization;
using System.Net;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Cases;
using Linli.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration.Open311;

public sealed class GetServiceRequestsTests
{
    private sealed record Filed(string Leak, string Noise, string Fraud, string FraudToken);

    /// <summary>A water leak filed 100 days ago, a noise report since closed, and an open fraud attempt (a sensitive category).</summary>
    private static async Task<Filed> FileThreeAsync(LinliApp app)
    {
        var client = app.Anonymous();
        var leak = (await client.PostedAsync(await app.FormAsync("water-leak"))).GetProperty("service_request_id").GetString()!;
        var noise = (await client.PostedAsync(await app.FormAsync("noise"))).GetProperty("service_request_id").GetString()!;
        var fraud = await client.PostedAsync(await app.FormAsync("fraud-attempt"));
        var (leakId, noiseId) = (long.Parse(leak, CultureInfo.InvariantCulture), long.Parse(noise, CultureInfo.InvariantCulture));
        await app.WithDbAsync(async db =>
        {
            var hundredDaysAgo = DateTimeOffset.UtcNow.AddDays(-100);
            await db.Cases.Where(c => c.Id == leakId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReportedAt, hundredDaysAgo));
            await db.CaseEvents.Where(e => e.CaseId == leakId).ExecuteUpdateAsync(s => s.SetProperty(e => e.At, hundredDaysAgo));
            await db.Cases.Where(c => c.Id == noiseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CaseState.Closed));
            return 0;
        });
        return new Filed(leak, noise, fraud.GetProperty("service_request_id").GetString()!, fraud.GetProperty("token").GetString()!);
    }

    private static async Task<string[]> IdsAsync(HttpClient client, string query)
    {
        var (status, body, text) = await client.GetJsonAsync("/requests.json" + query, "requests.json");
        Assert.True(status == HttpStatusCode.OK, $"{query}: {text}");
        return [.. body.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!).Order()];
    }

    private static string W3c(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));

    [Theory, BothDatabases]
    public async Task Every_filter_and_the_90_day_default_window(DatabaseKind kind)
    {
        await using var app = await Open311Calls.StartWithKeyAsync(kind);
        var f = await FileThreeAsync(app);
        var client = app.Anonymous();
        var now = DateTimeOffset.UtcNow;
        string[] Sorted(params string[] ids) => [.. ids.Order()];

        Assert.Equal(Sorted(f.Noise, f.Fraud), await IdsAsync(client, ""));
        Assert.Equal(Sorted(f.Fraud), await IdsAsync(client, "?status=open"));
        Assert.Equal(Sorted(f.Noise), await IdsAsync(client, "?status=closed"));
        Assert.Equal(Sorted(f.Noise, f.Fraud), await IdsAsync(client, "?status=open,closed"));
        Assert.Equal(Sorted(f.Noise), await IdsAsync(client, "?service_code=noise"));
        Assert.Equal(Sorted(f.Noise, f.Fraud), await IdsAsync(client, "?service_code=noise,fraud-attempt"));
        Assert.Equal(Sorted(f.Noise, f.Fraud), await IdsAsync(client, "?service_code=noise&service_code=fraud-attempt"));
        Assert.Equal(Sorted(f.Fraud), await IdsAsync(client, "?service_code=noise,fraud-attempt&status=open"));
        Assert.Equal(Sorted(f.Leak), await IdsAsync(client, $"?start_date={W3c(now.AddDays(-101))}&end_date={W3c(now.AddDays(-99))}"));
        Assert.Equal(Sorted(f.Leak), await IdsAsync(client, $"?start_date={W3c(now.AddDays(-101))}"));
        Assert.Equal(Sorted(f.Leak), await IdsAsync(client, $"?end_date={W3c(now.AddDays(-99))}"));
        Assert.Equal(Sorted(f.Noise, f.Fraud), await IdsAsync(client, $"?start_date={W3c(now.AddHours(-1))}&end_date={W3c(now.AddHours(1))}"));

        // A "+08:00" offset sent without escaping arrives as a space and still reads as +08:00.
        var beijing = now.ToOffset(ChinaCalendar.Offset).AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        Assert.Equal(Sorted(f.Noise, f.Fraud), await IdsAsync(client, $"?start_date={beijing}+08:00"));

        // Ids override every other argument.
        Assert.Equal(Sorted(f.Leak, f.Noise), await IdsAsync(client, $"?service_request_id={f.Leak},{f.Noise}&status=open&service_code=fraud-attempt"));
    }

    [Theory]
    [InlineData("?status=pending", 400, "status:")]
    [InlineData("?start_date=yesterday", 400, "start_date:")]
    [InlineData("?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", 400, "start_date, end_date: a search may not span more than 90 days")]
    [InlineData("?start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z", 400, "end_date: is before start_date")]
    [InlineData("?service_request_id=12,abc", 400, "service_request_id: 'abc'")]
    [InlineData("?service_code=no-such-service", 404, "service_code 'no-such-service' was not found")]
    public async Task A_bad_query_is_answered_with_an_open311_error(string query, int code, string expected)
    {
        await using var app = await Open311Calls.StartWithKeyAsync(DatabaseKind.Sqlite);

        var (status, _, text) = await app.Anonymous().GetJsonAsync("/requests.json" + query);
        var (xmlStatus, xml, _) = await app.Anonymous().GetXmlAsync("/requests.xml" + query);

        Assert.Equal(code, (int)status);
        Assert.Contains(Open311Calls.ErrorsIn(text, status), d => d.StartsWith(expected, StringComparison.Ordinal));
        Assert.Equal(code, (int)xmlStatus);
        Assert.Equal(code.ToString(CultureInfo.InvariantCulture), xml.Element("error")!.Element("code")!.Value);
    }

    [Theory, BothDatabases]
    public async Task No_personal_data_is_public_and_sensitive_cases_are_never_placed(DatabaseKind kind)
    {
        await using var app = await Open311Calls.StartWithKeyAsync(kind);
        var f = await FileThreeAsync(app);
        var client = app.Anonymous();

        var (_, list, listText) = await client.GetJsonAsync($"/requests.json?service_request_id={f.Leak},{f.Noise},{f.Fraud}", "requests.json");
        var (_, xml, xmlText) = await client.GetXmlAsync($"/requests.xml?service_request_id={f.Leak},{f.Noise},{f.Fraud}");
        var byId = list.EnumerateArray().ToDictionary(r => r.GetProperty("service_request_id").GetString()!);
        var receipts = await app.WithDbAsync(db => db.Cases.Select(c => c.Receipt).ToListAsync());

        foreach (var text in new[] { listText, xmlText })
        {
            Assert.DoesNotContain("晓东", text, StringComparison.Ordinal);
            Assert.DoesNotContain("reporter@example.org", text, StringComparison.Ordinal);
            Assert.DoesNotContain("138 0000", text, StringComparison.Ordinal);
            Assert.DoesNotContain("account-7", text, StringComparison.Ordinal);
            Assert.DoesNotContain("device-42", text, StringComparison.Ordinal);
            Assert.All(receipts, receipt => Assert.DoesNotContain(receipt, text, StringComparison.Ordinal));
        }

        var leak = byId[f.Leak];
        Assert.Equal("open", leak.GetProperty("status").GetString());
        Assert.Equal("water-leak", leak.GetProperty("service_code").GetString());
        Assert.Equal("漏水", leak.GetProperty("service_name").GetString());
        Assert.Contains("Water keeps coming up", leak.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("供水", leak.GetProperty("agency_responsible").GetString(), StringComparison.Ordinal);
        Assert.Contains("dispatched", leak.GetProperty("status_notes").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, leak.GetProperty("lat").ValueKind);
        Assert.Equal("石桥铺1号楼前 In front of building 1", leak.GetProperty("address").GetString());
        Assert.EndsWith("+08:00", leak.GetProperty("requested_datetime").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(JsonValueKind.Null, leak.GetProperty("expected_datetime").ValueKind);
        Assert.Equal("closed", byId[f.Noise].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, byId[f.Noise].GetProperty("expected_datetime").ValueKind);

        var fraud = byId[f.Fraud];
        foreach (var hidden in new[] { "lat", "long", "address", "address_id", "zipcode", "description", "media_url" })
        {
            Assert.Equal(JsonValueKind.Null, fraud.GetProperty(hidden).ValueKind);
        }

        Assert.Equal("fraud-attempt", fraud.GetProperty("service_code").GetString());
        Assert.Contains("社区民警", fraud.GetProperty("agency_responsible").GetString(), StringComparison.Ordinal);

        var fraudXml = xml.Elements("request").Single(r => r.Element("service_request_id")!.Value == f.Fraud);
        Assert.Equal("", fraudXml.Element("lat")!.Value);
        Assert.Equal("", fraudXml.Element("address")!.Value);
        var leakXml = xml.Elements("request").Single(r => r.Element("service_request_id")!.Value == f.Leak);
        Assert.Equal(leak.GetProperty("lat").GetDouble(), double.Parse(leakXml.Element("lat")!.Value, CultureInfo.InvariantCulture));
        Assert.Equal("open", leakXml.Element("status")!.Value);
    }

    [Theory, BothDatabases]
    public async Task One_request_and_a_token_are_found_in_json_and_xml_and_unknown_ones_are_404(DatabaseKind kind)
    {
        await using var app = await Open311Calls.StartWithKeyAsync(kind);
        var f = await FileThreeAsync(app);
        var client = app.Anonymous();

        var (status, one, _) = await client.GetJsonAsync($"/requests/{f.Noise}.json", "requests.json");
        var (_, oneXml, _) = await client.GetXmlAsync($"/requests/{f.Noise}.xml");
        var (tokenStatus, token, _) = await client.GetJsonAsync($"/tokens/{f.FraudToken}.json", "tokens.json");
        var (_, tokenXml, _) = await client.GetXmlAsync($"/tokens/{f.FraudToken}.xml");
        var (missingStatus, _, missingText) = await client.GetJsonAsync("/requests/987654321.json");
        var (wordStatus, _, wordText) = await client.GetJsonAsync("/requests/abc.json");
        var (noTokenStatus, _, noTokenText) = await client.GetJsonAsync($"/tokens/{new string('0', 32)}.json");
        var (noTokenXmlStatus, noTokenXml, _) = await client.GetXmlAsync("/tokens/not-a-token.xml");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(f.Noise, Assert.Single(one.EnumerateArray()).GetProperty("service_request_id").GetString());
        Assert.Equal("service_requests", oneXml.Name.LocalName);
        Assert.Equal("closed", oneXml.Element("request")!.Element("status")!.Value);
        Assert.Equal(HttpStatusCode.OK, tokenStatus);
        Assert.Equal(f.Fraud, token[0].GetProperty("service_request_id").GetString());
        Assert.Equal(f.FraudToken, token[0].GetProperty("token").GetString());
        Assert.Equal(f.Fraud, tokenXml.Element("request")!.Element("service_request_id")!.Value);
        Assert.Equal(HttpStatusCode.NotFound, missingStatus);
        Open311Calls.ErrorsIn(missingText, missingStatus);
        Assert.Equal(HttpStatusCode.NotFound, wordStatus);
        Open311Calls.ErrorsIn(wordText, wordStatus);
        Assert.Equal(HttpStatusCode.NotFound, noTokenStatus);
        Open311Calls.ErrorsIn(noTokenText, noTokenStatus);
        Assert.Equal(HttpStatusCode.NotFound, noTokenXmlStatus);
        Assert.Equal("errors", noTokenXml.Name.LocalName);
    }

    [Theory, BothDatabases]
    public async Task At_most_1000_requests_are_listed_newest_first(DatabaseKind kind)
    {
        await using var app = await Open311Calls.StartWithKeyAsync(kind);
        var first = (await app.Anonymous().PostedAsync(await app.FormAsync("parking"))).GetProperty("service_request_id").GetString()!;
        await app.WithDbAsync(async db =>
        {
            var template = await db.Cases.AsNoTracking().SingleAsync();
            var now = DateTimeOffset.UtcNow;
            for (var i = 1; i <= 1000; i++)
            {
                db.Cases.Add(new Case
                {
                    Receipt = ReceiptCodes.New(), CategoryId = template.CategoryId, Description = $"第 {i} 辆车 Car {i}", Source = CaseSource.Api,
                    State = CaseState.New, Latitude = template.Latitude, Longitude = template.Longitude, GridNodeId = template.GridNodeId,
                    GridPath = template.GridPath, ReportedAt = now.AddMinutes(-i), RespondBy = now.AddDays(1), ResolveBy = now.AddDays(7),
                });
            }

            return await db.SaveChangesAsync();
        });

        var (status, list, _) = await app.Anonymous().GetJsonAsync("/requests.json", "requests.json");
        var requested = list.EnumerateArray().Select(r => DateTimeOffset.Parse(r.GetProperty("requested_datetime").GetString()!, CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1000, list.GetArrayLength());
        Assert.Equal(first, list[0].GetProperty("service_request_id").GetString());
        Assert.Equal(requested.OrderDescending(), requested);
        Assert.Equal("Car 999", list[999].GetProperty("description").GetString()![^7..]);
    }
}
