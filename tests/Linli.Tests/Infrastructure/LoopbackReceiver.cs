using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Linli.Tests.Infrastructure;

/// <summary>A gateway stand-in: Kestrel on a free loopback port, answering each POST with what the test's handler says.</summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    public ConcurrentQueue<(IHeaderDictionary Headers, byte[] Body)> Requests { get; } = new();

    public string Url { get; }

    private LoopbackReceiver(WebApplication app, string url) => (_app, Url) = (app, url);

    public static async Task<LoopbackReceiver> StartAsync(Func<IHeaderDictionary, byte[], (int Status, string Body)> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        LoopbackReceiver? receiver = null;
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            // A copy: Kestrel reuses the request's header collection once the response is sent.
            var headers = new HeaderDictionary(http.Request.Headers.ToDictionary(h => h.Key, h => h.Value));
            receiver!.Requests.Enqueue((headers, body));
            var (status, text) = answer(headers, body);
            return Results.Content(text, "application/json", System.Text.Encoding.UTF8, status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver = new LoopbackReceiver(app, address.TrimEnd('/') + "/send");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
