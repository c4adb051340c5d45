using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Tests.Integration.AntiFraud;
using Linli.Web.Features.Demo;
using Linli.Web.Infrastructure.Time;

namespace Linli.Tests.Integration.Policing;

/// <summary>Helpers for the policing tests: dates of last week (all in the past) and the half-day and visit calls.</summary>
public static class PolicingWorld
{
    public const string Api = "/api/v1/policing";
    public const string Community = DemoAccounts.CommunityCode;
    public const string Quiet = TreeGenerator.ShiqiaopuCode + "010";
    public const string QuietUnit = Quiet + "001" + "001" + "01";

    public static Task<LinliApp> StartAsync(DatabaseKind kind) => AntiFraudWorld.StartAsync(kind);

    public static DateOnly LastMonday => ChinaCalendar.WeekStart(ChinaCalendar.Today(DateTimeOffset.UtcNow)).AddDays(-7);

    public static Task<HttpResponseMessage> LogAsync(this HttpClient client, string community, DateOnly date, string period = "morning") =>
        client.PostAsJsonAsync($"{Api}/half-days", new { communityCode = community, date = date.ToString("yyyy-MM-dd"), period });

    public static async Task<int> LoggedAsync(this HttpClient client, string community, DateOnly date, string period = "morning")
    {
        var response = await client.LogAsync(community, date, period);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    public static Task<HttpResponseMessage> VisitAsync(this HttpClient client, int halfDay, object visit) =>
        client.PostAsJsonAsync($"{Api}/half-days/{halfDay}/visits", visit);

    public static async Task<int> VisitedAsync(this HttpClient client, int halfDay, object visit)
    {
        var response = await client.VisitAsync(halfDay, visit);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    public static object Household(string unit, string? concern = null) => new { kind = "household", unitCode = unit, topic = "防诈骗宣传", advice = "不要向陌生账户转账", concern };

    public static object Organisation(string name, string? concern = null) => new { kind = "organisation", organisationName = name, topic = "消防安全", concern };
}
