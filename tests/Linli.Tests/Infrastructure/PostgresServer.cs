using System.Diagnostics;
using Npgsql;

namespace Linli.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster from the Debian package's binaries: initdb into a temporary folder, pg_ctl start
/// on a free loopback port (as the `postgres` user when the tests run as root), removed when the test run ends.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);

    private readonly string _folder;
    private readonly string _bin;

    public int Port { get; }

    private PostgresServer(string folder, string bin, int port)
    {
        _folder = folder;
        _bin = bin;
        Port = port;
    }

    public static Task<PostgresServer> GetAsync() => Shared.Value;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=20;Include Error Detail=true";

    private static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin; install the Debian package `postgresql` (.ci/run does).");
        RemoveAbandonedClusters();
        var folder = Path.Combine(Path.GetTempPath(), "linli-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", $"postgres:postgres {folder}");
        }

        var port = LoopbackPorts.Free();
        var data = Path.Combine(folder, "data");
        await RunAsPostgresAsync(asRoot, Path.Combine(bin, "initdb"), $"-D {data} -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync");
        await RunAsPostgresAsync(asRoot, Path.Combine(bin, "pg_ctl"),
            $"-D {data} -l {folder}/log -w -t 60 -o \"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start");

        var server = new PostgresServer(folder, bin, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(asRoot, data);
        return server;
    }

    public async Task CreateDatabaseAsync(string name, string? template = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
        await command.ExecuteNonQueryAsync();
    }

    private void Stop(bool asRoot, string data)
    {
        try
        {
            var pgCtl = Path.Combine(_bin, "pg_ctl");
            var (file, arguments) = asRoot ? ("runuser", $"-u postgres -- {pgCtl} -D {data} -m immediate stop") : (pgCtl, $"-D {data} -m immediate stop");
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true });
            process?.WaitForExit(20_000);
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort at exit: the folder is under /tmp.
        }
    }

    /// <summary>
    /// A test host killed at the end of a run never gets to <see cref="Stop"/>, so its cluster stays behind (GBs each).
    /// Clusters whose server is gone and that are older than any start-up are removed before a new one starts.
    /// </summary>
    private static void RemoveAbandonedClusters()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), "linli-pg-*"))
        {
            try
            {
                if (Directory.GetCreationTimeUtc(folder) > DateTime.UtcNow.AddMinutes(-10) || ServerIsRunning(Path.Combine(folder, "data", "postmaster.pid")))
                {
                    continue;
                }

                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another run is removing it, or it is not ours to remove.
            }
        }
    }

    private static bool ServerIsRunning(string pidFile) =>
        File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) && Directory.Exists($"/proc/{pid}");

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;


    private static Task RunAsPostgresAsync(bool asRoot, string file, string arguments) =>
        asRoot ? RunAsync("runuser", $"-u postgres -- {file} {arguments}") : RunAsync(file, arguments);

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/tmp",
        }) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await stdout} {await stderr}");
        }
    }
}
