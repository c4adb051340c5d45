namespace Linli.Web.Features.Open311.Wire;

/// <summary>The formats a resource is asked for by its extension (<c>services.json</c>, <c>services.xml</c>).</summary>
public enum Open311Format
{
    Json,
    Xml,
}

public static class Open311Formats
{
    /// <summary>The route constraint that lets only known extensions reach a handler; the rest fall to the Open311 404.</summary>
    public const string RouteConstraint = "regex(^(?:json|xml)$)";

    public static Open311Format Parse(string extension) =>
        string.Equals(extension, "xml", StringComparison.OrdinalIgnoreCase) ? Open311Format.Xml : Open311Format.Json;

    public static string MediaType(Open311Format format) => format == Open311Format.Xml ? "text/xml" : "application/json";
}
