namespace Linli.Web.Features.FollowUps;

/// <summary>The <c>FollowUps</c> section: when follow-ups go out, for which sources, and how long their links work.</summary>
public sealed class FollowUpsOptions
{
    public const string Section = "FollowUps";

    /// <summary>Runs the background job that sends follow-ups.</summary>
    public bool Enabled { get; set; } = true;

    public int IntervalSeconds { get; set; } = 300;

    /// <summary>How long after an item closes its follow-up goes out.</summary>
    public int DelayMinutes { get; set; } = 60;

    /// <summary>Items closed longer ago than this get none (so switching follow-ups on does not ask about last year).</summary>
    public int LookBackDays { get; set; } = 7;

    /// <summary>How long a rating link works.</summary>
    public int ValidDays { get; set; } = 14;

    public bool Cases { get; set; } = true;
    public bool Visits { get; set; } = true;
    public bool Mediations { get; set; } = true;

    public static bool IsValid(FollowUpsOptions o) =>
        o.IntervalSeconds > 0 && o.DelayMinutes >= 0 && o.LookBackDays >= 1 && o.ValidDays is >= 1 and <= 365 && o.DelayMinutes < o.LookBackDays * 24 * 60;

    public bool IsOn(FollowUpSource source) => source switch
    {
        FollowUpSource.Case => Cases,
        FollowUpSource.Visit => Visits,
        _ => Mediations,
    };
}
