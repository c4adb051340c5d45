using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Linli.Web.Features.People;
using Linli.Web.Features.Tree;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Integration.Feedback;

/// <summary>Helpers for the feedback tests: unit keys of the demo street, fresh accounts, posting and reading.</summary>
public static class FeedbackWorld
{
    public const string Password = "feedback-passphrase-1";
    private static int _counter;

    public static Task<LinliApp> StartAsync(DatabaseKind kind, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Security:DemoWaivesRequiredTwoFactor"] = "true" };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return LinliApp.StartAsync(kind, all);
    }

    public static async Task<string> OfficeAsync(this LinliApp app, string code) =>
        "n" + await app.WithDbAsync(db => db.Nodes.Where(n => n.Code == code).Select(n => n.Id).SingleAsync());

    public static async Task<string> DepartmentAsync(this LinliApp app, string code) =>
        "d" + await app.WithDbAsync(db => db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync());

    /// <summary>A new account signed in: a resident when <paramref name="role"/> is null, else staff holding it at the node or department.</summary>
    public static async Task<(HttpClient Client, Guid Id)> AccountAsync(this LinliApp app, StaffRole? role = null, string? nodeCode = null, string? departmentCode = null)
    {
        var login = $"fb-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid():N}"[..20];
        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LinliUser>>();
            var db = scope.ServiceProvider.GetRequiredService<Web.Data.LinliDb>();
            var user = new LinliUser
            {
                UserName = login, DisplayName = "李四", Email = login + "@example.org", EmailConfirmed = true,
                Kind = role is null ? AccountKind.Resident : AccountKind.Staff, CreatedAt = DateTimeOffset.UtcNow,
            };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join(",", created.Errors.Select(e => e.Description)));
            id = user.Id;
            if (role is { } held)
            {
                db.RoleAssignments.Add(new RoleAssignment
                {
                    UserId = user.Id, Role = held, GrantedAt = DateTimeOffset.UtcNow,
                    NodeId = nodeCode is null ? null : await db.Nodes.Where(n => n.Code == nodeCode).Select(n => n.Id).SingleAsync(),
                    DepartmentId = departmentCode is null ? null : await db.Departments.Where(d => d.Code == departmentCode).Select(d => d.Id).SingleAsync(),
                });
                await db.SaveChangesAsync();
            }
        }

        return (await app.SignedInAsync(login, password: Password), id);
    }

    /// <summary>A street beside the demo street, with one community, for "another street".</summary>
    public static async Task<string> OtherStreetCommunityAsync(this LinliApp app) => await app.WithDbAsync(async db =>
    {
        var district = await db.Nodes.SingleAsync(n => n.Code == TreeGenerator.JiulongpoCode);
        var streetCode = TreeGenerator.JiulongpoCode + "999";
        var street = new TreeNode { Code = streetCode, Name = "别的街道", Kind = NodeKind.Street, ParentId = district.Id, Path = TreeNode.PathUnder(district.Path, streetCode), Depth = district.Depth + 1 };
        db.Nodes.Add(street);
        await db.SaveChangesAsync();
        var communityCode = streetCode + "001";
        db.Nodes.Add(new TreeNode { Code = communityCode, Name = "别的社区", Kind = NodeKind.Community, ParentId = street.Id, Path = TreeNode.PathUnder(street.Path, communityCode), Depth = street.Depth + 1 });
        await db.SaveChangesAsync();
        return communityCode;
    });

    public static Task<HttpResponseMessage> PostToAsync(this HttpClient client, string unit, object body) =>
        client.PostAsJsonAsync($"/api/v1/feedback/units/{unit}/posts", body);

    public static async Task<long> PostedAsync(this HttpClient client, string unit, string title = "建议加装路灯", bool isPublic = true)
    {
        var response = await client.PostToAsync(unit, new { kind = "advice", title, text = "小路太黑。", isPublic });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt64();
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static string DueIn(int days) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Web.Components.Display.ChinaTime).DateTime)
        .AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public const string Community = DemoAccounts.CommunityCode;
    public const string SiblingCommunity = TreeGenerator.ShiqiaopuCode + "002";
}
