using System.Security.Cryptography;
using System.Text;
using Linli.Web.Data;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.OpenData;

/// <summary>
/// Open data: public, aggregate tables in CSV and JSON with their data dictionary. Read from the replica when there is
/// one, and cacheable by browsers and proxies for a few minutes, with an ETag so a repeated download costs a 304.
/// </summary>
public static class OpenDataApi
{
    public const string Root = "/api/v1/open-data";
    public const string DictionaryPath = Root + "/dictionary";

    public static RouteGroupBuilder MapOpenDataApi(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup(Root).WithTags("Open data");
        open.MapGet("/", Catalogue);
        open.MapGet("/dictionary", Dictionary);
        open.MapGet("/{dataset}.{format}", DatasetAsync);
        return open;
    }

    private static Results<FileContentHttpResult, StatusCodeHttpResult> Catalogue(HttpContext http, IOptions<OpenDataOptions> options)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new
        {
            licence = OpenTable.Licence,
            suppressBelow = options.Value.SuppressBelow,
            dictionary = DictionaryPath,
            caseLevelFeed = Open311Path,
            datasets = OpenDatasets.Names.Select(n => new { name = n, csv = $"{Root}/{n}.csv?node={{code}}&from=YYYY-MM&to=YYYY-MM", json = $"{Root}/{n}.json?node={{code}}&from=YYYY-MM&to=YYYY-MM" }),
        });
        return Cached(http, body, "application/json", null, options.Value);
    }

    public const string Open311Path = "/open311/v2/requests.json";

    private static Results<FileContentHttpResult, StatusCodeHttpResult> Dictionary(HttpContext http, IOptions<OpenDataOptions> options) =>
        Cached(http, Encoding.UTF8.GetBytes(OpenDataDictionary.Markdown(options.Value.SuppressBelow)), "text/markdown; charset=utf-8", null, options.Value);

    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ValidationProblem, ProblemHttpResult>> DatasetAsync(
        string dataset, string format, string? node, string? from, string? to, HttpContext http,
        [FromKeyedServices(ReadReplica.Key)] LinliDb db, IOptions<OpenDataOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!OpenDatasets.Names.Contains(dataset))
        {
            return Problems.NotFound($"No open dataset '{dataset}'; there are {string.Join(", ", OpenDatasets.Names)}.");
        }

        if (format is not ("csv" or "json"))
        {
            return Problems.Invalid("format", "format must be csv or json");
        }

        var now = clock.GetUtcNow();
        var (range, field, error) = MonthRange.Parse(from, to, now);
        if (range is null)
        {
            return Problems.Invalid(field, error);
        }

        var (scope, scopeError) = await OpenDatasets.ScopeAsync(db, node, cancellationToken);
        if (scope is null)
        {
            return Problems.Invalid("node", scopeError);
        }

        var threshold = options.Value.SuppressBelow;
        var table = dataset == OpenDatasets.CasesByCategory
            ? await OpenDatasets.CasesByCategoryAsync(db, scope, range, threshold, now, cancellationToken)
            : await OpenDatasets.RatesByAreaAsync(db, scope, range, threshold, now, cancellationToken);
        var fileName = $"{dataset}-{scope.Node!.Code}-{table.From}-{table.To}.{format}";
        var body = format == "csv" ? table.ToCsv() : table.ToJson();
        return HeldAlready(http, body, options.Value)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.File(body, format == "csv" ? "text/csv; charset=utf-8" : "application/json", format == "csv" ? fileName : null);
    }

    private static Results<FileContentHttpResult, StatusCodeHttpResult> Cached(HttpContext http, byte[] body, string contentType, string? fileName, OpenDataOptions options) =>
        HeldAlready(http, body, options) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.File(body, contentType, fileName);

    /// <summary>Sets the caching headers with a strong ETag from the body's hash; true when the request already holds that version (answer 304, no body).</summary>
    private static bool HeldAlready(HttpContext http, byte[] body, OpenDataOptions options)
    {
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"";
        var headers = http.Response.Headers;
        headers.CacheControl = $"public, max-age={options.CacheSeconds}";
        headers.ETag = etag;
        headers.AccessControlAllowOrigin = "*";
        var held = http.Request.Headers.IfNoneMatch.ToString();
        return held.Length > 0 && held.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*");
    }
}
