using System.Security.Claims;
using Linli.Web.Data;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.People;

/// <summary>A resident links their household with recorded consent, withdraws it, and sees who read their data.</summary>
public static class Households
{
    public static async Task<Results<Ok<HouseholdDto>, ValidationProblem, ProblemHttpResult>> LinkAsync(
        LinkHouseholdRequest request, ClaimsPrincipal principal, LinliDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = UserId(principal);
        if (request.ConsentVersion != Consents.HouseholdLinkText.Version)
        {
            return Problems.Invalid("consentVersion", $"agree to the current consent text, version {Consents.HouseholdLinkText.Version}");
        }

        var unit = await db.Nodes.AsNoTracking().Where(n => n.Code == request.UnitCode).Select(n => new { n.Id, n.Code, n.Name, n.Kind }).FirstOrDefaultAsync(cancellationToken);
        if (unit is null || unit.Kind != NodeKind.Unit)
        {
            return Problems.Invalid("unitCode", $"'{request.UnitCode}' is not the code of a unit (单元)");
        }

        var now = clock.GetUtcNow();
        await RemoveLinkAsync(userId, now, db, cancellationToken);
        var consent = new ConsentRecord { UserId = userId, Purpose = Consents.HouseholdLink, TextVersion = Consents.HouseholdLinkText.Version, GivenAt = now };
        db.Consents.Add(consent);
        await db.SaveChangesAsync(cancellationToken);
        db.HouseholdLinks.Add(new HouseholdLink { UserId = userId, UnitNodeId = unit.Id, ConsentId = consent.Id, LinkedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new HouseholdDto(unit.Code, unit.Name, consent.TextVersion, now));
    }

    public static async Task<NoContent> WithdrawAsync(ClaimsPrincipal principal, LinliDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await RemoveLinkAsync(UserId(principal), clock.GetUtcNow(), db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<ConsentRecordDto>>> ConsentHistoryAsync(ClaimsPrincipal principal, LinliDb db, CancellationToken cancellationToken)
    {
        var userId = UserId(principal);
        var records = await db.Consents.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.Id)
            .Select(c => new ConsentRecordDto(c.Purpose, c.TextVersion, c.GivenAt, c.WithdrawnAt)).ToListAsync(cancellationToken);
        return TypedResults.Ok(records);
    }

    /// <summary>Every staff read or change of this resident's data: who, in which role, what, when and why.</summary>
    public static async Task<Ok<List<AccessLogEntry>>> AccessLogAsync(ClaimsPrincipal principal, LinliDb db, CancellationToken cancellationToken)
    {
        var userId = UserId(principal);
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.SubjectUserId == userId && e.ActorUserId != userId)
            .OrderByDescending(e => e.Id).Take(500)
            .Select(e => new { e.At, e.ActorName, e.ActorRole, e.Action, e.RecordType, e.Purpose }).ToListAsync(cancellationToken);
        return TypedResults.Ok(entries.Select(e => new AccessLogEntry(e.At, e.ActorName, e.ActorRole, e.Action.ToString(), e.RecordType, e.Purpose)).ToList());
    }

    private static async Task RemoveLinkAsync(Guid userId, DateTimeOffset now, LinliDb db, CancellationToken cancellationToken)
    {
        var link = await db.HouseholdLinks.FirstOrDefaultAsync(h => h.UserId == userId, cancellationToken);
        if (link is null)
        {
            return;
        }

        var consent = await db.Consents.FirstAsync(c => c.Id == link.ConsentId, cancellationToken);
        consent.WithdrawnAt = now;
        db.HouseholdLinks.Remove(link);
    }

    public static Guid UserId(ClaimsPrincipal principal) => Guid.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
