using System.Globalization;
using System.Text;

namespace Linli.Web.Features.Exports;

/// <summary>
/// CSV as spreadsheets in zh-CN read it: UTF-8 with a byte-order mark, RFC 4180 quoting, CRLF line ends, and no cell
/// that a spreadsheet would run as a formula.
/// </summary>
public static class Csv
{
    public static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static StreamWriter Writer(Stream stream) => new(stream, Utf8WithBom, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };

    public static void WriteRow(TextWriter writer, IEnumerable<string?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                writer.Write(',');
            }

            writer.Write(Escape(cell));
            first = false;
        }

        writer.Write("\r\n");
    }

    /// <summary>One cell: neutralised (see <see cref="Neutralise"/>), then quoted when it holds a comma, a quote or a line break.</summary>
    public static string Escape(string? value)
    {
        var text = Neutralise(value ?? "");
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>
    /// A cell starting with = + - @ (or a tab or carriage return, which some spreadsheets skip before reading one) is run as a
    /// formula by Excel: a resident's description could then call out to the network. A leading ' makes it text.
    /// </summary>
    public static string Neutralise(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    /// <summary>A number as the invariant culture writes it (a dot for decimals), whatever the server's language.</summary>
    public static string Number(double? value, int decimals = 4) =>
        value is { } v ? Math.Round(v, decimals).ToString(CultureInfo.InvariantCulture) : "";

    public static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
