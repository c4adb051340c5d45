using Linli.Web.Data;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Exports;

/// <summary>
/// Runs background exports. A job is claimed with one conditional update, so of several instances exactly one runs it;
/// a claim is renewed with each page of progress, and one left to lapse (its instance died) is taken over from the start.
/// The file goes to a temporary file first, then into the database in chunks, so any instance can serve it.
/// </summary>
public sealed partial class ExportJobs(
    LinliDb db, [FromKeyedServices(ReadReplica.Key)] LinliDb read, JobInstance instance, TimeProvider clock, IOptions<ExportsOptions> options, ILogger<ExportJobs> logger)
{
    public const int ChunkBytes = 1024 * 1024;

    /// <summary>Claims the oldest job waiting (or abandoned) and runs it; false when there was none to claim.</summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        var job = await ClaimNextAsync(cancellationToken);
        if (job is null)
        {
            return false;
        }

        await RunAsync(job, cancellationToken);
        return true;
    }

    public async Task<ExportJob?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var candidates = await db.ExportJobs.AsNoTracking()
            .Where(j => j.Status == ExportStatus.Queued || (j.Status == ExportStatus.Running && j.ClaimedUntil < now))
            .OrderBy(j => j.Id).Select(j => j.Id).Take(5).ToListAsync(cancellationToken);
        var me = instance.Id;
        var until = now.AddSeconds(options.Value.ClaimSeconds);
        foreach (var id in candidates)
        {
            var claimed = await db.ExportJobs
                .Where(j => j.Id == id && (j.Status == ExportStatus.Queued || (j.Status == ExportStatus.Running && j.ClaimedUntil < now)))
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ExportStatus.Running).SetProperty(j => j.ClaimedBy, me)
                    .SetProperty(j => j.ClaimedUntil, until).SetProperty(j => j.StartedAt, now).SetProperty(j => j.RowsDone, 0), cancellationToken);
            if (claimed == 1)
            {
                return await db.ExportJobs.AsNoTracking().FirstAsync(j => j.Id == id, cancellationToken);
            }
        }

        return null;
    }

    private async Task RunAsync(ExportJob job, CancellationToken cancellationToken)
    {
        var me = instance.Id;
        var temp = Path.Combine(Path.GetTempPath(), $"linli-export-{job.Id}-{Guid.NewGuid():N}");
        try
        {
            // A job taken over from a dead instance may have left part of its file.
            await db.ExportChunks.Where(c => c.JobId == job.Id).ExecuteDeleteAsync(cancellationToken);
            var kind = await read.Nodes.AsNoTracking().Where(n => n.Code == job.NodeCode).Select(n => (NodeKind?)n.Kind).FirstOrDefaultAsync(cancellationToken);
            var categoryId = job.CategoryCode is null ? null
                : await read.CaseCategories.AsNoTracking().Where(c => c.Code == job.CategoryCode).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
            var filters = ExportFilters.Of(job, categoryId, kind ?? NodeKind.Grid);

            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                var rows = await ExportWriting.WriteAsync(read, filters, file, clock.GetUtcNow(), options.Value.PageSize,
                    async done =>
                    {
                        var stillMine = await ProgressAsync(job.Id, done, cancellationToken);
                        if (!stillMine)
                        {
                            throw new OperationCanceledException("The export's claim passed to another instance.");
                        }
                    },
                    cancellationToken);
                await ProgressAsync(job.Id, rows, cancellationToken);
                file.Position = 0;
                await StoreAsync(job.Id, file, cancellationToken);
            }

            var finished = clock.GetUtcNow();
            var size = new FileInfo(temp).Length;
            await db.ExportJobs.Where(j => j.Id == job.Id && j.ClaimedBy == me)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ExportStatus.Done).SetProperty(j => j.FinishedAt, finished)
                    .SetProperty(j => j.FileSize, size).SetProperty(j => j.ExpiresAt, finished.AddHours(options.Value.KeepHours)), cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, job.Id, e);
            var finished = clock.GetUtcNow();
            var message = e.Message.Length > 400 ? e.Message[..400] : e.Message;
            await db.ExportJobs.Where(j => j.Id == job.Id && j.ClaimedBy == me)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ExportStatus.Failed).SetProperty(j => j.FinishedAt, finished).SetProperty(j => j.Error, message), CancellationToken.None);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Saves the rows done and renews the claim; false when the claim is no longer this instance's.</summary>
    private async Task<bool> ProgressAsync(long id, int rows, CancellationToken cancellationToken)
    {
        var (me, until) = (instance.Id, clock.GetUtcNow().AddSeconds(options.Value.ClaimSeconds));
        return await db.ExportJobs.Where(j => j.Id == id && j.ClaimedBy == me && j.Status == ExportStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.RowsDone, rows).SetProperty(j => j.ClaimedUntil, until), cancellationToken) == 1;
    }

    private async Task StoreAsync(long id, Stream file, CancellationToken cancellationToken)
    {
        var buffer = new byte[ChunkBytes];
        for (var index = 0; ; index++)
        {
            var read = await file.ReadAtLeastAsync(buffer, ChunkBytes, throwOnEndOfStream: false, cancellationToken);
            if (read == 0)
            {
                return;
            }

            db.ExportChunks.Add(new ExportChunk { JobId = id, Index = index, Data = buffer[..read] });
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Deletes expired jobs and their files; safe on every instance at once (the deletes simply find less).</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expired = db.ExportJobs.Where(j => j.ExpiresAt <= now && j.Status != ExportStatus.Running);
        await db.ExportChunks.Where(c => expired.Any(j => j.Id == c.JobId)).ExecuteDeleteAsync(cancellationToken);
        return await expired.ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Export {JobId} failed")]
    private static partial void LogFailed(ILogger logger, long jobId, Exception exception);
}
