using Linli.Web.Data;
using Linli.Web.Infrastructure.Operations;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Tree;

/// <summary>
/// Owns the current <see cref="SpatialIndex"/>. Changes to the tree mark it stale, here and (through the tree's
/// <see cref="SharedVersions"/> counter) on every other instance; the next lookup rebuilds it from the database while
/// readers keep using the previous one.
/// </summary>
public sealed class SpatialIndexHolder(IServiceScopeFactory scopes, SharedVersions versions) : IDisposable
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile SpatialIndex? _current;
    private long _builtAt = -1;
    private int _stale = 1;

    /// <summary>After a committed change to the tree: this instance rebuilds at once, the others within seconds.</summary>
    public async Task MarkStaleAsync(LinliDb db, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _stale, 1);
        await versions.BumpAsync(db, SharedVersions.Tree, cancellationToken);
    }

    public void Dispose() => _rebuild.Dispose();

    public async ValueTask<SpatialIndex> GetAsync(CancellationToken cancellationToken = default)
    {
        var version = await versions.CurrentAsync(SharedVersions.Tree, cancellationToken);
        var current = _current;
        if (current is not null && Volatile.Read(ref _stale) == 0 && Interlocked.Read(ref _builtAt) >= version)
        {
            return current;
        }

        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            var stale = Interlocked.Exchange(ref _stale, 0) == 1;
            if (stale || _current is null || Interlocked.Read(ref _builtAt) < version)
            {
                // The version is read before the nodes, so a change committed meanwhile leads to one more rebuild, never to none.
                _current = await LoadAsync(cancellationToken);
                Interlocked.Exchange(ref _builtAt, version);
            }

            return _current;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    private async Task<SpatialIndex> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        var nodes = await db.Nodes.AsNoTracking()
            .Where(n => n.Kind != NodeKind.Unit)
            .Select(n => new IndexedNode(n.Code, n.Parent == null ? null : n.Parent.Code, n.Kind, n.Name, n.NameEn, n.Geometry))
            .ToListAsync(cancellationToken);
        return new SpatialIndex(nodes);
    }
}
