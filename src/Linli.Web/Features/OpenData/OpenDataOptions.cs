namespace Linli.Web.Features.OpenData;

public sealed class OpenDataOptions
{
    public const string Section = "OpenData";

    /// <summary>Counts from 1 to this − 1 are withheld in every public table (and a second cell beside them).</summary>
    public int SuppressBelow { get; set; } = 5;

    /// <summary>How long browsers and proxies may keep a download.</summary>
    public int CacheSeconds { get; set; } = 300;
}
