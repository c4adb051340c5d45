using System.Net;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration.Partners;

public sealed class PartnerPagesTests
{
    [Theory, BothDatabases]
    public async Task Staff_pages_show_the_registry_evaluation_and_the_demo_negotiation_in_scope_only(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var street = await app.SignedInAsync("street");
        var worker = await app.SignedInAsync("worker");
        var bank = await app.PartnerIdAsync("重庆银行石桥铺支行");
        var negotiation = await app.WithDbAsync(db => db.Negotiations.Select(n => n.Id).SingleAsync());

        var registry = await street.GetStringAsync("/work/partners");
        Assert.Contains("石桥铺小区业主委员会", registry);
        var page = await street.GetStringAsync($"/work/partners/{bank}");
        Assert.Contains("周敏", page);
        Assert.Contains("年度评价", page);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/work/partners/{bank}")).StatusCode);

        var negotiations = await worker.GetStringAsync($"/work/negotiations/{negotiation}");
        Assert.Contains("错峰使用北侧通道", negotiations);
        Assert.Contains("弃权", negotiations);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("police")).GetAsync($"/work/negotiations/{negotiation}")).StatusCode);

        // The demo screening is six days ahead, which may be next month's calendar.
        var screeningMonth = Web.Features.Partners.PartnerRules.InChina(DateTimeOffset.UtcNow).AddDays(6).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var directory = await app.Anonymous().GetStringAsync($"/partners?community={PartnerWorld.Community}&month={screeningMonth}");
        Assert.Contains("石桥铺派出所", directory);
        Assert.Contains("反诈电影免费放映", directory);
    }
}
