using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Data;

public static class DataServices
{
    public const string DefaultSqlite = "Data Source=data/linli.db";

    /// <summary>
    /// Registers <see cref="LinliDb"/> on the configured provider: SQLite by default, PostgreSQL when asked. The options
    /// are built once, not for every request.
    /// </summary>
    public static IServiceCollection AddLinliData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        var connectionString = configuration.GetConnectionString("Linli");

        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Linli is empty.");
            }

            services.AddDbContext<LinliDb, PostgresLinliDb>(options => options.UseNpgsql(connectionString), optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            var sqlite = string.IsNullOrWhiteSpace(connectionString) ? DefaultSqlite : connectionString;
            EnsureSqliteFolder(sqlite);
            services.AddDbContext<LinliDb, SqliteLinliDb>(options => options.UseSqlite(sqlite), optionsLifetime: ServiceLifetime.Singleton);
        }

        return services;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder) && file != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
