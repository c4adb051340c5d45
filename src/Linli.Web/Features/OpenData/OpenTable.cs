using System.Text.Json;
using Linli.Web.Features.Exports;

namespace Linli.Web.Features.OpenData;

public enum OpenColumnKind
{
    Text,
    Flag,

    /// <summary>A count that may be withheld: null in JSON; empty in CSV with a <c>_suppressed</c> column beside it.</summary>
    Count,

    /// <summary>A share from 0 to 1; null when nothing was due or when its denominator is withheld.</summary>
    Rate,
}

public sealed record OpenColumn(string Name, OpenColumnKind Kind);

/// <summary>
/// One published dataset: named columns and rows of cells (string, bool, int? or double?). A null count is a withheld one.
/// </summary>
public sealed record OpenTable(string Dataset, string NodeCode, string From, string To, int SuppressBelow, IReadOnlyList<OpenColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    public const string Licence = "CC BY 4.0 — Linli open data; aggregates only, counts under the threshold withheld.";

    public byte[] ToCsv()
    {
        using var stream = new MemoryStream();
        using (var writer = Csv.Writer(stream))
        {
            Csv.WriteRow(writer, Columns.SelectMany(c => c.Kind == OpenColumnKind.Count ? [c.Name, c.Name + "_suppressed"] : new[] { c.Name }));
            foreach (var row in Rows)
            {
                Csv.WriteRow(writer, Columns.SelectMany((c, i) => CsvCells(c, row[i])));
            }
        }

        return stream.ToArray();
    }

    public byte[] ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("dataset", Dataset);
            json.WriteString("node", NodeCode);
            json.WriteString("from", From);
            json.WriteString("to", To);
            json.WriteNumber("suppressBelow", SuppressBelow);
            json.WriteString("licence", Licence);
            json.WriteString("dictionary", OpenDataApi.DictionaryPath);
            json.WriteStartArray("rows");
            foreach (var row in Rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < Columns.Count; i++)
                {
                    json.WritePropertyName(Columns[i].Name);
                    WriteJson(json, row[i]);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static IEnumerable<string> CsvCells(OpenColumn column, object? value) => column.Kind switch
    {
        OpenColumnKind.Count => value is int count ? [Csv.Number(count), "false"] : ["", "true"],
        OpenColumnKind.Rate => [Csv.Number(value as double?)],
        OpenColumnKind.Flag => [value is true ? "true" : "false"],
        _ => [value as string ?? ""],
    };

    private static void WriteJson(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case int i: json.WriteNumberValue(i); break;
            case double d: json.WriteNumberValue(Math.Round(d, 4)); break;
            case bool b: json.WriteBooleanValue(b); break;
            default: json.WriteStringValue(value.ToString()); break;
        }
    }
}
