using Linli.Web.Data;
using Linli.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Hazards;

/// <summary>For the officer workbench (/police): hazards still open under the officer's places and how many are past their deadline.</summary>
public sealed class HazardSummary(LinliDb db, TimeProvider clock)
{
    public async Task<HazardOfficerCounts> ForOfficerAsync(IReadOnlyList<string> nodePaths, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        int open = 0, overdue = 0;
        foreach (var path in ScopePaths.Outermost(nodePaths))
        {
            var under = db.Hazards.AsNoTracking().Where(h => h.NodePath.StartsWith(path) && h.State != HazardState.Eliminated && h.State != HazardState.Dismissed);
            open += await under.CountAsync(cancellationToken);
            overdue += await under.CountAsync(h => h.Deadline < now, cancellationToken);
        }

        return new HazardOfficerCounts(open, overdue);
    }
}
