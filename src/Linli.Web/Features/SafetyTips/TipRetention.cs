using System.Globalization;
using Linli.Web.Components;
using Linli.Web.Data;
using Linli.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.SafetyTips;

/// <summary>What one retention run did.</summary>
public sealed record RetentionRun(int Warned, int Deleted);

/// <summary>
/// Keeps tips only as long as they are needed: a tip linked to no case is deleted <see cref="SafetyTipsOptions.RetentionDays"/>
/// after it was sent, with its messages. <see cref="SafetyTipsOptions.WarnDaysBeforeDeletion"/> days before that its
/// triaging officers get one notice through the outbox, so they can link it to a case if it still matters. Deleted tips
/// leave only a count per month, district and association behind, for the public figures.
/// </summary>
public sealed class TipRetention(LinliDb db, JobLeases leases, TimeProvider clock, IOptions<SafetyTipsOptions> options)
{
    public const string LeaseName = "safety-tip-retention";

    public async Task<RetentionRun> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var lease = TimeSpan.FromSeconds(options.Value.RetentionIntervalSeconds * 3);
        if (!await leases.TryAcquireAsync(LeaseName, lease, cancellationToken))
        {
            return new RetentionRun(0, 0);
        }

        var warned = await WarnAsync(cancellationToken);
        return new RetentionRun(warned, await DeleteAsync(cancellationToken));
    }

    /// <summary>One notice per tip: the conditional update on <c>DeletionWarnedAt</c> and the messages commit together.</summary>
    public async Task<int> WarnAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var submittedBefore = now - options.Value.Retention + options.Value.Warning;
        var due = await db.SafetyTips.AsNoTracking()
            .Where(t => t.LinkedCaseId == null && t.DeletionWarnedAt == null && t.SubmittedAt <= submittedBefore)
            .OrderBy(t => t.Id).Select(t => new { t.Id, t.PlacePath, t.SubmittedAt }).Take(500).ToListAsync(cancellationToken);
        var warned = 0;
        foreach (var tip in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await db.SafetyTips.Where(t => t.Id == tip.Id && t.DeletionWarnedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.DeletionWarnedAt, now), cancellationToken) == 0)
            {
                continue;
            }

            db.Outbox.AddRange(await TipNotices.DeletionWarningsAsync(db, tip.Id, tip.PlacePath, tip.SubmittedAt + options.Value.Retention, now, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            warned++;
        }

        return warned;
    }

    /// <summary>Deletes expired tips not linked to a case, adding them to the monthly tallies in the same transaction.</summary>
    public async Task<int> DeleteAsync(CancellationToken cancellationToken = default)
    {
        var submittedBefore = clock.GetUtcNow() - options.Value.Retention;
        var expired = await db.SafetyTips.AsNoTracking()
            .Where(t => t.LinkedCaseId == null && t.SubmittedAt <= submittedBefore)
            .Select(t => new { t.Id, t.SubmittedAt, t.DistrictNodeId, t.VolunteerAssociationId }).ToListAsync(cancellationToken);
        if (expired.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var group in expired.GroupBy(t => (Month: MonthOf(t.SubmittedAt), t.DistrictNodeId, Association: t.VolunteerAssociationId ?? 0)))
        {
            var key = group.Key;
            var tally = await db.SafetyTipTallies.FirstOrDefaultAsync(
                x => x.Month == key.Month && x.DistrictNodeId == key.DistrictNodeId && x.AssociationId == key.Association, cancellationToken);
            if (tally is null)
            {
                db.SafetyTipTallies.Add(new SafetyTipTally { Month = key.Month, DistrictNodeId = key.DistrictNodeId, AssociationId = key.Association, Count = group.Count() });
            }
            else
            {
                tally.Count += group.Count();
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var ids = expired.Select(t => t.Id).ToList();
        var deleted = 0;
        foreach (var chunk in ids.Chunk(500))
        {
            await db.SafetyTipMessages.Where(m => chunk.Contains(m.TipId)).ExecuteDeleteAsync(cancellationToken);
            deleted += await db.SafetyTips.Where(t => chunk.Contains(t.Id) && t.LinkedCaseId == null).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    /// <summary>"2026-05": the month in China time.</summary>
    public static string MonthOf(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Display.ChinaTime).ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
