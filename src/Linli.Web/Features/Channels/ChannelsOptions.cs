namespace Linli.Web.Features.Channels;

/// <summary>The "Channels" section: how long grid and building messages are kept, and the retention job.</summary>
public sealed class ChannelsOptions
{
    public const string Section = "Channels";

    /// <summary>Grid and building messages older than this are deleted. Campaign messages follow their campaign's RetentionDays.</summary>
    public int RetentionDays { get; set; } = 180;

    /// <summary>Runs the retention job in this instance; tests that drive it themselves switch it off.</summary>
    public bool RetentionEnabled { get; set; } = true;

    public int RetentionIntervalSeconds { get; set; } = 3600;
}
