using Linli.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Tree;

/// <summary>
/// Owns the current <see cref="SpatialIndex"/>. Changes to the tree mark it stale; the next lookup rebuilds it from the
/// database while readers keep using the previous one.
/// </summary>
public sealed class SpatialIndexHolder(IServiceScopeFactory scopes) : IDisposable
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile SpatialIndex? _current;
    private int _stale = 1;

    public void MarkStale() => Interlocked.Exchange(ref _stale, 1);

    public void Dispose() => _rebuild.Dispose();

    public async ValueTask<SpatialIndex> GetAsync(CancellationToken cancellationToken = default)
    {
        var current = _current;
        if (current is not null && Volatile.Read(ref _stale) == 0)
        {
            return current;
        }

        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            if (_current is null || Interlocked.Exchange(ref _stale, 0) == 1)
            {
                _current = await LoadAsync(cancellationToken);
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
