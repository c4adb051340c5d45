using Linli.Web.Data;
using Linli.Web.Features.Rates;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Mediation;

/// <summary>
/// Public counts of disputes solved and potential conflicts reconciled in an area and period, with the areas below it
/// (down to communities: a smaller area would point at a few households).
/// </summary>
public sealed class MediationStats(LinliDb db, TimeProvider clock)
{
    public const string Definition =
        "Disputes solved: disputes whose mediation ended reconciled in the period (by the date of the outcome). Potential conflicts reconciled: conflicts defused before they became disputes, recorded in the period. Referred and failed mediations are not counted.";

    public async Task<MediationStatsReport> ReportAsync(string? nodeCode, string? from, string? to, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (period, field, error) = RatePeriods.Parse(from, to, now);
        if (period is null)
        {
            throw new DomainRuleException(field, error);
        }

        var code = FieldRules.Text("node", nodeCode, 40, required: true)!;
        var node = await db.Nodes.AsNoTracking().Where(n => n.Code == code).Select(n => new { n.Id, n.Code, n.Name, n.NameEn, n.Path, n.Kind }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("node", $"unknown node '{code}'");
        if (node.Kind > NodeKind.Community)
        {
            throw new DomainRuleException("node", "counts are kept down to community level: choose the community or an area above it");
        }

        var until = period.EndAt(now);
        var solved = await db.Mediations.AsNoTracking()
            .Where(m => m.NodePath.StartsWith(node.Path) && m.Outcome == MediationOutcome.Reconciled && m.OutcomeAt >= period.From && m.OutcomeAt < until)
            .Select(m => new { m.NodePath, m.Type }).ToListAsync(cancellationToken);
        var children = node.Kind == NodeKind.Community
            ? []
            : await db.Nodes.AsNoTracking().Where(n => n.ParentId == node.Id && n.Kind <= NodeKind.Community).OrderBy(n => n.Code)
                .Select(n => new { n.Code, n.Name, n.NameEn, n.Path }).ToListAsync(cancellationToken);

        MediationCounts Count(string path)
        {
            var inside = solved.Where(s => s.NodePath.StartsWith(path, StringComparison.Ordinal)).ToList();
            return new MediationCounts(inside.Count(s => s.Type == MediationType.Dispute), inside.Count(s => s.Type == MediationType.PotentialConflict));
        }

        return new MediationStatsReport(
            node.Code, node.Name, node.NameEn, period.From, period.To, Count(node.Path),
            [.. children.Select(c => Count(c.Path) is var n ? new AreaMediationCounts(c.Code, c.Name, c.NameEn, n.DisputesSolved, n.PotentialConflictsReconciled) : null!)],
            Definition);
    }
}
