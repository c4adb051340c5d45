using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration;

public sealed class MigrationTests
{
    [Theory, BothDatabases]
    public async Task Each_provider_has_migrations_for_the_whole_model(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, withDemo: false);

        var (pending, applied) = await app.WithDbAsync(async db =>
            (db.Database.HasPendingModelChanges(), (await db.Database.GetAppliedMigrationsAsync()).Count()));

        Assert.False(pending, "the model changed without a migration; add one for both providers (docs/architecture.md)");
        Assert.True(applied >= 3);
    }
}
