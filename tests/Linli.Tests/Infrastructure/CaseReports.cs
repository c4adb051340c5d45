using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Infrastructure;

/// <summary>Shorthands for tests that report and work on cases in the demo street.</summary>
public static class CaseReports
{
    /// <summary>The middle of a node's geometry (a building or a grid of the demo street).</summary>
    public static Task<(double Lat, double Lon)> CentreOfAsync(this LinliApp app, string code) =>
        app.WithDbAsync(async db =>
        {
            var node = await db.Nodes.SingleAsync(n => n.Code == code);
            var centre = node.Geometry!.InteriorPoint;
            return (centre.Y, centre.X);
        });

    /// <summary>A valid report body at the demo building, with the answers the default categories require.</summary>
    public static async Task<Dictionary<string, object?>> ReportAsync(this LinliApp app, string category = "water-leak", string? at = null, double offsetMeters = 0)
    {
        var (lat, lon) = await app.CentreOfAsync(at ?? DemoAccounts.BuildingCode);
        var attributes = category switch
        {
            "water-leak" => new Dictionary<string, object> { ["where"] = "street" },
            "sewer-blockage" => new Dictionary<string, object> { ["overflowing"] = "yes" },
            _ => [],
        };
        return new Dictionary<string, object?>
        {
            ["category"] = category,
            ["description"] = "楼下路面一直在冒水 Water keeps coming up through the road",
            ["latitude"] = lat + offsetMeters / 111_320,
            ["longitude"] = lon,
            ["attributes"] = attributes,
            ["name"] = "吴晓东",
            ["email"] = "reporter@example.org",
            ["phone"] = "+86 138 0000 0000",
        };
    }

    /// <summary>Posts a report and returns the intake answer; fails the test on anything but 201.</summary>
    public static async Task<JsonElement> FileAsync(this HttpClient client, object report)
    {
        var response = await client.PostAsJsonAsync("/api/v1/cases", report);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> ActAsync(this HttpClient staff, long number, string action, object? body = null)
    {
        var response = await staff.PostAsJsonAsync($"/api/v1/work/cases/{number}/{action}", body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{action} #{number}: {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
