namespace Linli.Web.Features.Cases;

public sealed class CasesOptions
{
    public const string Section = "Cases";

    /// <summary>Open cases of the same category this close are offered to a reporter to follow instead.</summary>
    public double DuplicateRadiusMeters { get; set; } = 250;

    /// <summary>How long after resolving or closing the reporter may say it is not fixed.</summary>
    public int ReopenWindowDays { get; set; } = 7;

    public int MaxPhotos { get; set; } = 3;
    public int MaxPhotoBytes { get; set; } = 5 * 1024 * 1024;
    public int MaxDescriptionLength { get; set; } = 4000;

    /// <summary>Runs the escalation loop in this instance; tests that do not want it switch it off.</summary>
    public bool EscalationEnabled { get; set; } = true;

    /// <summary>How often overdue cases are looked for (and the escalation lease is renewed; it lasts three intervals).</summary>
    public int EscalationIntervalSeconds { get; set; } = 60;
}
