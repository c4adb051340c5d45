using Linli.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Infrastructure.Jobs;

/// <summary>
/// Takes and keeps named leases in the <c>job_leases</c> table, so that of several server instances one runs a job.
/// Every step is a single conditional statement, so two instances racing for the same lease cannot both win.
/// </summary>
public sealed class JobLeases(LinliDb db, JobInstance instance, TimeProvider clock)
{
    /// <summary>
    /// Renews the lease when this instance holds it, takes it over when it has expired, creates it when there is none;
    /// false when another instance holds it.
    /// </summary>
    public async Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + duration;
        var holder = instance.Id;
        var taken = await db.JobLeases
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.JobLeases.AsNoTracking().AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }

        db.JobLeases.Add(new JobLease { Name = name, Holder = holder, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance created it between our look and our insert; the primary key let one through.
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Gives the lease up at shutdown so another instance need not wait for it to expire.</summary>
    public Task ReleaseAsync(string name, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var holder = instance.Id;
        return db.JobLeases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, now), cancellationToken);
    }
}
