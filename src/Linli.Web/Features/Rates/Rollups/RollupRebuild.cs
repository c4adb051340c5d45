using System.Globalization;
using Linli.Web.Data;
using Linli.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Rates.Rollups;

/// <summary>
/// Fills the roll-ups from the cases, replacing what they held: on PostgreSQL set-based (the grid level grouped from the
/// cases in one statement, each level above grouped from the one below), on SQLite by reading the cases once. It runs on
/// the first start after the roll-ups were added (<see cref="FillIfMissingAsync"/>) and on
/// <c>dotnet run --project src/Linli.Web -- rollups rebuild</c>; it holds off case writes while it runs.
/// </summary>
public static class RollupRebuild
{
    /// <summary>Rebuilds when there are cases but no roll-ups: a database from before them. Every case counts somewhere, so this is exact.</summary>
    public static async Task<bool> FillIfMissingAsync(LinliDb db, CancellationToken cancellationToken)
    {
        if (await db.CaseRollups.AnyAsync(cancellationToken) || !await db.Cases.AnyAsync(cancellationToken))
        {
            return false;
        }

        await RebuildAsync(db, cancellationToken);
        return true;
    }

    public static async Task RebuildAsync(LinliDb db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE cases IN SHARE MODE", cancellationToken);
        }

        await db.Database.ExecuteSqlRawAsync("DELETE FROM case_rollups", cancellationToken);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM case_duration_rollups", cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await RebuildInPostgresAsync(db, cancellationToken);
        }
        else
        {
            await RebuildByReadingAsync(db, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task RebuildByReadingAsync(LinliDb db, CancellationToken cancellationToken)
    {
        var delta = new RollupDelta();
        var facts = db.Cases.AsNoTracking().Select(c => new CaseFacts(
            c.GridPath, c.CategoryId, c.State, c.ReportedAt, c.RespondedAt, c.ResolvedAt, c.ClosedAt, c.RespondBy, c.ResolveBy, c.RatingStars, c.RatingSolved, c.RatedAt));
        await foreach (var f in facts.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            delta.Add(f, +1);
        }

        await RollupWriter.WriteAsync(db.Database, delta, cancellationToken);
    }

    private static string Day(string column) => $"""(({column} AT TIME ZONE 'UTC') + interval '8 hours')::date - date '0001-01-01'""";

    private static async Task RebuildInPostgresAsync(LinliDb db, CancellationToken cancellationToken)
    {
        var states = Enum.GetValues<CaseState>();
        var state = "CASE c.\"State\" " + string.Join(" ", states.Select(s => $"WHEN '{s}' THEN {(int)s}")) + " END";
        const string Excluded = """c."State" IN ('Cancelled', 'Duplicate')""";
        const string RespondedInTime = """c."RespondedAt" IS NOT NULL AND c."RespondedAt" <= c."RespondBy" """;
        const string ResolvedInTime = """c."ResolvedAt" IS NOT NULL AND c."ResolvedAt" <= c."ResolveBy" """;
        var counts = string.Join(",\n  ", RollupCounters.Columns.Select((name, i) => $"""count(*) FILTER (WHERE e.counter = {i})::int AS "{name}" """));
        var sums = string.Join(", ", RollupCounters.Columns.Select(name => $"""sum("{name}")::int AS "{name}" """));
        var columns = string.Join(", ", RollupCounters.Columns.Select(name => $"\"{name}\""));
        var gridLevel = $"""
            CREATE TEMP TABLE rollup_level ON COMMIT DROP AS
            SELECT c."GridPath" AS "NodePath", e.day AS "Day", c."CategoryId",
              {counts}
            FROM cases c CROSS JOIN LATERAL (VALUES
              ({Day("c.\"ReportedAt\"")}, {state}),
              (CASE WHEN NOT ({Excluded}) THEN {Day($"CASE WHEN {RespondedInTime} THEN c.\"RespondedAt\" ELSE c.\"RespondBy\" END")} END,
               CASE WHEN {RespondedInTime} THEN {RollupCounters.RespondedInTime} ELSE {RollupCounters.RespondMissed} END),
              (CASE WHEN NOT ({Excluded}) THEN {Day($"CASE WHEN {ResolvedInTime} THEN c.\"ResolvedAt\" ELSE c.\"ResolveBy\" END")} END,
               CASE WHEN {ResolvedInTime} THEN {RollupCounters.ResolvedInTime} ELSE {RollupCounters.ResolveMissed} END),
              (CASE WHEN NOT ({Excluded}) AND c."ResolvedAt" > c."ResolveBy" THEN {Day("c.\"ResolveBy\"")} END, {RollupCounters.ResolvedLate}),
              (CASE WHEN c."RatingStars" IS NOT NULL THEN {Day("c.\"RatedAt\"")} END, {RollupCounters.Rated}),
              (CASE WHEN c."RatingStars" >= 4 THEN {Day("c.\"RatedAt\"")} END, {RollupCounters.Satisfied}),
              (CASE WHEN c."RatingStars" IS NOT NULL AND c."RatingSolved" THEN {Day("c.\"RatedAt\"")} END, {RollupCounters.SaidSolved})
            ) AS e(day, counter)
            WHERE e.day IS NOT NULL
            GROUP BY 1, 2, 3
            """;
        await FillLevelsAsync(db, gridLevel, "case_rollups", $"""
            "NodePath", "Day", "CategoryId", {columns}
            """, $"""
            "Day", "CategoryId", {sums}
            """, "2, 3", cancellationToken);

        var edges = "ARRAY[" + string.Join(", ", DurationBuckets.Edges.Select(e => e.ToString(CultureInfo.InvariantCulture))) + "]::float8[]";
        var durationGrid = $"""
            CREATE TEMP TABLE rollup_level ON COMMIT DROP AS
            SELECT c."GridPath" AS "NodePath", {Day("d.at")} AS "Day", d.kind AS "Kind", width_bucket(m.ms / 60000.0::float8, {edges}) AS "Bucket",
              count(*)::int AS "Cases", sum(m.ms)::bigint AS "TotalMilliseconds"
            FROM cases c
            CROSS JOIN LATERAL (VALUES ({(int)DurationKind.ToRespond}, c."RespondedAt"), ({(int)DurationKind.ToClose}, c."ClosedAt")) AS d(kind, at)
            CROSS JOIN LATERAL (SELECT round(extract(epoch FROM d.at - c."ReportedAt") * 1000)::bigint AS ms) AS m
            WHERE d.at IS NOT NULL AND NOT ({Excluded})
            GROUP BY 1, 2, 3, 4
            """;
        await FillLevelsAsync(db, durationGrid, "case_duration_rollups", """
            "NodePath", "Day", "Kind", "Bucket", "Cases", "TotalMilliseconds"
            """, """
            "Day", "Kind", "Bucket", sum("Cases")::int AS "Cases", sum("TotalMilliseconds")::bigint AS "TotalMilliseconds"
            """, "2, 3, 4", cancellationToken);
    }

    /// <summary>Writes the grid level, then each level above it grouped from the one below, until the top of every path.</summary>
    private static async Task FillLevelsAsync(LinliDb db, string gridLevel, string table, string columns, string sums, string groupBy, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync(gridLevel, cancellationToken);
        // Only constants of this class go into these statements.
        var insert = $"INSERT INTO {table} ({columns}) SELECT {columns} FROM rollup_level";

        // "/a/b/c/" → "/a/b/"; a top-level path ("/a/") has no parent node.
        var parent = $"""
            CREATE TEMP TABLE rollup_parent ON COMMIT DROP AS
            SELECT regexp_replace("NodePath", '[^/]+/$', '') AS "NodePath", {sums}
            FROM rollup_level WHERE "NodePath" ~ '^/[^/]+/[^/]+/'
            GROUP BY 1, {groupBy}
            """;
        while (await db.Database.ExecuteSqlRawAsync(insert, cancellationToken) > 0)
        {
            await db.Database.ExecuteSqlRawAsync(parent, cancellationToken);
            await db.Database.ExecuteSqlRawAsync("DROP TABLE rollup_level; ALTER TABLE rollup_parent RENAME TO rollup_level", cancellationToken);
        }

        await db.Database.ExecuteSqlRawAsync("DROP TABLE rollup_level", cancellationToken);
    }
}
