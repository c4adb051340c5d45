using Linli.Web.Data;
using Linli.Web.Features.Cases.Dispatch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Linli.Web.Features.Cases.Intake;

/// <summary>
/// What every report looks up and what rarely changes — the category, the grid's id and path, and where the dispatch
/// rules send that category in that grid — kept for <see cref="Lifetime"/>, so intake spends its database round trips
/// on writing the case. A change to the catalogue, a department's areas or who holds a role shows within that time.
/// </summary>
public sealed class RoutingCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public sealed record GridRef(int Id, string Path);

    public Task<CaseCategory?> CategoryAsync(LinliDb db, string code, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(("category", code), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return db.CaseCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
        });

    public async Task<GridRef> GridAsync(LinliDb db, string code, CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(("grid", code), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return db.Nodes.AsNoTracking().Where(n => n.Code == code).Select(n => new GridRef(n.Id, n.Path)).FirstAsync(cancellationToken);
        }))!;

    public Task<DispatchTarget?> DispatchTargetAsync(LinliDb db, CaseCategory category, string gridPath, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(("dispatch", category.Id, gridPath), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return DispatchRules.FindAsync(db, category, gridPath, cancellationToken);
        });

    /// <summary>After an edit to the catalogue, so the next report uses it.</summary>
    public void ForgetCategory(string code) => cache.Remove(("category", code));
}
