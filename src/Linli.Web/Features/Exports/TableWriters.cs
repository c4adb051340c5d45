using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Linli.Web.Infrastructure.Time;

namespace Linli.Web.Features.Exports;

/// <summary>Writes a header and rows to a stream, one row at a time, in CSV or XLSX.</summary>
public abstract class TableWriter : IDisposable
{
    public static TableWriter For(ExportFormat format, Stream stream, string sheetName) =>
        format == ExportFormat.Csv ? new CsvTableWriter(stream) : new XlsxTableWriter(stream, sheetName);

    public static string ContentType(ExportFormat format) =>
        format == ExportFormat.Csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public abstract void WriteHeader(IReadOnlyList<string> columns);

    public abstract void WriteRow(object?[] cells);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);

    /// <summary>Times as people in the communities read them: China time, to the minute.</summary>
    protected static string Text(object? value) => value switch
    {
        null => "",
        DateTimeOffset at => at.ToOffset(ChinaCalendar.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        double d => Math.Round(d, 4).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

public sealed class CsvTableWriter(Stream stream) : TableWriter
{
    private readonly StreamWriter _writer = Csv.Writer(stream);

    public override void WriteHeader(IReadOnlyList<string> columns) => Csv.WriteRow(_writer, columns);

    public override void WriteRow(object?[] cells) => Csv.WriteRow(_writer, cells.Select(Text));

    protected override void Dispose(bool disposing) => _writer.Dispose();
}

/// <summary>
/// XLSX through the Open XML SDK's forward-only writer (SAX): each row goes to the stream as it comes, so the size of an
/// export does not decide the memory it takes. Text is written inline, numbers as numbers.
/// </summary>
public sealed class XlsxTableWriter : TableWriter
{
    private readonly SpreadsheetDocument _document;
    private readonly OpenXmlWriter _writer;

    public XlsxTableWriter(Stream stream, string sheetName)
    {
        _document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = _document.AddWorkbookPart();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        using (var book = OpenXmlWriter.Create(workbook))
        {
            book.WriteStartElement(new Workbook());
            book.WriteStartElement(new Sheets());
            book.WriteElement(new Sheet { Name = sheetName, SheetId = 1, Id = workbook.GetIdOfPart(sheetPart) });
            book.WriteEndElement();
            book.WriteEndElement();
        }

        _writer = OpenXmlWriter.Create(sheetPart);
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteStartElement(new SheetData());
    }

    public override void WriteHeader(IReadOnlyList<string> columns) => WriteRow([.. columns]);

    public override void WriteRow(object?[] cells)
    {
        _writer.WriteStartElement(new Row());
        foreach (var value in cells)
        {
            switch (value)
            {
                case null:
                    _writer.WriteElement(new Cell());
                    break;
                case int or long or double:
                    _writer.WriteElement(new Cell { DataType = CellValues.Number, CellValue = new CellValue(Text(value)) });
                    break;
                default:
                    _writer.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Text(value))) });
                    break;
            }
        }

        _writer.WriteEndElement();
    }

    protected override void Dispose(bool disposing)
    {
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.Dispose();
        _document.Dispose();
    }
}
