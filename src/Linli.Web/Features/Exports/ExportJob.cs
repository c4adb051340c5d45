using Linli.Web.Features.Cases;

namespace Linli.Web.Features.Exports;

public enum ExportDataset
{
    /// <summary>One row per case in scope: no reporter, no description for sensitive categories.</summary>
    Cases,

    /// <summary>The node's children ranked on the three rates, and the cases by category.</summary>
    Rates,
}

public enum ExportFormat
{
    Csv,
    Xlsx,
}

public enum ExportStatus
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>
/// An export too large to answer at once. Any instance may run it (a claim is one conditional update) and any instance
/// may serve its file, which is kept in the database in <see cref="ExportChunk"/>s until <see cref="ExpiresAt"/>.
/// </summary>
public sealed class ExportJob
{
    public long Id { get; set; }

    /// <summary>Only this person may see the job and download its file.</summary>
    public Guid CreatedBy { get; set; }

    public ExportDataset Dataset { get; set; }
    public ExportFormat Format { get; set; }
    public required string NodeCode { get; set; }
    public required string NodePath { get; set; }
    public DateTimeOffset From { get; set; }
    public DateTimeOffset To { get; set; }
    public string? CategoryCode { get; set; }
    public CaseState? State { get; set; }

    public ExportStatus Status { get; set; }
    public int RowsDone { get; set; }
    public int RowsTotal { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The instance running it and until when its claim holds; a claim not renewed (the instance died) may be taken over.</summary>
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }

    public string? Error { get; set; }
    public long FileSize { get; set; }
}

/// <summary>A piece of an export's file, in order of <see cref="Index"/>.</summary>
public sealed class ExportChunk
{
    public long JobId { get; set; }
    public int Index { get; set; }
    public required byte[] Data { get; set; }
}
