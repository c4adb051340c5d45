namespace Linli.Web.Features.Volunteers;

/// <summary>
/// A public nomination of an outstanding volunteer in a community's annual vote. Ballots are not stored one by one:
/// a vote only adds one to <see cref="Votes"/>, so no row, id or timestamp links a voter to a choice.
/// </summary>
public sealed class VolunteerNomination
{
    public int Id { get; set; }
    public int CommunityNodeId { get; set; }
    public int Year { get; set; }
    public Guid NomineeUserId { get; set; }
    public Guid NominatedByUserId { get; set; }
    public required string Reason { get; set; }
    public int Votes { get; set; }
    public DateTimeOffset NominatedAt { get; set; }
}

/// <summary>
/// "Has voted" in a community's vote of a year: kept apart from the tally, with no time and no choice, only so that
/// each verified resident votes once.
/// </summary>
public sealed class VolunteerVoteCast
{
    public int CommunityNodeId { get; set; }
    public int Year { get; set; }
    public Guid VoterUserId { get; set; }
}
