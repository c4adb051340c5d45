using Linli.Tests.Infrastructure;
using Linli.Web.Infrastructure.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Linli.Tests.Integration.Operations;

public sealed class BackupTests
{
    /// <summary>What `-- backup FILE` and `-- restore FILE` run, against a copy made while the app is up.</summary>
    [Theory, BothDatabases]
    public async Task A_backup_restored_into_an_empty_database_holds_every_case(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var filed = await app.Anonymous().FileAsync(await app.ReportAsync());
        var expected = await app.WithDbAsync(db => db.Cases.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Receipt).ToListAsync());
        Assert.Contains(filed.GetProperty("receipt").GetString(), expected);

        var file = Path.Combine(Path.GetTempPath(), "linli-backup-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await Backups.BackupAsync(Settings(kind, app.ConnectionString), file, default);
            var empty = await TestDatabases.CreateAsync(kind, withDemo: false);
            await Backups.RestoreAsync(Settings(kind, empty), file, default);

            // The restored database serves as Linli: started on it, it finds every case and needs no migration.
            await using var restored = await LinliApp.StartOnAsync(kind, empty);
            var actual = await restored.WithDbAsync(db => db.Cases.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Receipt).ToListAsync());
            Assert.Equal(expected, actual);
            Assert.Empty(await restored.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static IConfiguration Settings(DatabaseKind kind, string connectionString) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = kind.Provider().ToString(),
            ["ConnectionStrings:Linli"] = connectionString,
        }).Build();
}
