using System.Runtime.CompilerServices;
using Linli.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Linli.Web.Features.Rates.Rollups;

/// <summary>
/// Keeps the roll-ups right for every case written through EF: before saving, it reads each added, changed or deleted
/// <see cref="Case"/>'s original and current values and works out the delta; after a successful save it writes the
/// delta in the same transaction (the caller's, or one it opens for the save and commits after it). A failed save
/// writes nothing. Writes that bypass EF (<c>PostgresCaseBatch</c>) apply their delta themselves.
/// </summary>
public sealed class CaseRollupInterceptor : SaveChangesInterceptor
{
    public static readonly CaseRollupInterceptor Instance = new();

    private sealed record Pending(RollupDelta Delta, IDbContextTransaction? Owned);

    private readonly ConditionalWeakTable<DbContext, Pending> pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && DeltaOf(context) is { } delta)
        {
            pending.AddOrUpdate(context, new Pending(delta, context.Database.CurrentTransaction is null ? context.Database.BeginTransaction() : null));
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && DeltaOf(context) is { } delta)
        {
            var owned = context.Database.CurrentTransaction is null ? await context.Database.BeginTransactionAsync(cancellationToken) : null;
            pending.AddOrUpdate(context, new Pending(delta, owned));
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && pending.TryGetValue(context, out var p))
        {
            pending.Remove(context);
            try
            {
                RollupWriter.WriteAsync(context.Database, p.Delta, CancellationToken.None).GetAwaiter().GetResult();
                p.Owned?.Commit();
            }
            finally
            {
                p.Owned?.Dispose();
            }
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && pending.TryGetValue(context, out var p))
        {
            pending.Remove(context);
            try
            {
                // Not cancellable from here on: the cases are written, so their roll-ups must be too.
                await RollupWriter.WriteAsync(context.Database, p.Delta, CancellationToken.None);
                if (p.Owned is not null)
                {
                    await p.Owned.CommitAsync(CancellationToken.None);
                }
            }
            finally
            {
                if (p.Owned is not null)
                {
                    await p.Owned.DisposeAsync();
                }
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    private void Abandon(DbContext? context)
    {
        if (context is not null && pending.TryGetValue(context, out var p))
        {
            pending.Remove(context);

            // Disposing rolls the transaction back; the caller's own transaction is left to the caller.
            p.Owned?.Dispose();
        }
    }

    private static RollupDelta? DeltaOf(DbContext context)
    {
        if (context.Model.FindEntityType(typeof(Case)) is null)
        {
            return null;
        }

        context.ChangeTracker.DetectChanges();
        RollupDelta? delta = null;
        foreach (var entry in context.ChangeTracker.Entries<Case>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                (delta ??= new()).Add(Facts(entry.OriginalValues), -1);
            }

            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                (delta ??= new()).Add(Facts(entry.CurrentValues), +1);
            }
        }

        return delta is null || delta.IsEmpty ? null : delta;
    }

    private static CaseFacts Facts(PropertyValues v) => new(
        v.GetValue<string>(nameof(Case.GridPath)), v.GetValue<int>(nameof(Case.CategoryId)), v.GetValue<CaseState>(nameof(Case.State)),
        v.GetValue<DateTimeOffset>(nameof(Case.ReportedAt)), v.GetValue<DateTimeOffset?>(nameof(Case.RespondedAt)), v.GetValue<DateTimeOffset?>(nameof(Case.ResolvedAt)),
        v.GetValue<DateTimeOffset?>(nameof(Case.ClosedAt)), v.GetValue<DateTimeOffset>(nameof(Case.RespondBy)), v.GetValue<DateTimeOffset>(nameof(Case.ResolveBy)),
        v.GetValue<int?>(nameof(Case.RatingStars)), v.GetValue<bool?>(nameof(Case.RatingSolved)), v.GetValue<DateTimeOffset?>(nameof(Case.RatedAt)));
}
