using Linli.Tests.Infrastructure;

namespace Linli.Tests.Browser;

/// <summary>
/// Linli served by Kestrel on a free loopback port, over a fresh SQLite copy of the demo street, so that a real
/// browser can load it (the in-memory TestServer has no socket).
/// </summary>
public sealed class LiveLinli : IAsyncDisposable
{
    private LiveLinli(LinliApp app, Uri address)
    {
        App = app;
        Address = address;
    }

    public LinliApp App { get; }

    /// <summary>"http://127.0.0.1:port/".</summary>
    public Uri Address { get; }

    public static async Task<LiveLinli> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var app = new LinliApp(DatabaseKind.Sqlite, await TestDatabases.CreateAsync(DatabaseKind.Sqlite), settings: settings);
        try
        {
            // Port 0: the operating system picks a free port; the factory reads the bound address back into ClientOptions.
            app.UseKestrel(0);
            app.StartServer();
            var address = app.ClientOptions.BaseAddress;
            if (address.IsLoopback is false || address.Port == 0)
            {
                throw new InvalidOperationException($"Kestrel did not report the port it bound to (got {address}).");
            }

            return new LiveLinli(app, address);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>The absolute URL of a path on this server, e.g. Url("/tree").</summary>
    public string Url(string path) => new Uri(Address, path).ToString();

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
