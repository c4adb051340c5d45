using Linli.Web.Features.Tree.Import;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Tree;

public sealed class TreeOptions
{
    public const string Section = "Tree";

    /// <summary>The largest import accepted, in bytes. The whole `city` dataset as GeoJSON is about 40 MB.</summary>
    public long MaxImportBytes { get; set; } = 200 * 1024 * 1024;
}

public static class TreeImportEndpoint
{
    /// <summary>
    /// Imports nodes from a GeoJSON or CSV body (raw, or the form field <c>file</c>). All or nothing; administrators
    /// only, and only under nodes inside their own subtree.
    /// </summary>
    public static async Task<Results<Ok<ImportResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string? format, HttpRequest request, TreeImporter importer, ScopeAuthorizer scope, IOptions<TreeOptions> options, CancellationToken cancellationToken)
    {
        var roots = await scope.RolesGrantingAsync(Permission.ImportTree, cancellationToken);
        if (roots.Count == 0)
        {
            return Problems.Forbidden("Only administrators may import the tree.");
        }

        var (body, fileName, problem) = await OpenBodyAsync(request, options.Value.MaxImportBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        await using (body)
        {
            format = (format ?? GuessFormat(fileName, request.ContentType)).ToLowerInvariant();
            if (format is not ("geojson" or "csv"))
            {
                return Problems.Invalid("format", "format must be geojson or csv");
            }

            var (features, positionName) = format == "csv"
                ? (CsvTreeReader.Read(body!), CsvTreeReader.PositionName)
                : (GeoJsonTreeReader.Read(body!), GeoJsonTreeReader.PositionName);

            // Roots (cities) are created only from the command line; everything else must fall inside the caller's subtree.
            var result = await importer.ImportAsync(features, positionName,
                parentPath => parentPath is not null && roots.Any(r => r.NodePath is not null && parentPath.StartsWith(r.NodePath, StringComparison.Ordinal)),
                cancellationToken: cancellationToken);
            return TypedResults.Ok(new ImportResponse(result.Imported, result.ByKind));
        }
    }

    private static string GuessFormat(string? fileName, string? contentType) =>
        fileName?.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) == true || contentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true
            ? "csv"
            : "geojson";

    /// <summary>Buffers the upload (bounded by the limit) so a refusal leaves nothing half-read.</summary>
    private static async Task<(Stream? Body, string? FileName, ValidationProblem? Problem)> OpenBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        var sizeFeature = request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit + 1024 * 1024;
        }

        if (request.ContentLength > limit)
        {
            return (null, null, Problems.Invalid("file", $"the file is larger than the limit of {limit} bytes"));
        }

        Stream source = request.Body;
        string? fileName = null;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file");
            if (file is null)
            {
                return (null, null, Problems.Invalid("file", "attach the tree as the form field 'file'"));
            }

            fileName = file.FileName;
            source = file.OpenReadStream();
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                await buffer.DisposeAsync();
                return (null, null, Problems.Invalid("file", $"the file is larger than the limit of {limit} bytes"));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            await buffer.DisposeAsync();
            return (null, null, Problems.Invalid("file", "the file is empty"));
        }

        buffer.Position = 0;
        return (buffer, fileName, null);
    }
}
