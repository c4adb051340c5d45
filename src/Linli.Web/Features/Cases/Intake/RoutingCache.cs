using Linli.Web.Data;
using Linli.Web.Features.Cases.Dispatch;
using Linli.Web.Infrastructure.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Linli.Web.Features.Cases.Intake;

/// <summary>
/// What every report looks up and what rarely changes — the category, the grid's id and path, and where the dispatch
/// rules send that category in that grid — kept for <see cref="Lifetime"/>, so intake spends its database round trips
/// on writing the case. A change to the catalogue, a department's areas or who holds a role shows within that time; an
/// edit to a category shows at once here and within <see cref="SharedVersions.CheckEvery"/> on the other instances,
/// since every entry is keyed by the routing version in the database.
/// </summary>
public sealed class RoutingCache(IMemoryCache cache, SharedVersions versions)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public sealed record GridRef(int Id, string Path);

    public async Task<CaseCategory?> CategoryAsync(LinliDb db, string code, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(("category", code, await versions.CurrentAsync(SharedVersions.Routing, cancellationToken)), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return db.CaseCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
        });

    public async Task<GridRef> GridAsync(LinliDb db, string code, CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(("grid", code, await versions.CurrentAsync(SharedVersions.Routing, cancellationToken)), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return db.Nodes.AsNoTracking().Where(n => n.Code == code).Select(n => new GridRef(n.Id, n.Path)).FirstAsync(cancellationToken);
        }))!;

    public async Task<DispatchTarget?> DispatchTargetAsync(LinliDb db, CaseCategory category, string gridPath, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(("dispatch", category.Id, gridPath, await versions.CurrentAsync(SharedVersions.Routing, cancellationToken)), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return DispatchRules.FindAsync(db, category, gridPath, cancellationToken);
        });

    /// <summary>After a committed edit to the catalogue, so the next report on any instance uses it.</summary>
    public Task ForgetAsync(LinliDb db, CancellationToken cancellationToken) => versions.BumpAsync(db, SharedVersions.Routing, cancellationToken);
}
