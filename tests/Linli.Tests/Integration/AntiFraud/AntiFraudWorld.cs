using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Data;
using Linli.Web.Features.AntiFraud.Escalation;
using Linli.Web.Features.Demo;
using Linli.Web.Features.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Integration.AntiFraud;

/// <summary>
/// The demo street's alliance (the bank in communities 001–004, the property company in 001) and helpers: alerts,
/// extra staff accounts anywhere, and the jobs run on the test's clock.
/// </summary>
public static class AntiFraudWorld
{
    public const string Community = DemoAccounts.CommunityCode;
    public const string Sibling = TreeGenerator.ShiqiaopuCode + "002";
    public const string NotAMember = TreeGenerator.ShiqiaopuCode + "005";
    public const string Password = "anti-fraud-passphrase";

    public static Task<LinliApp> StartAsync(DatabaseKind kind, FakeTimeProvider? clock = null, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Security:DemoWaivesRequiredTwoFactor"] = "true" };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return LinliApp.StartAsync(kind, all, services: clock is null ? null : s => s.AddSingleton<TimeProvider>(clock));
    }

    public static object Alert(string community = Community, string risk = "high", string phone = "138 0000 1234", string name = "李秀兰", string? unitCode = DemoAccounts.UnitCode, string? address = null) => new
    {
        communityCode = community, name, phone, unitCode, address, risk,
        seen = "老人要取现2万元买“养老投资”，一直在接电话 Withdrawing 20,000 while on the phone", amountAtRisk = 20000,
    };

    public static Task<HttpResponseMessage> RaiseAsync(this HttpClient client, object alert) => client.PostAsJsonAsync("/api/v1/antifraud/alerts", alert);

    public static async Task<long> RaisedAsync(this HttpClient client, object alert)
    {
        var response = await client.RaiseAsync(alert);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt64();
    }

    public static Task<HttpResponseMessage> VisitAsync(this HttpClient client, long number, object visit) =>
        client.PostAsJsonAsync($"/api/v1/antifraud/orders/{number}/visit", visit);

    public static Task<HttpResponseMessage> CloseAsync(this HttpClient client, long number, object? body = null) =>
        client.PostAsJsonAsync($"/api/v1/antifraud/orders/{number}/close", body ?? new { });

    public static Task<HttpResponseMessage> OrderAsync(this HttpClient client, long number) => client.GetAsync($"/api/v1/antifraud/orders/{number}");

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<string[]> ErrorFieldsAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return [.. (await response.JsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order()];
    }

    /// <summary>A new signed-in account holding <paramref name="role"/> at a node or at a partner (by name).</summary>
    public static async Task<HttpClient> StaffAsync(this LinliApp app, string login, StaffRole role, string? nodeCode = null, string? partnerName = null)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LinliUser>>();
            var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
            var user = new LinliUser { UserName = login, DisplayName = login, Kind = AccountKind.Staff, CreatedAt = DateTimeOffset.UtcNow, Email = login + "@example.org" };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            db.RoleAssignments.Add(new RoleAssignment
            {
                UserId = user.Id, Role = role, GrantedAt = DateTimeOffset.UtcNow,
                NodeId = nodeCode is null ? null : await db.Nodes.Where(n => n.Code == nodeCode).Select(n => n.Id).SingleAsync(),
                PartnerId = partnerName is null ? null : await db.Partners.Where(p => p.Name == partnerName).Select(p => p.Id).SingleAsync(),
            });
            await db.SaveChangesAsync();
        }

        return await app.SignedInAsync(login, password: Password);
    }

    public static string PropertyCompany => DemoOrganisations.StreetPartners[1].Name;

    public static Task<int> EscalateOrdersAsync(this LinliApp app) => app.InScopeAsync<OrderEscalator>(e => e.RunOnceAsync());

    public static Task<int> EraseExpiredAsync(this LinliApp app) => app.InScopeAsync<PersonalFieldEraser>(e => e.EraseDueAsync());

    public static Task<int> AuditCountAsync(this LinliApp app, long number, string actorLogin) => app.WithDbAsync(db =>
    {
        var id = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return db.AuditEntries.CountAsync(a => a.RecordType == "DissuasionOrder" && a.RecordId == id && db.Users.Any(u => u.Id == a.ActorUserId && u.UserName == actorLogin));
    });

    private static async Task<int> InScopeAsync<T>(this LinliApp app, Func<T, Task<int>> run)
        where T : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<T>());
    }
}
