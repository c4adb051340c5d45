using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static Linli.Tests.Integration.Channels.ChannelWorld;

namespace Linli.Tests.Integration.Channels;

/// <summary>Live pushes across two instances sharing a database and a Redis backplane.</summary>
public sealed class ChannelLiveTests
{
    [Fact]
    public async Task A_message_posted_through_one_instance_reaches_a_member_connected_to_the_other()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?> { ["Redis:Configuration"] = redis.Configuration };
        await using var one = await LinliApp.StartAsync(DatabaseKind.Sqlite, settings);
        await using var two = await LinliApp.StartOnAsync(DatabaseKind.Sqlite, one.ConnectionString, settings);

        await using var member = await ConnectAsync(one, "unitchief");
        await using var outsider = await ConnectAsync(one, "resident");
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        member.On<long, JsonElement>("message", (_, message) => received.TrySetResult(message));

        var gridChief = await two.SignedInAsync("gridchief");
        var channel = await gridChief.OpenAsync(Grid);
        await member.InvokeAsync("Join", channel);
        await Assert.ThrowsAsync<HubException>(() => outsider.InvokeAsync("Join", channel));
        await gridChief.SendAsync(channel, "两台服务器 Across two servers");

        var message = await received.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("两台服务器 Across two servers", message.GetProperty("text").GetString());
        Assert.Equal("陈海燕", message.GetProperty("sender").GetString());
    }

    /// <summary>A hub connection through instance <paramref name="app"/>'s test server, with the person's sign-in cookie.</summary>
    private static async Task<HubConnection> ConnectAsync(LinliApp app, string login)
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var signIn = await client.PostAsJsonAsync("/api/v1/account/signin", new { login, password = LinliApp.DemoPassword });
        signIn.EnsureSuccessStatusCode();
        var cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, "/hubs/channels"), options =>
            {
                options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                options.Headers["Cookie"] = cookie;
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
