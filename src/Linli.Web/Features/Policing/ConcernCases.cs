using System.Globalization;
using Linli.Web.Data;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Policing;

/// <summary>
/// A concern raised on a visit, turned into a case with one tap: filed through <see cref="CaseIntake"/> (source Staff) at
/// the visit's building, and linked from the visit. Intake's request key makes a second tap answer the same case.
/// </summary>
public sealed class ConcernCases(LinliDb db, PolicingAccess access, CaseIntake intake)
{
    public async Task<long> FileAsync(int visitId, ConcernCaseRequest r, CancellationToken cancellationToken)
    {
        var visit = await db.PolicingVisits.FirstOrDefaultAsync(v => v.Id == visitId, cancellationToken)
            ?? throw new DomainRuleException("id", $"no visit #{visitId}", StatusCodes.Status404NotFound);
        var halfDay = await access.OwnHalfDayAsync(visit.HalfDayId, cancellationToken);
        if (visit.Concern is null)
        {
            throw new DomainRuleException("concern", "this visit recorded no concern to file", StatusCodes.Status409Conflict);
        }

        if (visit.CaseId is { } filed)
        {
            return filed;
        }

        var building = await BuildingCodeAsync(visit, r.BuildingCode, halfDay.CommunityPath, cancellationToken);
        var result = await intake.SubmitAsync(new CaseSubmission
        {
            Category = r.Category,
            Description = string.IsNullOrWhiteSpace(r.Description) ? visit.Concern : r.Description,
            BuildingCode = building,
            Source = CaseSource.Staff,
            // Unguessable enough that nobody can take the key first, stable so a second tap finds the first case.
            ClientRequestKey = $"policing-visit-{visitId.ToString(CultureInfo.InvariantCulture)}-{visit.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}",
        }, cancellationToken);

        // Intake committed on its own; the link follows (a failure here leaves the case, which a retry finds by its key).
        visit.CaseId = result.Case.Id;
        await db.SaveChangesAsync(cancellationToken);
        return result.Case.Id;
    }

    /// <summary>Where the case goes: the building asked for, else the household's building, else the organisation's building.</summary>
    private async Task<string> BuildingCodeAsync(PolicingVisit visit, string? asked, string communityPath, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(asked))
        {
            var code = asked.Trim();
            var inCommunity = await db.Nodes.AsNoTracking().AnyAsync(n => n.Code == code && n.Kind == NodeKind.Building && n.Path.StartsWith(communityPath), cancellationToken);
            return inCommunity ? code : throw new DomainRuleException("buildingCode", $"'{code}' is not a building of this community");
        }

        var nodeId = visit.BuildingNodeId;
        if (visit.UnitNodeId is { } unitId)
        {
            nodeId = await db.Nodes.AsNoTracking().Where(n => n.Id == unitId).Select(n => n.ParentId).FirstOrDefaultAsync(cancellationToken);
        }

        return await db.Nodes.AsNoTracking().Where(n => n.Id == nodeId).Select(n => n.Code).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("buildingCode", "name the building where the concern is, so the case has a place");
    }
}
