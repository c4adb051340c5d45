namespace Linli.Web.Features.OfficerAppraisal;

/// <summary>
/// The annual public vote for the top 10 community officers of a district or city. Candidates are the community
/// officers of the area when it opens; results are public once it closes, never before.
/// </summary>
public sealed class OfficerVote
{
    public int Id { get; set; }
    public int NodeId { get; set; }

    /// <summary>A copy of the node's path: voters are residents with a household linked under it.</summary>
    public required string NodePath { get; set; }

    public int Year { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public Guid? OpenedByUserId { get; set; }
    public DateTimeOffset ClosesAt { get; set; }
    public List<OfficerVoteCandidate> Candidates { get; set; } = [];

    public bool IsOpenAt(DateTimeOffset now) => now >= OpenedAt && now < ClosesAt;
}

/// <summary>
/// A community officer on the ballot and their tally. Ballots are not stored one by one: a vote only adds one to
/// <see cref="Votes"/>, so no row, id or timestamp links a voter to a choice.
/// </summary>
public sealed class OfficerVoteCandidate
{
    public int Id { get; set; }
    public int VoteId { get; set; }
    public Guid OfficerUserId { get; set; }

    /// <summary>The community the officer served when the vote opened, shown beside the name.</summary>
    public int CommunityNodeId { get; set; }

    public int Votes { get; set; }
}

/// <summary>"Has voted" in one vote: no choice and no time, only so that each verified resident votes once.</summary>
public sealed class OfficerVoteCast
{
    public int VoteId { get; set; }
    public Guid VoterUserId { get; set; }
}
