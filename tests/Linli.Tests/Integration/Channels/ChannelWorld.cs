using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Linli.Web.Features.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Integration.Channels;

/// <summary>The demo street's places and the calls the channel tests make.</summary>
public static class ChannelWorld
{
    public const string Grid = DemoAccounts.GridCode;
    public const string Building = DemoAccounts.BuildingCode;
    public const string SiblingGrid = DemoAccounts.CommunityCode + "002";
    public const string Password = "channel-passphrase-1";

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<long> OpenAsync(this HttpClient client, string nodeCode)
    {
        var response = await client.PostAsJsonAsync("/api/v1/channels/open", new { nodeCode });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetInt64();
    }

    public static async Task<long> SendAsync(this HttpClient client, long channel, string text)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/channels/{channel}/messages", new { text });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetInt64();
    }

    public static async Task<JsonElement> HistoryAsync(this HttpClient client, long channel, string query = "")
    {
        var response = await client.GetAsync($"/api/v1/channels/{channel}/messages{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    /// <summary>A new staff account holding <paramref name="role"/> at the node, signed in.</summary>
    public static async Task<HttpClient> HolderAsync(this LinliApp app, string login, StaffRole role, string nodeCode)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LinliUser>>();
            var db = scope.ServiceProvider.GetRequiredService<Linli.Web.Data.LinliDb>();
            var user = new LinliUser { UserName = login, DisplayName = login, Kind = AccountKind.Staff, CreatedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            db.RoleAssignments.Add(new RoleAssignment
            {
                UserId = user.Id, Role = role, NodeId = await db.Nodes.Where(n => n.Code == nodeCode).Select(n => n.Id).SingleAsync(), GrantedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        return await app.SignedInAsync(login, password: Password);
    }
}
