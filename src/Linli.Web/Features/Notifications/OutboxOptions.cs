namespace Linli.Web.Features.Notifications;

/// <summary>How the outbox sender works through waiting messages.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Notifications:Outbox";

    /// <summary>Runs the delivery loop in this instance; tests that do not want it switch it off.</summary>
    public bool Enabled { get; set; } = true;

    public int PollIntervalSeconds { get; set; } = 5;
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claimed batch is reserved for this instance before another may take it.</summary>
    public int LockSeconds { get; set; } = 120;

    /// <summary>The wait after the first failure; it doubles after each further failure up to <see cref="MaxRetrySeconds"/>.</summary>
    public int FirstRetrySeconds { get; set; } = 30;

    public int MaxRetrySeconds { get; set; } = 3600;

    /// <summary>After this many failed attempts a message is abandoned (AbandonedAt and LastError say why).</summary>
    public int MaxAttempts { get; set; } = 10;

    public static bool IsValid(OutboxOptions o) =>
        o.PollIntervalSeconds > 0 && o.BatchSize > 0 && o.LockSeconds > 0 && o.FirstRetrySeconds > 0 && o.MaxRetrySeconds >= o.FirstRetrySeconds && o.MaxAttempts > 0;

    /// <summary>The wait before the next try after <paramref name="failures"/> failed attempts: exponential, capped.</summary>
    public TimeSpan RetryDelay(int failures)
    {
        var seconds = FirstRetrySeconds * Math.Pow(2, Math.Max(0, failures - 1));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxRetrySeconds));
    }
}
