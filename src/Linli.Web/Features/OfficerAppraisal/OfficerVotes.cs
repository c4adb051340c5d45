using Linli.Web.Data;
using Linli.Web.Features.People;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Linli.Web.Infrastructure.Time;
using Linli.Web.Infrastructure.Votes;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.OfficerAppraisal;

/// <summary>
/// The annual "top 10 community officers" vote of a district or city: opened and closed by an administrator
/// (<see cref="Permission.RunOfficerVotes"/>), one secret vote per verified resident of the area (<see cref="SecretBallot"/>),
/// results public only after closing.
/// </summary>
public sealed class OfficerVotes(LinliDb db, ScopeAuthorizer scope, CurrentUser currentUser, TimeProvider clock)
{
    public const int TopCount = 10;

    public async Task<int> OpenAsync(OpenOfficerVoteRequest r, CancellationToken cancellationToken)
    {
        var code = FieldRules.Text("nodeCode", r.NodeCode, 40, required: true)!;
        var node = await db.Nodes.AsNoTracking().Where(n => n.Code == code).Select(n => new { n.Id, n.Path, n.Kind }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("nodeCode", $"unknown node '{code}'");
        await RequireRunnerAsync(node.Path, "nodeCode", cancellationToken);
        if (node.Kind is not (NodeKind.City or NodeKind.District))
        {
            throw new DomainRuleException("nodeCode", "the officers' vote is held for a district or a city");
        }

        var now = clock.GetUtcNow();
        var thisYear = ChinaCalendar.DayOf(now).Year;
        var year = r.Year ?? thisYear;
        if (year != thisYear)
        {
            throw new DomainRuleException("year", $"a vote is opened for the current year ({thisYear})");
        }

        if (r.ClosesOn is not { } closesOn)
        {
            throw new DomainRuleException("closesOn", "closesOn (the last day of voting) is required");
        }

        var closesAt = ChinaCalendar.Midnight(closesOn.AddDays(1)).ToUniversalTime();
        if (closesAt <= now || closesAt > now.AddDays(366))
        {
            throw new DomainRuleException("closesOn", "closesOn must be from today to a year ahead");
        }

        if (await db.OfficerVotes.AnyAsync(v => v.NodeId == node.Id && v.Year == year, cancellationToken))
        {
            throw new DomainRuleException("year", "this area's vote for the year is already open", StatusCodes.Status409Conflict);
        }

        var officers = await db.RoleAssignments.AsNoTracking()
            .Where(a => a.Role == StaffRole.CommunityPolice && a.Node != null && a.Node.Kind == NodeKind.Community && a.Node.Path.StartsWith(node.Path))
            .OrderBy(a => a.Node!.Code).Select(a => new { a.UserId, CommunityNodeId = a.NodeId!.Value }).ToListAsync(cancellationToken);
        if (officers.Count == 0)
        {
            throw new DomainRuleException("nodeCode", "no community officer serves in this area: there is nobody to vote for");
        }

        var vote = new OfficerVote
        {
            NodeId = node.Id, NodePath = node.Path, Year = year, OpenedAt = now, OpenedByUserId = currentUser.Id, ClosesAt = closesAt,
            Candidates = [.. officers.DistinctBy(o => o.UserId).Select(o => new OfficerVoteCandidate { OfficerUserId = o.UserId, CommunityNodeId = o.CommunityNodeId })],
        };
        db.OfficerVotes.Add(vote);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new DomainRuleException("year", "this area's vote for the year is already open", StatusCodes.Status409Conflict);
        }

        return vote.Id;
    }

    /// <summary>Closes the vote now (before its date); its results become public at once.</summary>
    public async Task CloseAsync(int id, CancellationToken cancellationToken)
    {
        var vote = await db.OfficerVotes.SingleOrDefaultAsync(v => v.Id == id, cancellationToken)
            ?? throw new DomainRuleException("id", $"no vote {id}", StatusCodes.Status404NotFound);
        await RequireRunnerAsync(vote.NodePath, "id", cancellationToken);
        var now = clock.GetUtcNow();
        if (vote.ClosesAt <= now)
        {
            throw new DomainRuleException("id", "this vote has already closed", StatusCodes.Status409Conflict);
        }

        vote.ClosesAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task CastAsync(int id, BallotRequest r, CancellationToken cancellationToken)
    {
        var userId = currentUser.Id ?? throw new DomainRuleException("user", "sign in first", StatusCodes.Status401Unauthorized);
        var vote = await db.OfficerVotes.AsNoTracking().Where(v => v.Id == id).Select(v => new { v.NodePath, v.OpenedAt, v.ClosesAt }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("id", $"no vote {id}", StatusCodes.Status404NotFound);
        var now = clock.GetUtcNow();
        if (now < vote.OpenedAt || now >= vote.ClosesAt)
        {
            throw new DomainRuleException("id", "this vote is closed", StatusCodes.Status409Conflict);
        }

        if (r.CandidateId is not { } candidateId || !await db.OfficerVoteCandidates.AnyAsync(c => c.Id == candidateId && c.VoteId == id, cancellationToken))
        {
            throw new DomainRuleException("candidateId", "choose one of this vote's candidates");
        }

        if (!await SecretBallot.IsVerifiedResidentAsync(db, userId, vote.NodePath, cancellationToken))
        {
            throw new DomainRuleException("household", "only residents of the area vote: link your household (in 我的信息 / Me) in this area first", StatusCodes.Status403Forbidden);
        }

        if (await db.OfficerVotesCast.AnyAsync(c => c.VoteId == id && c.VoterUserId == userId, cancellationToken))
        {
            throw AlreadyVoted();
        }

        await SecretBallot.CastAsync(
            db,
            new OfficerVoteCast { VoteId = id, VoterUserId = userId },
            ct => db.OfficerVoteCandidates.Where(c => c.Id == candidateId && c.VoteId == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Votes, c => c.Votes + 1), ct),
            AlreadyVoted,
            cancellationToken);
    }

    public async Task<List<OfficerVoteSummary>> ListAsync(string? nodeCode, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var votes = db.OfficerVotes.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(nodeCode))
        {
            var code = nodeCode.Trim();
            votes = votes.Where(v => db.Nodes.Any(n => n.Id == v.NodeId && n.Code == code));
        }

        var rows = await votes.OrderByDescending(v => v.Year).ThenBy(v => v.NodePath).Take(100)
            .Select(v => new { v.Id, Node = db.Nodes.Where(n => n.Id == v.NodeId).Select(n => new { n.Code, n.Name }).First(), v.Year, v.OpenedAt, v.ClosesAt, Candidates = v.Candidates.Count })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(v => new OfficerVoteSummary(v.Id, v.Node.Code, v.Node.Name, v.Year, v.ClosesAt, now >= v.OpenedAt && now < v.ClosesAt, v.Candidates))];
    }

    public async Task<OfficerVoteDto> DetailAsync(int id, CancellationToken cancellationToken)
    {
        var vote = await db.OfficerVotes.AsNoTracking().Include(v => v.Candidates).SingleOrDefaultAsync(v => v.Id == id, cancellationToken)
            ?? throw new DomainRuleException("id", $"no vote {id}", StatusCodes.Status404NotFound);
        var node = await db.Nodes.AsNoTracking().Where(n => n.Id == vote.NodeId).Select(n => new { n.Code, n.Name }).SingleAsync(cancellationToken);
        var userIds = vote.Candidates.Select(c => c.OfficerUserId).ToList();
        var communityIds = vote.Candidates.Select(c => c.CommunityNodeId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var communities = await db.Nodes.AsNoTracking().Where(n => communityIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => new { n.Code, n.Name }, cancellationToken);
        var now = clock.GetUtcNow();
        var isOpen = vote.IsOpenAt(now);
        var closed = now >= vote.ClosesAt;
        bool? youVoted = currentUser.Id is { } me ? await db.OfficerVotesCast.AnyAsync(c => c.VoteId == id && c.VoterUserId == me, cancellationToken) : null;

        var candidates = vote.Candidates.OrderBy(c => communities[c.CommunityNodeId].Code)
            .Select(c => new CandidateDto(c.Id, names.GetValueOrDefault(c.OfficerUserId, "?"), communities[c.CommunityNodeId].Code, communities[c.CommunityNodeId].Name)).ToList();

        // Live counts are never shown: the tally is read only once the vote has closed.
        List<ResultDto>? results = null;
        if (closed)
        {
            results = [.. vote.Candidates
                .Select(c => new { c, Rank = 1 + vote.Candidates.Count(o => o.Votes > c.Votes) })
                .Where(x => x.Rank <= TopCount && x.c.Votes > 0)
                .OrderBy(x => x.Rank).ThenBy(x => communities[x.c.CommunityNodeId].Code)
                .Select(x => new ResultDto(x.Rank, x.c.Id, names.GetValueOrDefault(x.c.OfficerUserId, "?"), communities[x.c.CommunityNodeId].Name, x.c.Votes))];
        }

        return new OfficerVoteDto(vote.Id, node.Code, node.Name, vote.Year, vote.OpenedAt, vote.ClosesAt, isOpen, candidates, results,
            closed ? vote.Candidates.Sum(c => c.Votes) : null, youVoted);
    }

    private async Task RequireRunnerAsync(string path, string field, CancellationToken cancellationToken)
    {
        if (!await scope.CanAsync(Permission.RunOfficerVotes, path, cancellationToken))
        {
            throw new DomainRuleException(field, "Only administrators over this area run its officers' vote.", StatusCodes.Status403Forbidden);
        }
    }

    private static DomainRuleException AlreadyVoted() =>
        new("vote", "you have already voted in this vote: one resident, one vote", StatusCodes.Status409Conflict);
}
