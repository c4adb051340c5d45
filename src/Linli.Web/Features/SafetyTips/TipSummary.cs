using Linli.Web.Data;
using Linli.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.SafetyTips;

/// <summary>
/// The tips' line on the officer workbench (<c>/police</c>): under the given node paths, how many open tips are new
/// (nobody at the station has acted yet) and how many await the station's reply (the tipster answered a question and
/// the station has not acted since). Counts only; the caller decides the paths from the officer's roles.
/// </summary>
public sealed class TipSummary(LinliDb db)
{
    public async Task<TipCounts> ForOfficerAsync(IReadOnlyList<string> nodePaths, CancellationToken cancellationToken)
    {
        int fresh = 0, awaiting = 0;
        foreach (var path in ScopePaths.Outermost(nodePaths))
        {
            var open = db.SafetyTips.AsNoTracking().Where(t => t.PlacePath.StartsWith(path) && (t.Outcome == null || t.Outcome != TipOutcome.Closed));
            fresh += await open.CountAsync(t => t.TriagedAt == null, cancellationToken);
            awaiting += await open.CountAsync(t => t.AwaitingStation, cancellationToken);
        }

        return new TipCounts(fresh, awaiting);
    }
}
