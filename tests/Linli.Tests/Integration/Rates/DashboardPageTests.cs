using System.Net;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;

namespace Linli.Tests.Integration.Rates;

public sealed class DashboardPageTests
{
    [Theory, BothDatabases]
    public async Task The_dashboard_page_shows_the_same_figures_as_the_api(DatabaseKind kind)
    {
        await using var app = await RatesScenario.StartAsync(kind);
        var client = app.Anonymous();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        const string March = "?period=custom&from=2025-03-01&until=2025-03-31";

        var street = await client.GetAsync($"/dashboard/{TreeGenerator.ShiqiaopuCode}{March}");
        var streetHtml = await street.Content.ReadAsStringAsync();
        var gridHtml = await client.GetStringAsync($"/dashboard/{DemoAccounts.GridCode}{March}");
        var unit = await client.GetStringAsync($"/dashboard/{DemoAccounts.UnitCode}");
        var missing = await client.GetAsync("/dashboard/999999");

        Assert.Equal(HttpStatusCode.OK, street.StatusCode);
        Assert.Contains("2025-03-01 to 2025-03-31", streetHtml);
        Assert.Contains("3 accepted in time / 5 due", streetHtml);
        Assert.Contains("2 resolved / 4 due", streetHtml);
        Assert.Contains("1 rated 4–5 stars / 2 ratings", streetHtml);
        Assert.Contains("1 resolved in time / 2 resolved", streetHtml);
        Assert.Contains("Fraud attempt", streetHtml);
        Assert.Contains("data-shades=", streetHtml);
        Assert.Contains("/api/v1/rates?node=500107001&amp;from=2025-03-01&amp;to=2025-04-01", streetHtml);

        Assert.Contains("Sensitive categories (total)", gridHtml);
        Assert.DoesNotContain("Fraud attempt", gridHtml);
        Assert.DoesNotContain("id=\"map\"", gridHtml);

        Assert.Contains("figures are kept down to grid level", unit);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
