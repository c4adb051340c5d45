namespace Linli.Web.Components.Pages.Cases;

/// <summary>
/// Catalogue texts are written once in both languages: "是否外溢 / Is sewage overflowing?" or "是 Yes". This picks the
/// half for the interface's language, and returns the text whole when it is not written that way.
/// </summary>
public static class Bilingual
{
    public static string Pick(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var (zh, en) = Split(text);
        return (Display.IsEnglish ? en : zh) ?? text;
    }

    private static (string? Zh, string? En) Split(string text)
    {
        var slash = text.IndexOf(" / ", StringComparison.Ordinal);
        if (slash > 0)
        {
            return (text[..slash].Trim(), text[(slash + 3)..].Trim());
        }

        // "楼内公共区域 Common area": Chinese first, then a space and the English.
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && space < text.Length - 1 && char.IsAsciiLetter(text[space + 1]) && text[..space].All(c => c > 0x2E7F))
        {
            return (text[..space], text[(space + 1)..].Trim());
        }

        return (null, null);
    }
}
