using Linli.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Volunteers;

/// <summary>The check case intake makes for a report filed with source "volunteer".</summary>
public static class VolunteerReports
{
    public static async Task<bool> MayReportForAsync(LinliDb db, Guid? userId, int? associationId, CancellationToken cancellationToken) =>
        userId is not null && associationId is not null &&
        await db.VolunteerMemberships.AnyAsync(m => m.UserId == userId && m.AssociationId == associationId &&
            db.VolunteerAssociations.Any(a => a.Id == m.AssociationId && a.Status == AssociationStatus.Active), cancellationToken);
}
