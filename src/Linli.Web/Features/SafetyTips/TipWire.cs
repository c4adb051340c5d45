namespace Linli.Web.Features.SafetyTips;

/// <summary>Enum values as the API writes them: camelCase names ("publicSafety", "notVerified").</summary>
public static class TipWire
{
    public static string Name<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static string? Name<T>(T? value)
        where T : struct, Enum => value is { } v ? Name(v) : null;
}
