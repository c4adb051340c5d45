namespace Linli.Web.Infrastructure;

public static class EnumNames
{
    /// <summary>
    /// Parses an enum by its name only (case-insensitive). Enum.TryParse alone also accepts numbers such as "3" or
    /// "99", which would let a request pick a value by position or an undefined one.
    /// </summary>
    public static bool TryParse<T>(string? value, out T result)
        where T : struct, Enum =>
        Enum.TryParse(value, ignoreCase: true, out result) && Enum.IsDefined(result) && !int.TryParse(value, out _);
}
