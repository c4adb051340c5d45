using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Data;

/// <summary>
/// Where dashboards and statistics read from: a PostgreSQL streaming replica when <c>ConnectionStrings:LinliReplica</c>
/// is set, otherwise the primary. Inject it as <c>[FromKeyedServices(ReadReplica.Key)] LinliDb db</c> (in a component:
/// <c>[Inject(Key = ReadReplica.Key)]</c>); it is for reads only, so it never tracks.
/// </summary>
public static class ReadReplica
{
    public const string Key = "read";

    public const string ConnectionStringName = "LinliReplica";

    public static IServiceCollection AddReadReplica(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        var replica = configuration.GetConnectionString(ConnectionStringName);
        if (provider != DatabaseProvider.Postgres || string.IsNullOrWhiteSpace(replica))
        {
            services.AddKeyedScoped<LinliDb>(Key, (sp, _) => sp.GetRequiredService<LinliDb>());
            return services;
        }

        var options = new DbContextOptionsBuilder<PostgresLinliDb>()
            .UseNpgsql(replica)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .Options;
        services.AddKeyedScoped<LinliDb>(Key, (_, _) => new PostgresLinliDb(options));
        return services;
    }
}
