using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Linli.Web.Features.Open311.Wire;

/// <summary>
/// An Open311 answer in the format the client asked for. The XML is derived from the same JSON document (the spec's
/// Spark convention in reverse), so the two formats always carry the same fields.
/// </summary>
public sealed class Open311Result(object payload, string rootElement, Open311Format format, int statusCode = StatusCodes.Status200OK) : IResult
{
    /// <summary>snake_case names as the spec spells them; Chinese written as characters, markup characters still escaped.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = Open311Formats.MediaType(format) + "; charset=utf-8";
        if (format == Open311Format.Json)
        {
            await JsonSerializer.SerializeAsync(response.Body, payload, payload.GetType(), Json, httpContext.RequestAborted);
            return;
        }

        var document = JsonSerializer.SerializeToNode(payload, payload.GetType(), Json);
        await response.Body.WriteAsync(Open311Xml.Write(rootElement, document), httpContext.RequestAborted);
    }
}
