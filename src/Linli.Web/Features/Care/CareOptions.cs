namespace Linli.Web.Features.Care;

/// <summary>Settings of the <c>Care</c> section.</summary>
public sealed class CareOptions
{
    public const string Section = "Care";

    /// <summary>How long an entry not tied to a campaign lasts before it must be renewed.</summary>
    public int EntryMonths { get; set; } = 3;

    /// <summary>How many days before expiry the household is told, so it can renew.</summary>
    public int ReminderDays { get; set; } = 7;

    /// <summary>Whether this instance runs the expiry job (tests switch it off and run it by hand).</summary>
    public bool ExpiryEnabled { get; set; } = true;

    public int ExpiryIntervalSeconds { get; set; } = 3600;
}
