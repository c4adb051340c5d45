namespace Linli.Web.Features.Hazards;

/// <summary>The "Hazards" section: how long rectification may take by severity, unless staff set a deadline.</summary>
public sealed class HazardsOptions
{
    public const string Section = "Hazards";

    public int GeneralDeadlineDays { get; set; } = 30;
    public int MajorDeadlineDays { get; set; } = 7;

    /// <summary>The longest deadline staff may set, so a typo of a year is caught.</summary>
    public int MaxDeadlineDays { get; set; } = 366;

    public TimeSpan DefaultFor(HazardSeverity severity) =>
        TimeSpan.FromDays(severity == HazardSeverity.Major ? MajorDeadlineDays : GeneralDeadlineDays);
}
