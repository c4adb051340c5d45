using System.Net;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;

namespace Linli.Tests.Integration.Dashboards;

public sealed class DashboardPageTests
{
    [Theory, BothDatabases]
    public async Task The_page_starts_at_the_callers_node_and_shows_changes_in_words(DatabaseKind kind)
    {
        await using var app = await DashboardScenario.StartAsync(kind);
        var street = await app.SignedInAsync("street");
        street.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var home = await street.GetStringAsync("/work/dashboards");
        var march = await street.GetStringAsync($"/work/dashboards/{TreeGenerator.ShiqiaopuCode}?{DashboardScenario.March}");
        var anonymous = await app.Anonymous().GetAsync("/work/dashboards");

        Assert.Contains("Dashboard: Shiqiaopu Street", home);
        Assert.Contains("2025-03-01 to 2025-03-31", march);
        Assert.Contains("vs last month up 200.0%", march);
        Assert.Contains("vs last year no base", march);
        Assert.Contains("<title id=\"trend-title\">", march);
        Assert.Contains($"href=\"/work/dashboards/{DemoAccounts.CommunityCode}?period=custom&amp;from=2025-03-01&amp;until=2025-03-31\"", march);
        Assert.Contains("data-link-base=\"/work/dashboards/\"", march);
        Assert.Contains($"/work/exports/new?dataset=dashboard&amp;node={TreeGenerator.ShiqiaopuCode}&amp;period=custom", march);
        Assert.Contains("href=\"/work/dashboards\" aria-current=\"page\"", march);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }
}
