using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Linli.Web.Features.Exports;

namespace Linli.Tests.Unit;

public sealed class ExportFormatTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+86 138", "'+86 138")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("", "")]
    public void Csv_cells_are_quoted_per_rfc_4180_and_never_run_as_formulas(string value, string written) =>
        Assert.Equal(written, Csv.Escape(value));

    [Fact]
    public void Csv_files_start_with_a_byte_order_mark_and_end_lines_with_crlf()
    {
        using var stream = new MemoryStream();
        using (var writer = new CsvTableWriter(stream))
        {
            writer.WriteHeader(["number", "description"]);
            writer.WriteRow([1L, "漏水, 很急"]);
        }

        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("number,description\r\n1,\"漏水, 很急\"\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void Xlsx_opens_and_holds_every_row()
    {
        using var stream = new MemoryStream();
        using (var writer = new XlsxTableWriter(stream, "Cases"))
        {
            writer.WriteHeader(["number", "category", "stars"]);
            for (var i = 1; i <= 2500; i++)
            {
                writer.WriteRow([(long)i, i % 2 == 0 ? "漏水" : "=cmd", i % 5 == 0 ? null : 4]);
            }
        }

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single();
        var part = (WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!);
        var rows = part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();

        Assert.Equal("Cases", sheet.Name!.Value);
        Assert.Equal(2501, rows.Count);
        Assert.Equal("number", rows[0].Elements<Cell>().First().InnerText);
        var second = rows[2].Elements<Cell>().ToList();
        Assert.Equal("2", second[0].CellValue!.Text);
        Assert.Equal(CellValues.Number, second[0].DataType!.Value);
        Assert.Equal("漏水", second[1].InnerText);
        Assert.Equal("4", second[2].CellValue!.Text);
    }
}
