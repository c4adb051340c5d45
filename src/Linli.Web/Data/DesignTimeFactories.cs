using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Linli.Web.Data;

// Used only by `dotnet ef migrations add`, so migrations are generated without booting the web host.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLinliDb>
{
    public SqliteLinliDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLinliDb>().UseSqlite(DataServices.DefaultSqlite).Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresLinliDb>
{
    public PostgresLinliDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresLinliDb>().UseNpgsql("Host=localhost;Database=linli").Options);
}
