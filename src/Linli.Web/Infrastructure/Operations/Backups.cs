using System.Diagnostics;
using Linli.Web.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Linli.Web.Infrastructure.Operations;

/// <summary>
/// `-- backup FILE` and `-- restore FILE` for the configured database. SQLite: the online backup API, a consistent copy
/// taken while the app keeps writing. PostgreSQL: <c>pg_dump -Fc</c> and <c>pg_restore</c> (from the PATH), which must
/// restore into an empty database; the restore of SQLite replaces the database file's contents.
/// </summary>
public static class Backups
{
    public static async Task BackupAsync(IConfiguration configuration, string file, CancellationToken cancellationToken)
    {
        var (provider, connectionString) = Target(configuration);
        if (provider == DatabaseProvider.Postgres)
        {
            await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--file", Path.GetFullPath(file)], connectionString, cancellationToken);
            return;
        }

        await using var source = new SqliteConnection(connectionString);
        await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(file), Pooling = false }.ToString());
        await source.OpenAsync(cancellationToken);
        await destination.OpenAsync(cancellationToken);
        source.BackupDatabase(destination);
    }

    public static async Task RestoreAsync(IConfiguration configuration, string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"usage: restore FILE (no file {file})");
        }

        var (provider, connectionString) = Target(configuration);
        if (provider == DatabaseProvider.Postgres)
        {
            await RunAsync("pg_restore", ["--no-owner", "--exit-on-error", "--single-transaction", Path.GetFullPath(file)], connectionString, cancellationToken);
            return;
        }

        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(file), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await using var destination = new SqliteConnection(connectionString);
        await source.OpenAsync(cancellationToken);
        await destination.OpenAsync(cancellationToken);
        source.BackupDatabase(destination);
    }

    private static (DatabaseProvider Provider, string ConnectionString) Target(IConfiguration configuration)
    {
        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        var connectionString = configuration.GetConnectionString("Linli");
        return (provider, string.IsNullOrWhiteSpace(connectionString) ? DataServices.DefaultSqlite : connectionString);
    }

    /// <summary>Runs a PostgreSQL client tool against the connection string's server, the password in the environment.</summary>
    private static async Task RunAsync(string tool, string[] arguments, string connectionString, CancellationToken cancellationToken)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--dbname");
        start.ArgumentList.Add(c.Database ?? throw new InvalidOperationException("ConnectionStrings:Linli names no Database."));
        start.Environment["PGHOST"] = c.Host;
        start.Environment["PGPORT"] = c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = c.Username;
        if (!string.IsNullOrEmpty(c.Password))
        {
            start.Environment["PGPASSWORD"] = c.Password;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}; install the PostgreSQL client tools");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await errors}");
        }
    }
}
