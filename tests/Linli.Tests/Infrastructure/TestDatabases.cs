using Linli.Web.Data;

namespace Linli.Tests.Infrastructure;

/// <summary>
/// Fresh databases per test, cloned from a template that was migrated and loaded with the demo street once per run:
/// SQLite by copying the file, PostgreSQL with CREATE DATABASE … TEMPLATE.
/// </summary>
public static class TestDatabases
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "linli-tests-" + Environment.ProcessId);
    private static readonly Lazy<Task<string>> SqliteTemplate = new(BuildSqliteTemplateAsync);
    private static readonly Lazy<Task<string>> PostgresTemplate = new(BuildPostgresTemplateAsync);

    public static async Task<string> CreateAsync(DatabaseKind kind, bool withDemo = true)
    {
        var name = "t" + Guid.NewGuid().ToString("N")[..12];
        if (kind == DatabaseKind.Sqlite)
        {
            Directory.CreateDirectory(Folder);
            var file = Path.Combine(Folder, name + ".db");
            if (withDemo)
            {
                File.Copy(await SqliteTemplate.Value, file);
            }

            return $"Data Source={file};Pooling=False";
        }

        var server = await PostgresServer.GetAsync();
        await server.CreateDatabaseAsync(name, withDemo ? await PostgresTemplate.Value : null);
        return server.ConnectionString(name);
    }

    private static async Task<string> BuildSqliteTemplateAsync()
    {
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, "template.db");
        await SeedAsync(DatabaseKind.Sqlite, $"Data Source={file};Pooling=False");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(Folder);
        return file;
    }

    private static async Task<string> BuildPostgresTemplateAsync()
    {
        var server = await PostgresServer.GetAsync();
        const string name = "linli_template";
        await server.CreateDatabaseAsync(name);
        await SeedAsync(DatabaseKind.Postgres, server.ConnectionString(name));

        // A template must have no open connections when it is cloned.
        Npgsql.NpgsqlConnection.ClearAllPools();
        return name;
    }

    private static async Task SeedAsync(DatabaseKind kind, string connectionString)
    {
        await using var app = new LinliApp(kind, connectionString, seedDemo: true);
        await app.StartAsync();
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static DatabaseProvider Provider(this DatabaseKind kind) => kind == DatabaseKind.Sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;
}
