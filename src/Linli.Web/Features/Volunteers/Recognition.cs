using Linli.Web.Data;
using Linli.Web.Infrastructure.Problems;
using Linli.Web.Infrastructure.Time;
using Linli.Web.Infrastructure.Votes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Volunteers;

/// <summary>
/// Badges at approved-hour thresholds, the yearly ranking of a community, and its public nomination and vote: one
/// verified resident (a household linked in the community), one vote, secret (only the count is stored).
/// </summary>
public sealed class Recognition(LinliDb db, VolunteerAccess access, TimeProvider clock, IOptions<VolunteersOptions> options)
{
    private const int RankingSize = 20;

    public async Task<double> ApprovedHoursAsync(Guid userId, CancellationToken cancellationToken) =>
        (await db.ShiftSignups.Where(s => s.UserId == userId && s.Decision == HoursDecision.Approved).SumAsync(s => s.Minutes ?? 0, cancellationToken)) / 60.0;

    public List<Badge> Badges(double approvedHours) => [.. options.Value.BadgeHours.Order().Select(h => new Badge(h, approvedHours >= h))];

    /// <summary>
    /// Approved hours in the year on the community's shifts, for volunteers who are members there now (leaving takes a
    /// name off the ranking). <c>NomineeKey</c> is one of their memberships, the handle a nomination names.
    /// </summary>
    public async Task<List<RankingEntry>> RankingAsync(string? communityCode, int? year, CancellationToken cancellationToken)
    {
        var community = await VolunteerPlaces.CommunityAsync(db, communityCode, "community", cancellationToken);
        var y = CheckYear(year);
        var (from, to) = (ChinaCalendar.StartOfYear(y).ToUniversalTime(), ChinaCalendar.StartOfYear(y + 1).ToUniversalTime());
        var associationIds = db.VolunteerAssociations.Where(a => a.CommunityNodeId == community.Id).Select(a => a.Id);
        var totals = await db.ShiftSignups.AsNoTracking()
            .Where(s => s.Decision == HoursDecision.Approved)
            .Join(db.VolunteerActivities.Where(a => associationIds.Contains(a.AssociationId) && a.StartsAt >= from && a.StartsAt < to), s => s.ActivityId, a => a.Id, (s, a) => s)
            .Where(s => db.VolunteerMemberships.Any(m => m.UserId == s.UserId && associationIds.Contains(m.AssociationId)))
            .GroupBy(s => s.UserId)
            .Select(g => new { UserId = g.Key, Minutes = g.Sum(s => s.Minutes ?? 0) })
            .OrderByDescending(t => t.Minutes).Take(RankingSize).ToListAsync(cancellationToken);
        var ids = totals.Select(t => t.UserId).ToList();
        var people = await db.VolunteerMemberships.AsNoTracking().Where(m => ids.Contains(m.UserId) && associationIds.Contains(m.AssociationId))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.UserId, m.Id, u.DisplayName }).ToListAsync(cancellationToken);
        return [.. totals.Select((t, i) =>
        {
            var person = people.Where(p => p.UserId == t.UserId).MinBy(p => p.Id)!;
            return new RankingEntry(i + 1, person.Id, person.DisplayName, Math.Round(t.Minutes / 60.0, 1));
        })];
    }

    public async Task<int> NominateAsync(NominationRequest r, CancellationToken cancellationToken)
    {
        var userId = access.RequireUser();
        var community = await VolunteerPlaces.CommunityAsync(db, r.CommunityCode, "communityCode", cancellationToken);
        var reason = VolunteerRules.Text("reason", r.Reason, 500, required: true)!;
        var nominee = await db.VolunteerMemberships.AsNoTracking()
            .Where(m => m.Id == r.NomineeKey && db.VolunteerAssociations.Any(a => a.Id == m.AssociationId && a.CommunityNodeId == community.Id))
            .Select(m => (Guid?)m.UserId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("nomineeKey", "name a volunteer of this community by the key shown in its ranking");
        var year = ChinaCalendar.YearOf(clock.GetUtcNow());
        if (await db.VolunteerNominations.AnyAsync(n => n.CommunityNodeId == community.Id && n.Year == year && n.NomineeUserId == nominee, cancellationToken))
        {
            throw new DomainRuleException("nomineeKey", "this volunteer is already nominated this year: vote for them instead", StatusCodes.Status409Conflict);
        }

        var nomination = new VolunteerNomination { CommunityNodeId = community.Id, Year = year, NomineeUserId = nominee, NominatedByUserId = userId, Reason = reason, NominatedAt = clock.GetUtcNow() };
        db.VolunteerNominations.Add(nomination);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new DomainRuleException("nomineeKey", "this volunteer is already nominated this year: vote for them instead", StatusCodes.Status409Conflict);
        }

        return nomination.Id;
    }

    /// <summary>Results are counts only; nominees who have since left every association of the community are not shown.</summary>
    public async Task<List<NominationDto>> NominationsAsync(string? communityCode, int? year, CancellationToken cancellationToken)
    {
        var community = await VolunteerPlaces.CommunityAsync(db, communityCode, "community", cancellationToken);
        var y = CheckYear(year);
        return await db.VolunteerNominations.AsNoTracking().Where(n => n.CommunityNodeId == community.Id && n.Year == y)
            .Where(n => db.VolunteerMemberships.Any(m => m.UserId == n.NomineeUserId && db.VolunteerAssociations.Any(a => a.Id == m.AssociationId && a.CommunityNodeId == community.Id)))
            .OrderByDescending(n => n.Votes).ThenBy(n => n.Id)
            .Join(db.Users, n => n.NomineeUserId, u => u.Id, (n, u) => new NominationDto(n.Id, u.DisplayName, n.Reason, n.Votes))
            .ToListAsync(cancellationToken);
    }

    /// <summary>One secret vote per verified resident of the community and year (<see cref="SecretBallot"/>).</summary>
    public async Task VoteAsync(int nominationId, CancellationToken cancellationToken)
    {
        var userId = access.RequireUser();
        var nomination = await db.VolunteerNominations.AsNoTracking().Where(n => n.Id == nominationId)
            .Select(n => new { n.CommunityNodeId, n.Year }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("id", $"no nomination #{nominationId}", StatusCodes.Status404NotFound);
        if (nomination.Year != ChinaCalendar.YearOf(clock.GetUtcNow()))
        {
            throw new DomainRuleException("id", "voting for this year's nominations has closed", StatusCodes.Status409Conflict);
        }

        var communityPath = await db.Nodes.Where(n => n.Id == nomination.CommunityNodeId).Select(n => n.Path).SingleAsync(cancellationToken);
        if (!await SecretBallot.IsVerifiedResidentAsync(db, userId, communityPath, cancellationToken))
        {
            throw new DomainRuleException("household", "only residents of the community vote: link your household (in 我的信息 / Me) in this community first", StatusCodes.Status403Forbidden);
        }

        if (await db.VolunteerVotesCast.AnyAsync(v => v.CommunityNodeId == nomination.CommunityNodeId && v.Year == nomination.Year && v.VoterUserId == userId, cancellationToken))
        {
            throw AlreadyVoted();
        }

        await SecretBallot.CastAsync(
            db,
            new VolunteerVoteCast { CommunityNodeId = nomination.CommunityNodeId, Year = nomination.Year, VoterUserId = userId },
            ct => db.VolunteerNominations.Where(n => n.Id == nominationId).ExecuteUpdateAsync(u => u.SetProperty(n => n.Votes, n => n.Votes + 1), ct),
            AlreadyVoted,
            cancellationToken);
    }

    private int CheckYear(int? year)
    {
        var current = ChinaCalendar.YearOf(clock.GetUtcNow());
        return year switch
        {
            null => current,
            >= 2000 and <= 2100 when year <= current => year.Value,
            _ => throw new DomainRuleException("year", $"year must be from 2000 to {current}"),
        };
    }

    private static DomainRuleException AlreadyVoted() =>
        new("vote", "you have already voted in this community's vote this year: one resident, one vote", StatusCodes.Status409Conflict);
}
