namespace Linli.Web.Features.SafetyTips;

/// <summary>The "SafetyTips" section: how long tips are kept, the warning before deletion, and the rate limits.</summary>
public sealed class SafetyTipsOptions
{
    public const string Section = "SafetyTips";

    /// <summary>Days after submission when a tip not linked to a case is deleted.</summary>
    public int RetentionDays { get; set; } = 180;

    /// <summary>Tips due for deletion within this many days are flagged in the inbox and their officers are told once.</summary>
    public int WarnDaysBeforeDeletion { get; set; } = 14;

    /// <summary>Runs the retention job in this instance; tests that drive it themselves switch it off.</summary>
    public bool RetentionEnabled { get; set; } = true;

    public int RetentionIntervalSeconds { get; set; } = 3600;

    /// <summary>New tips per network and hour: room for a household or an office, a brake on floods.</summary>
    public int SubmissionsPerNetworkPerHour { get; set; } = 10;

    /// <summary>Receipt look-ups and answers per network and hour: enough to follow up, too few to guess receipts.</summary>
    public int FollowUpsPerNetworkPerHour { get; set; } = 60;

    /// <summary>Answers per receipt and hour.</summary>
    public int AnswersPerReceiptPerHour { get; set; } = 5;

    public TimeSpan Retention => TimeSpan.FromDays(RetentionDays);

    public TimeSpan Warning => TimeSpan.FromDays(WarnDaysBeforeDeletion);
}
