using System.Globalization;
using Linli.Web.Data;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Notifications;
using Linli.Web.Features.Open311.Services;
using Linli.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Open311.Requests;

/// <summary>Reads cases as Open311 service requests: one projection for the list and for one request, personal data never selected.</summary>
public sealed class ServiceRequestReader(LinliDb db, W3cDates dates)
{
    private static readonly CaseState[] Finished = [CaseState.Closed, CaseState.Cancelled, CaseState.Duplicate];

    public async Task<List<ServiceRequest>> ListAsync(ServiceRequestFilter filter, CancellationToken cancellationToken)
    {
        var cases = db.Cases.AsNoTracking();
        if (filter.Ids.Count > 0)
        {
            var ids = filter.Ids.Distinct().ToList();
            cases = cases.Where(c => ids.Contains(c.Id));
        }
        else
        {
            cases = cases.Where(c => c.ReportedAt >= filter.From);
            if (filter.To is { } to)
            {
                cases = cases.Where(c => c.ReportedAt <= to);
            }

            if (filter.ServiceCodes.Count > 0)
            {
                var codes = filter.ServiceCodes;
                cases = cases.Where(c => codes.Contains(c.Category!.Code));
            }

            cases = filter.Open switch
            {
                true => cases.Where(c => !Finished.Contains(c.State)),
                false => cases.Where(c => Finished.Contains(c.State)),
                null => cases,
            };
        }

        var rows = await Project(cases.OrderByDescending(c => c.ReportedAt).ThenByDescending(c => c.Id).Take(ServiceRequestFilter.MaxRequests))
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToServiceRequest)];
    }

    public async Task<ServiceRequest?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var row = await Project(db.Cases.AsNoTracking().Where(c => c.Id == id)).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ToServiceRequest(row);
    }

    private sealed record Row(
        long Id, CaseState State, string Description, string? Address, string? BuildingCode, double Latitude, double Longitude,
        DateTimeOffset ReportedAt, DateTimeOffset ResolveBy, string Code, string Name, string? NameEn, bool Sensitive,
        int RespondWithinMinutes, int ResolveWithinMinutes, string? DepartmentName, string? DepartmentNameEn, StaffRole? AssignedRole,
        DateTimeOffset? LastPublicUpdate, string? LastPublicNote);

    /// <summary>Selects only what the public may see; the reporter's columns are never read.</summary>
    private static IQueryable<Row> Project(IQueryable<Case> cases) => cases.Select(c => new Row(
        c.Id, c.State, c.Description, c.Address, c.BuildingCode, c.Latitude, c.Longitude, c.ReportedAt, c.ResolveBy,
        c.Category!.Code, c.Category.Name, c.Category.NameEn, c.Category.IsSensitive, c.Category.RespondWithinMinutes, c.Category.ResolveWithinMinutes,
        c.AssignedDepartment == null ? null : c.AssignedDepartment.Name, c.AssignedDepartment == null ? null : c.AssignedDepartment.NameEn, c.AssignedRole,
        c.Events.Where(e => e.IsPublic).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => (DateTimeOffset?)e.At).FirstOrDefault(),
        c.Events.Where(e => e.IsPublic && e.Note != null).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => e.Note).FirstOrDefault()));

    private ServiceRequest ToServiceRequest(Row r)
    {
        var open = !Finished.Contains(r.State);
        var stateName = $"{StateNames.Zh(r.State)} / {StateNames.En(r.State)}";
        var placed = !r.Sensitive;
        return new ServiceRequest(
            r.Id.ToString(CultureInfo.InvariantCulture),
            open ? "open" : "closed",
            placed && r.LastPublicNote is not null ? $"{stateName}: {r.LastPublicNote}" : stateName,
            ServiceCatalogue.LocalName(r.Name, r.NameEn),
            r.Code,
            placed ? r.Description : null,
            ServiceNotices.Agency(r.DepartmentName, r.DepartmentNameEn, r.AssignedRole),
            ServiceNotices.For(r.RespondWithinMinutes, r.ResolveWithinMinutes),
            dates.Format(r.ReportedAt),
            dates.Format(r.LastPublicUpdate ?? r.ReportedAt),
            open ? dates.Format(r.ResolveBy) : null,
            placed ? r.Address : null,
            placed ? r.BuildingCode : null,
            Zipcode: null,
            placed ? r.Latitude : null,
            placed ? r.Longitude : null,
            MediaUrl: null);
    }
}
