using Linli.Web.Data;
using Linli.Web.Features.AntiFraud.Orders;
using Linli.Web.Features.FollowUps;
using Linli.Web.Features.Hazards;
using Linli.Web.Features.Mediation;
using Linli.Web.Features.Partners;
using Linli.Web.Features.Rates;
using Linli.Web.Features.Surveys;
using Linli.Web.Features.Volunteers;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Dashboards;

/// <summary>
/// The dashboard's sections beside the cases, each counted as its own capability counts it. Where a capability has a
/// figure class that takes an area and a period (mediation, follow-up satisfaction, survey indices, volunteer targets)
/// it is asked, over the dashboard's database; the rest are counts under the area's path with the capability's own
/// definitions (hazards as <see cref="HazardStats"/>, orders as the anti-fraud weekly figures). Counts and sums only.
/// </summary>
public sealed class DashboardSections(TimeProvider clock, ScopeAuthorizer scope, VolunteerAccess volunteerAccess, IOptions<VolunteersOptions> volunteerOptions)
{
    public async Task<HazardsSection> HazardsAsync(LinliDb db, DashboardNode node, RatePeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (from, until) = (period.From, period.EndAt(now));
        var under = db.Hazards.AsNoTracking().Where(h => h.NodePath.StartsWith(node.Path));
        var found = await under.CountAsync(h => h.State != HazardState.Dismissed && h.FoundAt >= from && h.FoundAt < until, cancellationToken);
        var eliminated = await under.CountAsync(h => h.EliminatedAt != null && h.EliminatedAt >= from && h.EliminatedAt < until, cancellationToken);
        var open = under.Where(h => h.State != HazardState.Eliminated && h.State != HazardState.Dismissed);
        return new HazardsSection(found, eliminated, await open.CountAsync(cancellationToken), await open.CountAsync(h => h.Deadline < now, cancellationToken),
            "Found: hazards recorded or reported in the period and not dismissed. Eliminated: hazards whose elimination was confirmed in the period. " +
            "Open and overdue are as of now: not yet eliminated or dismissed, and of those, past their rectification deadline.");
    }

    public async Task<TipsSection> TipsAsync(LinliDb db, DashboardNode node, RatePeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (from, until) = (period.From, period.EndAt(now));
        var received = await db.SafetyTips.AsNoTracking().CountAsync(t => t.PlacePath.StartsWith(node.Path) && t.SubmittedAt >= from && t.SubmittedAt < until, cancellationToken);
        return new TipsSection(received,
            "Safety tips submitted in the period about a place in the area (a count only: no kind, place or text). Tips past their retention are deleted and no longer counted here; the public monthly tip counts keep their tallies by district.");
    }

    public async Task<DisputesSection> DisputesAsync(LinliDb db, DashboardNode node, RatePeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (from, until) = (period.From, period.EndAt(now));
        var opened = await db.Mediations.AsNoTracking()
            .CountAsync(m => m.NodePath.StartsWith(node.Path) && m.Type == MediationType.Dispute && m.OpenedAt >= from && m.OpenedAt < until, cancellationToken);
        var solved = await new MediationStats(db, clock).ReportAsync(node.Code, DashboardPeriods.Iso(from), DashboardPeriods.Iso(until), cancellationToken);
        return new DisputesSection(opened, solved.Total.DisputesSolved, solved.Total.PotentialConflictsReconciled,
            "Opened: disputes whose mediation was recorded in the period. " + MediationStats.Definition);
    }

    public async Task<AntiFraudSection> AntiFraudAsync(LinliDb db, DashboardNode node, RatePeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (from, until) = (period.From, period.EndAt(now));
        var orders = await db.DissuasionOrders.AsNoTracking().Where(o => o.CommunityPath.StartsWith(node.Path) && o.RaisedAt >= from && o.RaisedAt < until)
            .GroupBy(_ => 1)
            .Select(g => new { Orders = g.Count(), Dissuaded = g.Count(o => o.Outcome == VisitOutcome.Dissuaded), Money = g.Sum(o => o.MoneyProtected ?? 0) })
            .FirstOrDefaultAsync(cancellationToken);
        var (firstDay, lastDay) = (ChinaCalendar.DayOf(from), ChinaCalendar.DayOf(until.AddTicks(-1)));
        var events = await db.AwarenessEvents.AsNoTracking().Where(e => e.CommunityPath.StartsWith(node.Path) && e.Date >= firstDay && e.Date <= lastDay)
            .Select(e => e.Attendance).ToListAsync(cancellationToken);
        return new AntiFraudSection(orders?.Orders ?? 0, orders?.Dissuaded ?? 0, orders?.Money ?? 0, events.Count, events.Sum(),
            "Dissuasion orders raised in the period for communities in the area; dissuaded: those whose visit ended with the person dissuaded; money protected: the sum the visits recorded, in yuan. " +
            "Awareness events held in the period and their attendance. Sums only: no person, phone or address.");
    }

    public async Task<VolunteersSection> VolunteersAsync(LinliDb db, DashboardNode node, RatePeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (from, until) = (period.From, period.EndAt(now));
        var communities = await new Targets(db, volunteerAccess, clock, volunteerOptions).FiguresAsync(node.Code, cancellationToken);
        var minutes = await db.ShiftSignups.AsNoTracking()
            .Where(s => s.Decision == HoursDecision.Approved && s.DecidedAt >= from && s.DecidedAt < until && s.Minutes != null
                && db.VolunteerActivities.Any(a => a.Id == s.ActivityId && db.VolunteerAssociations.Any(v => v.Id == a.AssociationId && v.CommunityPath.StartsWith(node.Path))))
            .SumAsync(s => s.Minutes ?? 0, cancellationToken);
        return new VolunteersSection(
            communities.Count, communities.Count(c => c.Associations < c.Target), communities.Sum(c => c.Associations), communities.Sum(c => c.Volunteers),
            Math.Round(minutes / 60.0, 1),
            "Communities in the area, and those with fewer active volunteer associations than their target; active associations; registered volunteers " +
            "(members of the community's associations, counted once per community); hours approved in the period for activities of the area's associations.");
    }

    public async Task<PartnersSection> PartnersAsync(LinliDb db, DashboardNode node, RatePeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (from, until) = (period.From, period.EndAt(now));
        var path = node.Path;

        // A partner serves the area when one of its areas is the area, lies in it, or contains it.
        var partners = db.Partners.AsNoTracking().Where(p => p.Status == PartnerStatus.Active
            && db.PartnerAreas.Any(a => a.PartnerId == p.Id && (a.Node!.Path.StartsWith(path) || path.StartsWith(a.Node!.Path))));
        var offers = db.PartnerOffers.AsNoTracking().Where(o => !o.Withdrawn && partners.Any(p => p.Id == o.PartnerId));
        return new PartnersSection(
            await partners.CountAsync(cancellationToken),
            await offers.CountAsync(o => o.CreatedAt >= from && o.CreatedAt < until, cancellationToken),
            await offers.CountAsync(o => o.StartsAt >= from && o.StartsAt < until, cancellationToken),
            await db.OfferSignups.AsNoTracking().CountAsync(s => s.SignedUpAt >= from && s.SignedUpAt < until && offers.Any(o => o.Id == s.OfferId), cancellationToken),
            "Active partners serving the area (an area of theirs is in it or contains it); their offers published in the period; their events held in the period; residents' sign-ups to their offers in the period.");
    }

    public async Task<SurveysSection> SurveysAsync(LinliDb db, DashboardNode node, RatePeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (from, until) = (period.From, period.EndAt(now));
        var satisfaction = await new SatisfactionQueries(db, scope, clock).ReportAsync(node.Code, null, DashboardPeriods.Iso(from), DashboardPeriods.Iso(until), cancellationToken);
        var (firstDay, lastDay) = (ChinaCalendar.DayOf(from), ChinaCalendar.DayOf(until.AddTicks(-1)));
        var responses = await db.SurveyResponses.AsNoTracking().CountAsync(r => r.AreaPath.StartsWith(node.Path) && r.Day >= firstDay && r.Day <= lastDay, cancellationToken);
        var quarter = DashboardPeriods.QuarterOf(period, now);
        var indices = await new SurveyIndices(db, clock).ForAsync(node.Code, quarter, cancellationToken);
        var own = indices.Areas.FirstOrDefault(a => a.Code == node.Code);
        return new SurveysSection(
            satisfaction.Total, satisfaction.Sources.Sum(s => s.Sent), satisfaction.Sources.Sum(s => s.Answered), responses, indices.Quarter,
            own?.SenseOfSecurity, own?.Satisfaction,
            "Follow-up satisfaction: " + satisfaction.Definitions.Satisfaction + " Follow-ups sent and answered in the period (all sources). " +
            "Survey responses: answers to surveys given in the period by residents of the area. Indices for the quarter holding the period's last day: " + SurveyIndices.Method);
    }
}
