using Linli.Tests.Infrastructure;
using System.Diagnostics;
using Npgsql;

namespace Linli.Tests.Integration.Operations;

/// <summary>
/// A throwaway PostgreSQL primary and, on demand, a streaming replica of it made with <c>pg_basebackup -R</c>: two
/// clusters in one temporary folder on free ports, run as the `postgres` user when the tests run as root.
/// </summary>
public sealed class ReplicatedPostgres : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _bin;
    private readonly bool _asRoot = Environment.UserName == "root";
    private bool _replicaStarted;

    private ReplicatedPostgres(string folder, string bin)
    {
        _folder = folder;
        _bin = bin;
    }

    public int PrimaryPort { get; } = LoopbackPorts.Free();

    public int ReplicaPort { get; } = LoopbackPorts.Free();

    private string PrimaryData => Path.Combine(_folder, "primary");

    private string ReplicaData => Path.Combine(_folder, "replica");

    public static async Task<ReplicatedPostgres> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")).First(d => File.Exists(Path.Combine(d, "initdb")));
        var cluster = new ReplicatedPostgres(Path.Combine(Path.GetTempPath(), "linli-pgrep-" + Guid.NewGuid().ToString("N")[..8]), bin);
        Directory.CreateDirectory(cluster._folder);
        if (cluster._asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", cluster._folder]);
        }

        await cluster.AsPostgresAsync("initdb", ["-D", cluster.PrimaryData, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
        await cluster.StartClusterAsync(cluster.PrimaryData, cluster.PrimaryPort);
        return cluster;
    }

    public static string ConnectionString(int port, string database) =>
        $"Host=127.0.0.1;Port={port};Username=postgres;Database={database};Pooling=true;Include Error Detail=true";

    public async Task CreateDatabaseAsync(string name) => await ExecuteAsync(PrimaryPort, $"CREATE DATABASE \"{name}\"");

    /// <summary>Copies the primary with pg_basebackup -R (which writes standby.signal and primary_conninfo) and starts it.</summary>
    public async Task StartReplicaAsync()
    {
        await AsPostgresAsync("pg_basebackup", ["-h", "127.0.0.1", "-p", PrimaryPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-D", ReplicaData, "-R", "-X", "stream"]);
        await StartClusterAsync(ReplicaData, ReplicaPort);
        _replicaStarted = true;
    }

    public async Task<long> ScalarOnReplicaAsync(string sql) => Convert.ToInt64(await ScalarAsync(ReplicaPort, sql), System.Globalization.CultureInfo.InvariantCulture);

    public Task ExecuteOnReplicaAsync(string sql) => ExecuteAsync(ReplicaPort, sql);

    public async ValueTask DisposeAsync()
    {
        foreach (var data in _replicaStarted ? new[] { ReplicaData, PrimaryData } : [PrimaryData])
        {
            try
            {
                NpgsqlConnection.ClearAllPools();
                await AsPostgresAsync("pg_ctl", ["-D", data, "-m", "immediate", "stop"]);
            }
            catch (InvalidOperationException)
            {
            }
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Task StartClusterAsync(string data, int port) =>
        AsPostgresAsync("pg_ctl", ["-D", data, "-l", data + ".log", "-w", "-t", "60", "-o",
            $"-p {port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=100", "start"]);

    private static async Task ExecuteAsync(int port, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(port, "postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(int port, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(port, "postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private Task AsPostgresAsync(string tool, string[] arguments) =>
        _asRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments]) : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/tmp" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stdout} {await stderr}");
        }
    }
}
