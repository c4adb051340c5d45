using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Data;
using Linli.Web.Features.Demo;
using Linli.Web.Features.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Integration.Volunteers;

/// <summary>Set-ups the volunteer tests share: the demo associations, extra residents with passwords, shifts.</summary>
public static class VolunteerWorld
{
    public const string Password = "volunteer-pass-1";

    public static readonly Dictionary<string, string?> Waiver = new() { ["Security:DemoWaivesRequiredTwoFactor"] = "true" };

    public static Task<int> AssociationIdAsync(LinliApp app, string name = DemoVolunteers.PatrolName) =>
        app.WithDbAsync(db => db.VolunteerAssociations.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    /// <summary>A new resident account with a password, signed in.</summary>
    public static async Task<(HttpClient Client, Guid Id)> ResidentAsync(LinliApp app, string login)
    {
        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LinliUser>>();
            var user = new LinliUser { UserName = login, DisplayName = "志愿者" + login, Email = $"{login}@example.org", EmailConfirmed = true, Kind = AccountKind.Resident, CreatedAt = DateTimeOffset.UtcNow };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded);
            id = user.Id;
        }

        return (await app.SignedInAsync(login, password: Password), id);
    }

    public static async Task<HttpResponseMessage> JoinAsync(HttpClient client, int associationId, string? version = null) =>
        await client.PostAsJsonAsync($"/api/v1/volunteers/associations/{associationId}/members",
            new { consentVersion = version ?? Consents.VolunteeringText.Version, skills = "急救", availability = "周末" });

    public static object Patrol(DateTimeOffset starts, int capacity = 5, double hours = 2) => new
    {
        kind = "patrol", title = "测试巡逻", place = "东门", startsAt = starts, endsAt = starts.AddHours(hours), capacity,
        route = new { type = "LineString", coordinates = new[] { new[] { 106.505, 29.53 }, new[] { 106.506, 29.531 } } },
    };

    public static async Task<int> CreateActivityAsync(HttpClient manager, int associationId, object request)
    {
        var response = await manager.PostAsJsonAsync($"/api/v1/volunteers/associations/{associationId}/activities", request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    public static Task<string> CheckInCodeAsync(LinliApp app, int activityId) =>
        app.WithDbAsync(db => db.VolunteerActivities.Where(a => a.Id == activityId).Select(a => a.CheckInCode).SingleAsync());

    public static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

    public static Task<int> CountAsync<T>(LinliApp app)
        where T : class => app.WithDbAsync(db => db.Set<T>().CountAsync());

    public static LinliDb Db(IServiceScope scope) => scope.ServiceProvider.GetRequiredService<LinliDb>();
}
