using System.Globalization;
using Linli.Web.Data;
using Linli.Web.Features.Audit;
using Linli.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Exports;

/// <summary>What asking for an export led to: refused, invalid, a file at once, or a job in the background.</summary>
public sealed record ExportStart(bool Forbidden, Dictionary<string, string[]>? Errors, ExportFile? File, ExportJob? Job);

public sealed record ExportFile(byte[] Content, string ContentType, string FileName, int Rows);

public sealed record ExportJobDto(
    long Id, string Dataset, string Format, string Node, DateTimeOffset From, DateTimeOffset To, string? Category, string? State, string Status,
    int RowsDone, int RowsTotal, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, DateTimeOffset ExpiresAt, long FileSize, string? File)
{
    public static ExportJobDto Of(ExportJob j) => new(
        j.Id, j.Dataset.ToString().ToLowerInvariant(), j.Format.ToString().ToLowerInvariant(), j.NodeCode, j.From, j.To, j.CategoryCode, j.State?.ToString(),
        j.Status.ToString(), j.RowsDone, j.RowsTotal, j.CreatedAt, j.FinishedAt, j.ExpiresAt, j.FileSize,
        j.Status == ExportStatus.Done ? $"/api/v1/exports/{j.Id}/file" : null);
}

/// <summary>
/// Starts exports for the signed-in staff member: over a node they hold <see cref="Permission.ExportData"/> at, small
/// ones at once, larger ones as a job. Each export is one audit entry (what, which filters, how many rows).
/// </summary>
public sealed class ExportStarts(
    LinliDb db, [FromKeyedServices(ReadReplica.Key)] LinliDb read, ScopeAuthorizer scope, CurrentUser user, AuditLog audit, TimeProvider clock, IOptions<ExportsOptions> options)
{
    public async Task<ExportStart> StartAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        if (!await MayExportAsync(cancellationToken) || user.Id is not { } me)
        {
            return new(true, null, null, null);
        }

        var now = clock.GetUtcNow();
        var (filters, errors) = await ExportFilters.CheckAsync(read, request, now, cancellationToken);
        if (filters is null)
        {
            return new(false, errors, null, null);
        }

        if (!await scope.CanAsync(Permission.ExportData, filters.NodePath, cancellationToken))
        {
            return new(true, null, null, null);
        }

        var rows = await ExportRows.CountAsync(read, filters, cancellationToken);
        if (request.Background != true && rows <= options.Value.InlineRowLimit)
        {
            using var stream = new MemoryStream();
            var written = await ExportWriting.WriteAsync(read, filters, stream, now, options.Value.PageSize, null, cancellationToken);
            await AuditAsync(filters, "at once", written, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return new(false, null, new ExportFile(stream.ToArray(), TableWriter.ContentType(filters.Format), filters.FileName(now), written), null);
        }

        var job = new ExportJob
        {
            CreatedBy = me, Dataset = filters.Dataset, Format = filters.Format, NodeCode = filters.NodeCode, NodePath = filters.NodePath,
            From = filters.Period.From, To = filters.Period.To, CategoryCode = filters.CategoryCode, State = filters.State,
            Status = ExportStatus.Queued, RowsTotal = rows, CreatedAt = now, ExpiresAt = now.AddHours(options.Value.KeepHours),
        };
        db.ExportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(filters, $"job {job.Id}", rows, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new(false, null, null, job);
    }

    public async Task<bool> MayExportAsync(CancellationToken cancellationToken) =>
        (await scope.RolesGrantingAsync(Permission.ExportData, cancellationToken)).Count > 0;

    /// <summary>The caller's own job; null for anyone else's (which is not found, not forbidden: its existence is not theirs to know).</summary>
    public async Task<ExportJob?> MineAsync(long id, CancellationToken cancellationToken) =>
        user.Id is { } me ? await db.ExportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.CreatedBy == me, cancellationToken) : null;

    public async Task<List<ExportJob>> ListMineAsync(CancellationToken cancellationToken) =>
        user.Id is { } me
            ? await db.ExportJobs.AsNoTracking().Where(j => j.CreatedBy == me).OrderByDescending(j => j.Id).Take(50).ToListAsync(cancellationToken)
            : [];

    public async Task<List<(string Code, string Name, string? NameEn)>> CategoriesAsync(CancellationToken cancellationToken) =>
        [.. (await read.CaseCategories.AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.Code, c.Name, c.NameEn }).ToListAsync(cancellationToken)).Select(c => (c.Code, c.Name, c.NameEn))];

    /// <summary>The file's chunks in order, one at a time from the database.</summary>
    public IAsyncEnumerable<byte[]> ChunksOf(long id) =>
        db.ExportChunks.AsNoTracking().Where(c => c.JobId == id).OrderBy(c => c.Index).Select(c => c.Data).AsAsyncEnumerable();

    private Task AuditAsync(ExportFilters filters, string how, int rows, CancellationToken cancellationToken) =>
        audit.RecordAsync(AuditAction.Read, $"Export {filters.Describe()} ({how}): {rows.ToString(CultureInfo.InvariantCulture)} rows",
            [new AuditedRecord("export", filters.Dataset.ToString().ToLowerInvariant(), null, filters.NodePath)], cancellationToken);
}
