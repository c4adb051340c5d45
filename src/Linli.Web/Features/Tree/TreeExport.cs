using System.Buffers;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Linli.Web.Data;
using Linli.Web.Features.Tree.Import;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Linli.Web.Features.Tree;

public sealed record ExportRow(string Code, string? ParentCode, NodeKind Kind, string Name, string? NameEn, bool Rural, Geometry? Geometry);

/// <summary>The tree (or one subtree) as GeoJSON or CSV, parents before children, so the output imports as it is.</summary>
public static class TreeExport
{
    private static readonly JsonSerializerOptions GeometryOptions = GeoJsonTreeReader.CreateOptions();

    public static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string? format, string? root, LinliDb db, CancellationToken cancellationToken)
    {
        format = (format ?? "geojson").ToLowerInvariant();
        if (format is not ("geojson" or "csv"))
        {
            return Problems.Invalid("format", "format must be geojson or csv");
        }

        var nodes = db.Nodes.AsNoTracking();
        if (root is not null)
        {
            var path = await db.Nodes.Where(n => n.Code == root).Select(n => n.Path).FirstOrDefaultAsync(cancellationToken);
            if (path is null)
            {
                return Problems.NotFound($"No node has the code {root}.");
            }

            nodes = nodes.Where(n => n.Path.StartsWith(path));
        }

        var rows = nodes.OrderBy(n => n.Depth).ThenBy(n => n.Code)
            .Select(n => new ExportRow(n.Code, n.Parent == null ? null : n.Parent.Code, n.Kind, n.Name, n.NameEn, n.IsRural, n.Geometry))
            .AsAsyncEnumerable();
        return format == "csv"
            ? TypedResults.Stream(stream => WriteCsvAsync(stream, rows, cancellationToken), "text/csv; charset=utf-8", "linli-tree.csv")
            : TypedResults.Stream(stream => WriteGeoJsonAsync(stream, rows, cancellationToken), "application/geo+json", "linli-tree.geojson");
    }

    public static async Task WriteGeoJsonAsync(Stream stream, IAsyncEnumerable<ExportRow> rows, CancellationToken cancellationToken)
    {
        // The serializer flushes synchronously, so JSON goes to a buffer that is copied to the response asynchronously.
        var buffer = new ArrayBufferWriter<byte>(65_536);
        await using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WritePropertyName("geometry");
            if (row.Geometry is null)
            {
                json.WriteNullValue();
            }
            else
            {
                JsonSerializer.Serialize(json, row.Geometry, GeometryOptions);
            }

            json.WriteStartObject("properties");
            json.WriteString("code", row.Code);
            json.WriteString("parentCode", row.ParentCode);
            json.WriteString("kind", row.Kind.ToWire());
            json.WriteString("name", row.Name);
            json.WriteString("nameEn", row.NameEn);
            if (row.Kind == NodeKind.Community)
            {
                json.WriteBoolean("rural", row.Rural);
            }

            json.WriteEndObject();
            json.WriteEndObject();
            if (json.BytesPending + buffer.WrittenCount > 32_768)
            {
                await CopyAsync(json, buffer, stream, cancellationToken);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await CopyAsync(json, buffer, stream, cancellationToken);
    }

    private static async Task CopyAsync(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, Stream stream, CancellationToken cancellationToken)
    {
        json.Flush();
        await stream.WriteAsync(buffer.WrittenMemory, cancellationToken);
        buffer.ResetWrittenCount();
    }

    public static async Task WriteCsvAsync(Stream stream, IAsyncEnumerable<ExportRow> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 65_536, leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var column in CsvTreeReader.Header)
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync();
        var wkt = new WKTWriter();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            csv.WriteField(row.Code);
            csv.WriteField(row.ParentCode);
            csv.WriteField(row.Kind.ToWire());
            csv.WriteField(row.Name);
            csv.WriteField(row.NameEn);
            csv.WriteField(row.Kind == NodeKind.Community ? (row.Rural ? "true" : "false") : "");
            csv.WriteField(row.Geometry is null ? "" : wkt.Write(row.Geometry));
            await csv.NextRecordAsync();
        }
    }
}
