using Linli.Web.Features.Rates;

namespace Linli.Web.Features.OfficerAppraisal;

/// <summary>Opens the year's vote at a district or city; it closes at the end of <c>closesOn</c> (China time).</summary>
public sealed record OpenOfficerVoteRequest(string? NodeCode, int? Year, DateOnly? ClosesOn);

public sealed record BallotRequest(int? CandidateId);

public sealed record CandidateDto(int Id, string Name, string CommunityCode, string CommunityName);

public sealed record ResultDto(int Rank, int CandidateId, string Name, string CommunityName, int Votes);

public sealed record OfficerVoteSummary(int Id, string NodeCode, string NodeName, int Year, DateTimeOffset ClosesAt, bool IsOpen, int Candidates);

/// <summary>
/// A vote as anyone may see it: the candidates; the ranked top 10 and the number of votes only once it has closed.
/// <see cref="YouVoted"/> tells a signed-in resident whether they have voted, and nothing about their choice.
/// </summary>
public sealed record OfficerVoteDto(
    int Id, string NodeCode, string NodeName, int Year, DateTimeOffset OpenedAt, DateTimeOffset ClosesAt, bool IsOpen,
    IReadOnlyList<CandidateDto> Candidates, IReadOnlyList<ResultDto>? Results, int? VotesCast, bool? YouVoted);

/// <summary>
/// One source of residents' judgement of an officer. Case ratings are the first; surveys (a later issue) add a source
/// of their own beside it rather than being mixed into the same figure.
/// </summary>
public sealed record SourceFigures(string Source, int Ratings, double? AverageStars, RateFigure Satisfaction);

public sealed record OfficerFigures(string Name, string CommunityCode, string CommunityName, string? StationCode, IReadOnlyList<SourceFigures> Sources);

public sealed record StationFigures(string? StationCode, string StationName, int Officers, IReadOnlyList<SourceFigures> Sources);

public sealed record AppraisalReport(string NodeCode, PeriodDto Period, IReadOnlyList<OfficerFigures> Officers, IReadOnlyList<StationFigures> Stations, IReadOnlyDictionary<string, string> Definitions);
