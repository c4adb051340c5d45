using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Integration.Partners;

/// <summary>Helpers the partner and negotiation tests share: demo partners by name, fresh residents, field errors.</summary>
public static class PartnerWorld
{
    public const string Community = Web.Features.Demo.DemoAccounts.CommunityCode;
    public const string OtherCommunity = Web.Features.Demo.TreeGenerator.ShiqiaopuCode + "002";
    public static readonly Dictionary<string, string?> Waiver = new() { ["Security:DemoWaivesRequiredTwoFactor"] = "true" };

    public static Task<int> PartnerIdAsync(this LinliApp app, string name) => app.WithDbAsync(db => db.Partners.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());

    /// <summary>A new resident account with a password, signed in.</summary>
    public static async Task<HttpClient> NewResidentAsync(this LinliApp app, string login)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LinliUser>>();
            var created = await users.CreateAsync(new LinliUser { UserName = login, DisplayName = login, Kind = AccountKind.Resident, CreatedAt = DateTimeOffset.UtcNow }, "resident-passphrase");
            Assert.True(created.Succeeded);
        }

        return await app.SignedInAsync(login, password: "resident-passphrase");
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, System.Net.HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The fields a ProblemDetails answer names in its errors.</summary>
    public static async Task<string[]> ErrorFieldsAsync(this HttpResponseMessage response, System.Net.HttpStatusCode expected)
    {
        var problem = await response.JsonAsync(expected);
        return [.. problem.GetProperty("errors").EnumerateObject().Select(e => e.Name)];
    }

    /// <summary>An event a few days ahead at the partner (created by the given client), with room for <paramref name="capacity"/>.</summary>
    public static async Task<int> NewEventAsync(this HttpClient client, int partnerId, int capacity, string community = Community)
    {
        var starts = DateTimeOffset.UtcNow.AddDays(5);
        var created = await client.PostAsJsonAsync($"/api/v1/partners/{partnerId}/offers", new
        {
            kind = "FreeScreening", title = "公益放映", startsAt = starts, endsAt = starts.AddHours(2), place = "3 号厅", communityCode = community, capacity,
        });
        return (await created.JsonAsync(System.Net.HttpStatusCode.Created)).GetProperty("id").GetInt32();
    }
}
