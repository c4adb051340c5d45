using Linli.Web.Data;

namespace Linli.Web.Features.Exports;

/// <summary>Writes an export's rows to a stream in its format; the same path for an answer at once and for a background job.</summary>
public static class ExportWriting
{
    public static async Task<int> WriteAsync(LinliDb db, ExportFilters filters, Stream stream, DateTimeOffset now, int pageSize, Func<int, Task>? progress, CancellationToken cancellationToken)
    {
        var rows = 0;
        using (var writer = TableWriter.For(filters.Format, stream, filters.Dataset.ToString()))
        {
            writer.WriteHeader(ExportRows.Columns(filters.Dataset));
            await foreach (var row in ExportRows.ReadAsync(db, filters, now, pageSize, progress, cancellationToken))
            {
                writer.WriteRow(row);
                rows++;
            }
        }

        return rows;
    }
}
