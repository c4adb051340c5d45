using System.Collections.Concurrent;
using Linli.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Infrastructure.Operations;

/// <summary>A counter per in-memory cache, bumped in the database whenever what the cache holds changes.</summary>
public sealed class SharedVersion
{
    public required string Name { get; set; }
    public long Version { get; set; }
}

internal sealed class SharedVersionConfiguration : IEntityTypeConfiguration<SharedVersion>
{
    public void Configure(EntityTypeBuilder<SharedVersion> v)
    {
        v.ToTable("shared_versions");
        v.HasKey(x => x.Name);
        v.Property(x => x.Name).HasMaxLength(60);
        v.HasData(new SharedVersion { Name = SharedVersions.Tree }, new SharedVersion { Name = SharedVersions.Routing });
    }
}

/// <summary>
/// Lets the caches every instance keeps in memory (the spatial index, the routing cache) notice a change made on
/// another instance: the instance that changes the data bumps a counter in the database, and every instance compares
/// the counter with the one its cache was built at, reading it at most once per <see cref="CheckEvery"/>. A change
/// therefore shows on this instance at once and on the others within that interval.
/// </summary>
public sealed class SharedVersions(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string Tree = "tree";
    public const string Routing = "routing";

    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Seen> _seen = new(StringComparer.Ordinal);

    public async ValueTask<long> CurrentAsync(string name, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_seen.TryGetValue(name, out var seen) && now - seen.At < CheckEvery && now >= seen.At)
        {
            return seen.Version;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        var version = await db.SharedVersions.AsNoTracking().Where(v => v.Name == name).Select(v => (long?)v.Version).FirstOrDefaultAsync(cancellationToken) ?? 0;
        _seen[name] = new Seen(version, now);
        return version;
    }

    /// <summary>Call after the change is committed, so no instance rebuilds from data older than the new version.</summary>
    public async Task BumpAsync(LinliDb db, string name, CancellationToken cancellationToken)
    {
        var bumped = await db.SharedVersions.Where(v => v.Name == name)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), cancellationToken);
        if (bumped == 0)
        {
            throw new InvalidOperationException($"shared_versions has no row '{name}'; the Operations migration seeds it.");
        }

        _seen.TryRemove(name, out _);
    }

    private readonly record struct Seen(long Version, DateTimeOffset At);
}
