using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Linli.Web.Infrastructure.Operations;
using Microsoft.Extensions.Configuration;

namespace Linli.Tests.Integration.Operations;

/// <summary>With <c>ConnectionStrings:LinliReplica</c> set, the rates and the public dashboard read from a real streaming replica.</summary>
[Trait("Category", "Operations")]
public sealed class ReadReplicaTests
{
    [Fact]
    public async Task Rates_and_the_dashboard_read_from_the_replica_while_reports_go_to_the_primary()
    {
        await using var cluster = await ReplicatedPostgres.StartAsync();
        var primary = ReplicatedPostgres.ConnectionString(cluster.PrimaryPort, "linli");
        await LoadDemoAsync(cluster, primary);
        await cluster.StartReplicaAsync();

        var replica = ReplicatedPostgres.ConnectionString(cluster.ReplicaPort, "linli") + ";Application Name=linli-replica";
        await using var app = await LinliApp.StartOnAsync(DatabaseKind.Postgres, primary, new Dictionary<string, string?> { ["ConnectionStrings:LinliReplica"] = replica });
        var client = app.Anonymous();

        var before = await ReportedAsync(client);
        Assert.True(await cluster.ScalarOnReplicaAsync("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'linli-replica'") > 0,
            "no connection from Linli on the replica");

        // Replay paused: the replica stays behind the primary, so what the rates show says where they were read.
        await cluster.ExecuteOnReplicaAsync("SELECT pg_wal_replay_pause()");
        await client.FileAsync(await app.ReportAsync());
        Assert.Equal(before, await ReportedAsync(client));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/dashboard/{TreeGenerator.ShiqiaopuCode}")).StatusCode);

        await cluster.ExecuteOnReplicaAsync("SELECT pg_wal_replay_resume()");
        var until = DateTime.UtcNow.AddSeconds(30);
        while (await ReportedAsync(client) == before && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
        }

        Assert.Equal(before + 1, await ReportedAsync(client));
    }

    private static async Task<int> ReportedAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/rates?node={TreeGenerator.ShiqiaopuCode}")).GetProperty("reported").GetInt32();

    /// <summary>The demo street, from a test database on the shared server through `-- backup` and `-- restore`.</summary>
    private static async Task LoadDemoAsync(ReplicatedPostgres cluster, string primary)
    {
        var demo = await TestDatabases.CreateAsync(DatabaseKind.Postgres);
        var dump = Path.Combine(Path.GetTempPath(), "linli-replica-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await Backups.BackupAsync(Settings(demo), dump, default);
            await cluster.CreateDatabaseAsync("linli");
            await Backups.RestoreAsync(Settings(primary), dump, default);
        }
        finally
        {
            File.Delete(dump);
        }
    }

    private static IConfiguration Settings(string connectionString) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Linli"] = connectionString,
        }).Build();
}
