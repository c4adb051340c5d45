using Linli.Web.Data;
using Linli.Web.Features.Rates;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.FollowUps;

/// <summary>
/// Satisfaction from follow-up ratings for an area: per unit and per child area (public: counts only, down to grids),
/// per source with the response rate, and per officer for holders of <see cref="Permission.ViewSatisfaction"/> over the area.
/// </summary>
public sealed class SatisfactionQueries(LinliDb db, ScopeAuthorizer scope, TimeProvider clock)
{
    private sealed record Node(string Code, NodeKind Kind, string Name, string? NameEn, string Path);

    public async Task<SatisfactionReport> ReportAsync(string? nodeCode, string? period, string? from, string? to, CancellationToken cancellationToken)
    {
        var node = await NodeAsync(nodeCode, cancellationToken);
        var (range, until) = Period(period, from, to);
        var answered = Answered(node.Path, range.From, until);

        var total = await answered.GroupBy(_ => 1).Select(g => new Counts(g.Count(), g.Count(f => f.Stars >= 4), g.Sum(f => f.Stars!.Value))).SingleOrDefaultAsync(cancellationToken);
        var units = await UnitsAsync(answered, cancellationToken);
        var areas = await AreasAsync(node, range.From, until, cancellationToken);
        var sources = await SourcesAsync(node.Path, range.From, until, cancellationToken);
        return new SatisfactionReport(Ref(node), new PeriodDto(range.From, range.To, until), Figure(total), units, areas, sources, SatisfactionDefinitions.English);
    }

    public async Task<OfficerSatisfactionReport> OfficersAsync(string? nodeCode, string? period, string? from, string? to, CancellationToken cancellationToken)
    {
        var node = await NodeAsync(nodeCode, cancellationToken);
        if (!await scope.CanAsync(Permission.ViewSatisfaction, node.Path, cancellationToken))
        {
            throw new DomainRuleException("node", "This area is outside the part of the tree whose satisfaction figures you may see.", StatusCodes.Status403Forbidden);
        }

        var (range, until) = Period(period, from, to);
        var rows = await Answered(node.Path, range.From, until).Where(f => f.OfficerUserId != null)
            .GroupBy(f => new { Officer = f.OfficerUserId!.Value, f.Source })
            .Select(g => new { g.Key.Officer, g.Key.Source, Ratings = g.Count(), Satisfied = g.Count(f => f.Stars >= 4), Stars = g.Sum(f => f.Stars!.Value) })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Officer).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var officers = rows.GroupBy(r => r.Officer)
            .Select(g => new OfficerSatisfaction(
                g.Key, names.GetValueOrDefault(g.Key, "?"), RatingFigure.Of(g.Sum(r => r.Ratings), g.Sum(r => r.Satisfied), g.Sum(r => r.Stars)),
                g.ToDictionary(r => r.Source.ToString().ToLowerInvariant(), r => r.Ratings)))
            .OrderByDescending(o => o.Figures.Ratings).ThenBy(o => o.Name, StringComparer.Ordinal).ToList();
        return new OfficerSatisfactionReport(Ref(node), new PeriodDto(range.From, range.To, until), officers, SatisfactionDefinitions.English);
    }

    private IQueryable<FollowUp> Answered(string path, DateTimeOffset from, DateTimeOffset until) =>
        db.FollowUps.AsNoTracking().Where(f => f.AreaPath.StartsWith(path) && f.Stars != null && f.AnsweredAt >= from && f.AnsweredAt < until);

    private async Task<List<UnitSatisfaction>> UnitsAsync(IQueryable<FollowUp> answered, CancellationToken cancellationToken)
    {
        var rows = await answered.GroupBy(f => new { f.DepartmentId, f.UnitNodeId })
            .Select(g => new { g.Key.DepartmentId, g.Key.UnitNodeId, Ratings = g.Count(), Satisfied = g.Count(f => f.Stars >= 4), Stars = g.Sum(f => f.Stars!.Value) })
            .ToListAsync(cancellationToken);
        var departmentIds = rows.Where(r => r.DepartmentId != null).Select(r => r.DepartmentId!.Value).ToList();
        var nodeIds = rows.Where(r => r.DepartmentId == null && r.UnitNodeId != null).Select(r => r.UnitNodeId!.Value).ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => (d.Code, d.Name, d.NameEn), cancellationToken);
        var offices = await db.Nodes.AsNoTracking().Where(n => nodeIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => (n.Code, n.Name, n.NameEn), cancellationToken);
        return [.. rows.Select(r =>
            {
                var figures = RatingFigure.Of(r.Ratings, r.Satisfied, r.Stars);
                if (r.DepartmentId is { } d && departments.TryGetValue(d, out var department))
                {
                    return new UnitSatisfaction("department", department.Code, department.Name, department.NameEn, figures);
                }

                return r.UnitNodeId is { } n && offices.TryGetValue(n, out var office)
                    ? new UnitSatisfaction("office", office.Code, office.Name + "办公室", (office.NameEn ?? office.Name) + " office", figures)
                    : null;
            })
            .OfType<UnitSatisfaction>()
            .OrderByDescending(u => u.Figures.Ratings).ThenBy(u => u.Code, StringComparer.Ordinal)];
    }

    /// <summary>The node's children down to grids, each with the ratings given in it; one grouped query per path length.</summary>
    private async Task<List<AreaSatisfaction>> AreasAsync(Node node, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var children = await db.Nodes.AsNoTracking().Where(n => n.Parent!.Code == node.Code && n.Kind <= NodeKind.Grid).OrderBy(n => n.Code)
            .Select(n => new Node(n.Code, n.Kind, n.Name, n.NameEn, n.Path)).ToListAsync(cancellationToken);
        var counts = new Dictionary<string, Counts>(StringComparer.Ordinal);
        foreach (var length in children.Select(c => c.Path.Length).Distinct())
        {
            var rows = await Answered(node.Path, from, until).GroupBy(f => f.AreaPath.Substring(0, length))
                .Select(g => new { g.Key, Counts = new Counts(g.Count(), g.Count(f => f.Stars >= 4), g.Sum(f => f.Stars!.Value)) })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                counts[row.Key] = row.Counts;
            }
        }

        return [.. children.Select(c => new AreaSatisfaction(Ref(c), Figure(counts.GetValueOrDefault(c.Path))))];
    }

    private async Task<List<SourceResponse>> SourcesAsync(string path, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var rows = await db.FollowUps.AsNoTracking().Where(f => f.AreaPath.StartsWith(path) && f.SentAt >= from && f.SentAt < until)
            .GroupBy(f => f.Source)
            .Select(g => new
            {
                Source = g.Key, Sent = g.Count(), Answered = g.Count(f => f.Stars != null),
                Satisfied = g.Count(f => f.Stars >= 4), Stars = g.Sum(f => f.Stars ?? 0),
            })
            .ToListAsync(cancellationToken);
        return [.. Enum.GetValues<FollowUpSource>().Select(s =>
        {
            var r = rows.FirstOrDefault(x => x.Source == s);
            return r is null
                ? new SourceResponse(s.ToString().ToLowerInvariant(), 0, 0, RatingFigure.Of(0, 0, 0))
                : new SourceResponse(s.ToString().ToLowerInvariant(), r.Sent, r.Answered, RatingFigure.Of(r.Answered, r.Satisfied, r.Stars));
        })];
    }

    private async Task<Node> NodeAsync(string? nodeCode, CancellationToken cancellationToken)
    {
        var code = FieldRules.Text("node", nodeCode, 40, required: true)!;
        return await db.Nodes.AsNoTracking().Where(n => n.Code == code).Select(n => new Node(n.Code, n.Kind, n.Name, n.NameEn, n.Path)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("node", $"unknown node '{code}'");
    }

    /// <summary>A named period ("this-month", "last-month", "last-90-days") or from/to as the rates take them.</summary>
    private (RatePeriod Period, DateTimeOffset Until) Period(string? period, string? from, string? to)
    {
        var now = clock.GetUtcNow();
        if (!string.IsNullOrWhiteSpace(period))
        {
            var preset = RatePeriods.PresetNamed(period);
            if (preset is null or PeriodPreset.Custom)
            {
                throw new DomainRuleException("period", "period must be this-month, last-month or last-90-days (or give from and to)");
            }

            var named = RatePeriods.Preset(preset.Value, now);
            return (named, named.EndAt(now));
        }

        var (parsed, field, error) = RatePeriods.Parse(from, to, now);
        return parsed is null ? throw new DomainRuleException(field, error) : (parsed, parsed.EndAt(now));
    }

    private static NodeRefDto Ref(Node n) => new(n.Code, n.Kind.ToWire(), n.Name, n.NameEn);

    private static RatingFigure Figure(Counts? c) => c is null ? RatingFigure.Of(0, 0, 0) : RatingFigure.Of(c.Ratings, c.Satisfied, c.Stars);

    private sealed record Counts(int Ratings, int Satisfied, int Stars);
}
