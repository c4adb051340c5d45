namespace Linli.Web.Features.Exports;

public sealed class ExportsOptions
{
    public const string Section = "Exports";

    /// <summary>Exports of up to this many rows are answered at once; larger ones run in the background.</summary>
    public int InlineRowLimit { get; set; } = 5000;

    /// <summary>How long a finished export's file is kept before the retention pass deletes it.</summary>
    public int KeepHours { get; set; } = 24;

    public bool WorkerEnabled { get; set; } = true;

    public double PollSeconds { get; set; } = 2;

    /// <summary>Rows read per query; progress is saved after each page.</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>How long a claim on a job holds without progress before another instance may take the job over.</summary>
    public int ClaimSeconds { get; set; } = 120;
}
