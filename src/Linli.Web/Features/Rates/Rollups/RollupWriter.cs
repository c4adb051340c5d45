using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Linli.Web.Features.Rates.Rollups;

/// <summary>
/// Applies a <see cref="RollupDelta"/> as upserts (<c>INSERT … ON CONFLICT … DO UPDATE SET n = n + excluded.n</c>, the
/// same text on SQLite and PostgreSQL), in the caller's transaction. Rows go in key order so two writers touching the
/// same rows (a city's row for today) wait for each other instead of deadlocking.
/// </summary>
public static class RollupWriter
{
    private const int RowsPerStatement = 400;

    private static readonly string CounterColumns = string.Join(", ", RollupCounters.Columns.Select(c => $"\"{c}\""));

    private static readonly string CounterUpdates = string.Join(", ", RollupCounters.Columns.Select(c => $"\"{c}\" = case_rollups.\"{c}\" + excluded.\"{c}\""));

    public static async Task WriteAsync(DatabaseFacade database, RollupDelta delta, CancellationToken cancellationToken)
    {
        foreach (var (sql, values) in Statements(delta, i => $"{{{i}}}"))
        {
            await database.ExecuteSqlRawAsync(sql, values, cancellationToken);
        }
    }

    /// <summary>The same upserts as commands for an Npgsql batch (positional parameters).</summary>
    public static IEnumerable<NpgsqlBatchCommand> Commands(RollupDelta delta)
    {
        foreach (var (sql, values) in Statements(delta, i => $"${i + 1}"))
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var value in values)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            yield return command;
        }
    }

    public static IEnumerable<(string Sql, object[] Values)> Statements(RollupDelta delta, Func<int, string> placeholder)
    {
        var counters = delta.Counters.Where(c => c.Value.Any(n => n != 0))
            .OrderBy(c => c.Key.Path, StringComparer.Ordinal).ThenBy(c => c.Key.Day).ThenBy(c => c.Key.CategoryId).ToList();
        foreach (var chunk in counters.Chunk(RowsPerStatement))
        {
            var values = new List<object>();
            var rows = new List<string>();
            foreach (var ((path, day, category), counts) in chunk)
            {
                var start = values.Count;
                values.Add(path);
                values.Add(day);
                values.Add(category);
                values.AddRange(counts.Cast<object>());
                rows.Add("(" + string.Join(", ", Enumerable.Range(start, values.Count - start).Select(placeholder)) + ")");
            }

            yield return ($"""
                INSERT INTO case_rollups ("NodePath", "Day", "CategoryId", {CounterColumns}) VALUES {string.Join(", ", rows)}
                ON CONFLICT ("NodePath", "Day", "CategoryId") DO UPDATE SET {CounterUpdates}
                """, [.. values]);
        }

        var durations = delta.Durations.Where(d => d.Value.Cases != 0 || d.Value.Milliseconds != 0)
            .OrderBy(d => d.Key.Path, StringComparer.Ordinal).ThenBy(d => d.Key.Day).ThenBy(d => d.Key.Kind).ThenBy(d => d.Key.Bucket).ToList();
        foreach (var chunk in durations.Chunk(RowsPerStatement))
        {
            var values = new List<object>();
            var rows = new List<string>();
            foreach (var ((path, day, kind, bucket), (cases, milliseconds)) in chunk)
            {
                var start = values.Count;
                values.AddRange([path, day, (int)kind, bucket, cases, milliseconds]);
                rows.Add("(" + string.Join(", ", Enumerable.Range(start, 6).Select(placeholder)) + ")");
            }

            yield return ($"""
                INSERT INTO case_duration_rollups ("NodePath", "Day", "Kind", "Bucket", "Cases", "TotalMilliseconds") VALUES {string.Join(", ", rows)}
                ON CONFLICT ("NodePath", "Day", "Kind", "Bucket") DO UPDATE SET "Cases" = case_duration_rollups."Cases" + excluded."Cases",
                  "TotalMilliseconds" = case_duration_rollups."TotalMilliseconds" + excluded."TotalMilliseconds"
                """, [.. values]);
        }
    }
}
