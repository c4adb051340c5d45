namespace Linli.Web.Features.Open311.Wire;

/// <summary>One Open311 error: <c>[{"code":400,"description":"..."}]</c>, or <c>&lt;errors&gt;&lt;error&gt;…</c> in XML.</summary>
public sealed record Open311Error(int Code, string Description);

/// <summary>The spec's error answers: 404 for what does not exist, 403 for a missing or wrong key, 400 for the rest.</summary>
public static class Open311Errors
{
    public static Open311Result NotFound(Open311Format format, string description) => Answer(format, StatusCodes.Status404NotFound, [new(404, description)]);

    public static Open311Result Forbidden(Open311Format format, string description) => Answer(format, StatusCodes.Status403Forbidden, [new(403, description)]);

    public static Open311Result BadRequest(Open311Format format, string description) => Answer(format, StatusCodes.Status400BadRequest, [new(400, description)]);

    /// <summary>Several errors at once; the HTTP status is the first error's code.</summary>
    public static Open311Result Answer(Open311Format format, int status, IReadOnlyList<Open311Error> errors) =>
        new(errors, "errors", format, status);
}
