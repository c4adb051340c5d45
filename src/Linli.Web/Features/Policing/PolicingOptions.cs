namespace Linli.Web.Features.Policing;

/// <summary>Settings of the <c>Policing</c> section.</summary>
public sealed class PolicingOptions
{
    public const string Section = "Policing";

    /// <summary>Shanghai's rule (2017): at least five half-days a week in the community.</summary>
    public int HalfDaysPerWeekTarget { get; set; } = 5;

    /// <summary>How many days back an officer may still log a half-day they forgot to record.</summary>
    public int LogWindowDays { get; set; } = 14;
}
