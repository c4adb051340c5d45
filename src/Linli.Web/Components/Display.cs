using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace Linli.Web.Components;

/// <summary>Formatting rules the pages share: which name to show, how to show a time, where a link may lead.</summary>
public static class Display
{
    /// <summary>China Standard Time, where the communities are: times are shown and days, weeks and years counted in it.</summary>
    public static readonly TimeZoneInfo ChinaTime = Infrastructure.Time.ChinaCalendar.Zone;

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The English name in the English interface when there is one, the Chinese name otherwise.</summary>
    public static string Name(string name, string? nameEn) => IsEnglish && !string.IsNullOrWhiteSpace(nameEn) ? nameEn : name;

    /// <summary>Times are shown in China Standard Time, where the communities are, whatever the server's own zone.</summary>
    public static string Time(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, ChinaTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A path on this site to go to after a form; anything else ("https://x", "//x", "/\x") becomes "/".</summary>
    public static string LocalPath(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";

    /// <summary>The current page as a site path ("/tree/500107001?x=1"), for return URLs.</summary>
    public static string CurrentPath(NavigationManager navigation) => "/" + navigation.ToBaseRelativePath(navigation.Uri);

    /// <summary>The link that switches the language and comes back to this page (see Infrastructure/Web/LanguageSwitch.cs).</summary>
    public static string LanguageLink(string culture, NavigationManager navigation) =>
        $"/language?culture={Uri.EscapeDataString(culture)}&returnUrl={Uri.EscapeDataString(CurrentPath(navigation))}";
}
