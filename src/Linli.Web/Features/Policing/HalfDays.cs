using System.Text.Json;
using Linli.Web.Data;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Problems;
using Linli.Web.Infrastructure.Time;
using Linli.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Policing;

/// <summary>An officer logs a half-day in one of their communities and what they did in it.</summary>
public sealed class HalfDays(LinliDb db, PolicingAccess access, IOptions<PolicingOptions> options, TimeProvider clock)
{
    private const int MaxPatrolMinutes = 360;

    /// <summary>The half-day that is "now" in China time: today, morning before noon.</summary>
    public (DateOnly Date, HalfDayPeriod Period) Now()
    {
        var china = clock.GetUtcNow().ToOffset(ChinaCalendar.Offset);
        return (DateOnly.FromDateTime(china.DateTime), china.Hour < 12 ? HalfDayPeriod.Morning : HalfDayPeriod.Afternoon);
    }

    public async Task<int> StartAsync(HalfDayRequest r, CancellationToken cancellationToken)
    {
        var officer = access.RequireUser();
        var community = await access.CommunityToLogInAsync("communityCode", r.CommunityCode, cancellationToken);
        var (today, currentPeriod) = Now();
        var date = r.Date ?? today;
        if (date > today)
        {
            throw new DomainRuleException("date", "a half-day is logged once it has begun, not ahead");
        }

        if (date < today.AddDays(-options.Value.LogWindowDays))
        {
            throw new DomainRuleException("date", $"a half-day can be logged up to {options.Value.LogWindowDays} days later");
        }

        var period = string.IsNullOrWhiteSpace(r.Period) ? currentPeriod : Parse<HalfDayPeriod>("period", r.Period);
        if (date == today && period == HalfDayPeriod.Afternoon && currentPeriod == HalfDayPeriod.Morning)
        {
            throw new DomainRuleException("period", "this afternoon has not begun yet");
        }

        if (await db.PolicingHalfDays.AnyAsync(h => h.OfficerUserId == officer && h.Date == date && h.Period == period, cancellationToken))
        {
            throw new DomainRuleException("period", "you have already logged this half-day", StatusCodes.Status409Conflict);
        }

        var halfDay = new PolicingHalfDay
        {
            OfficerUserId = officer, CommunityNodeId = community.Id, CommunityPath = community.Path, Date = date, Period = period, LoggedAt = clock.GetUtcNow(),
        };
        db.PolicingHalfDays.Add(halfDay);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two taps at once: the unique index (officer, date, period) lets one in.
            throw new DomainRuleException("period", "you have already logged this half-day", StatusCodes.Status409Conflict);
        }

        return halfDay.Id;
    }

    public async Task<int> AddPatrolAsync(int halfDayId, PatrolRequest r, CancellationToken cancellationToken)
    {
        var halfDay = await access.OwnHalfDayAsync(halfDayId, cancellationToken);
        var route = RouteLines.Read("route", r.Route) ?? throw new DomainRuleException("route", "draw the patrol's route: a GeoJSON LineString");
        if (r.Minutes is not (>= 1 and <= MaxPatrolMinutes))
        {
            throw new DomainRuleException("minutes", $"minutes is the patrol's duration, 1 to {MaxPatrolMinutes}");
        }

        var patrol = new PolicingPatrol
        {
            HalfDayId = halfDay.Id, RouteGeoJson = route, Minutes = r.Minutes.Value, Note = FieldRules.Text("note", r.Note, 500, required: false), CreatedAt = clock.GetUtcNow(),
        };
        db.PolicingPatrols.Add(patrol);
        await db.SaveChangesAsync(cancellationToken);
        return patrol.Id;
    }

    public async Task<int> AddVisitAsync(int halfDayId, VisitRequest r, CancellationToken cancellationToken)
    {
        var halfDay = await access.OwnHalfDayAsync(halfDayId, cancellationToken);
        var kind = Parse<VisitKind>("kind", r.Kind);
        var visit = new PolicingVisit
        {
            HalfDayId = halfDay.Id, Kind = kind, CreatedAt = clock.GetUtcNow(),
            Topic = FieldRules.Text("topic", r.Topic, 100, required: true)!,
            Advice = FieldRules.Text("advice", r.Advice, 1000, required: false),
            Concern = FieldRules.Text("concern", r.Concern, 1000, required: false),
        };
        if (kind == VisitKind.Household)
        {
            if (r.PartnerId is not null || !string.IsNullOrWhiteSpace(r.OrganisationName))
            {
                throw new DomainRuleException("organisationName", "a household visit names its unit, not an organisation");
            }

            visit.UnitNodeId = await NodeInAsync("unitCode", r.UnitCode, NodeKind.Unit, halfDay.CommunityPath, required: true, cancellationToken);
        }
        else
        {
            if (!string.IsNullOrWhiteSpace(r.UnitCode))
            {
                throw new DomainRuleException("unitCode", "an organisation visit names the organisation, not a household");
            }

            visit.OrganisationName = FieldRules.Text("organisationName", r.OrganisationName, 100, required: false);
            if (r.PartnerId is { } partnerId)
            {
                visit.PartnerId = await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken)
                    ? partnerId
                    : throw new DomainRuleException("partnerId", $"no community partner #{partnerId}");
            }
            else if (visit.OrganisationName is null)
            {
                throw new DomainRuleException("organisationName", "name the organisation visited, or pick a community partner");
            }

            visit.BuildingNodeId = await NodeInAsync("buildingCode", r.BuildingCode, NodeKind.Building, halfDay.CommunityPath, required: false, cancellationToken);
        }

        db.PolicingVisits.Add(visit);
        await db.SaveChangesAsync(cancellationToken);
        return visit.Id;
    }

    public async Task<int> AddCheckAsync(int halfDayId, FacilityCheckRequest r, CancellationToken cancellationToken)
    {
        var halfDay = await access.OwnHalfDayAsync(halfDayId, cancellationToken);
        var check = new FacilityCheck
        {
            HalfDayId = halfDay.Id,
            Facility = Parse<FacilityKind>("facility", r.Facility),
            Status = Parse<FacilityStatus>("status", r.Status),
            Note = FieldRules.Text("note", r.Note, 500, required: false),
            CreatedAt = clock.GetUtcNow(),
        };
        check.BuildingNodeId = await NodeInAsync("buildingCode", r.BuildingCode, NodeKind.Building, halfDay.CommunityPath, required: false, cancellationToken);
        db.FacilityChecks.Add(check);
        await db.SaveChangesAsync(cancellationToken);
        return check.Id;
    }

    /// <summary>One half-day with everything logged in it, for its officer or a coverage holder over its community (403 otherwise).</summary>
    public async Task<HalfDayDetail?> DetailAsync(int id, CancellationToken cancellationToken)
    {
        var h = await db.PolicingHalfDays.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.OfficerUserId, x.CommunityPath, x.Date, x.Period,
                Community = db.Nodes.Where(n => n.Id == x.CommunityNodeId).Select(n => new { n.Code, n.Name, n.NameEn }).First(),
                Officer = db.Users.Where(u => u.Id == x.OfficerUserId).Select(u => u.DisplayName).First(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (h is null)
        {
            return null;
        }

        if (!await access.MayReadAsync(h.OfficerUserId, h.CommunityPath, cancellationToken))
        {
            throw new DomainRuleException("id", "This half-day is outside your area.", StatusCodes.Status403Forbidden);
        }

        var patrols = await db.PolicingPatrols.AsNoTracking().Where(p => p.HalfDayId == id).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var visits = await db.PolicingVisits.AsNoTracking().Where(v => v.HalfDayId == id).OrderBy(v => v.Id)
            .Select(v => new VisitDto(v.Id, v.Kind.ToString(),
                db.Nodes.Where(n => n.Id == v.UnitNodeId).Select(n => n.Code).FirstOrDefault(), v.PartnerId,
                v.OrganisationName ?? db.Partners.Where(p => p.Id == v.PartnerId).Select(p => p.Name).FirstOrDefault(),
                db.Nodes.Where(n => n.Id == v.BuildingNodeId).Select(n => n.Code).FirstOrDefault(),
                v.Topic, v.Advice, v.Concern, v.CaseId, v.CreatedAt))
            .ToListAsync(cancellationToken);
        var checks = await db.FacilityChecks.AsNoTracking().Where(c => c.HalfDayId == id).OrderBy(c => c.Id)
            .Select(c => new FacilityCheckDto(c.Id, c.Facility.ToString(), c.Status.ToString(), db.Nodes.Where(n => n.Id == c.BuildingNodeId).Select(n => n.Code).FirstOrDefault(), c.Note))
            .ToListAsync(cancellationToken);
        return new HalfDayDetail(h.Id, h.Community.Code, h.Community.Name, h.Community.NameEn, h.Date, h.Period.ToString(), h.Officer, h.OfficerUserId == access.CurrentUserId,
            [.. patrols.Select(p => new PatrolDto(p.Id, JsonDocument.Parse(p.RouteGeoJson).RootElement.Clone(), p.Minutes, p.Note))], visits, checks);
    }

    /// <summary>The caller's half-days in the week (Monday–Sunday, China time) holding <paramref name="day"/>, or this week.</summary>
    public async Task<IReadOnlyList<HalfDayListItem>> MineAsync(DateOnly? day, CancellationToken cancellationToken)
    {
        await access.RequireAnyLogRoleAsync(cancellationToken);
        var officer = access.RequireUser();
        var start = ChinaCalendar.WeekStart(day ?? Now().Date);
        var end = start.AddDays(7);
        return await db.PolicingHalfDays.AsNoTracking().Where(h => h.OfficerUserId == officer && h.Date >= start && h.Date < end)
            .OrderBy(h => h.Date).ThenBy(h => h.Period)
            .Select(h => new HalfDayListItem(h.Id,
                db.Nodes.Where(n => n.Id == h.CommunityNodeId).Select(n => n.Code).First(),
                db.Nodes.Where(n => n.Id == h.CommunityNodeId).Select(n => n.Name).First(),
                db.Nodes.Where(n => n.Id == h.CommunityNodeId).Select(n => n.NameEn).First(),
                h.Date, h.Period.ToString(), h.Patrols.Count, h.Visits.Count, h.Checks.Count))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The caller's visits this week, newest first, for the workbench.</summary>
    public async Task<IReadOnlyList<MyVisit>> MyVisitsThisWeekAsync(CancellationToken cancellationToken)
    {
        var officer = access.RequireUser();
        var start = ChinaCalendar.WeekStart(Now().Date);
        var end = start.AddDays(7);
        return await db.PolicingVisits.AsNoTracking().Where(v => v.HalfDay!.OfficerUserId == officer && v.HalfDay.Date >= start && v.HalfDay.Date < end)
            .OrderByDescending(v => v.HalfDay!.Date).ThenByDescending(v => v.Id).Take(50)
            .Select(v => new MyVisit(v.Id, v.HalfDayId, v.HalfDay!.Date, v.Kind.ToString(),
                db.Nodes.Where(n => n.Id == v.UnitNodeId).Select(n => n.Code).FirstOrDefault() ?? v.OrganisationName ?? db.Partners.Where(p => p.Id == v.PartnerId).Select(p => p.Name).FirstOrDefault() ?? "",
                v.Topic, v.Concern != null, v.CaseId))
            .ToListAsync(cancellationToken);
    }

    public static T Parse<T>(string field, string? value)
        where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(value) && EnumNames.TryParse<T>(value.Trim(), out var parsed)
            ? parsed
            : throw new DomainRuleException(field, $"{field} must be one of {string.Join(", ", Enum.GetNames<T>())}");

    /// <summary>The id of the node of <paramref name="kind"/> with the code, inside the community; refused otherwise.</summary>
    private async Task<int?> NodeInAsync(string field, string? code, NodeKind kind, string communityPath, bool required, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return required ? throw new DomainRuleException(field, $"{field} is required") : null;
        }

        var trimmed = code.Trim();
        var node = await db.Nodes.AsNoTracking().Where(n => n.Code == trimmed && n.Kind == kind).Select(n => new { n.Id, n.Path }).FirstOrDefaultAsync(cancellationToken);
        return node is not null && node.Path.StartsWith(communityPath, StringComparison.Ordinal)
            ? node.Id
            : throw new DomainRuleException(field, $"'{trimmed}' is not a {kind.ToString().ToLowerInvariant()} of this half-day's community");
    }
}
