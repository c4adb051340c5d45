using Linli.Web.Features.Rates;
using Linli.Web.Features.Tree;

namespace Linli.Web.Features.FollowUps;

/// <summary>Ratings given through follow-ups: how many, how many satisfied (4–5 stars), and the mean.</summary>
public sealed record RatingFigure(int Ratings, int Satisfied, double? AverageStars)
{
    public RateFigure Satisfaction => new(Satisfied, Ratings);

    public static RatingFigure Of(int ratings, int satisfied, int stars) => new(ratings, satisfied, ratings == 0 ? null : Math.Round((double)stars / ratings, 2));
}

/// <summary>A unit rated: a department (<see cref="Kind"/> "department") or the office at a tree node ("office").</summary>
public sealed record UnitSatisfaction(string Kind, string Code, string Name, string? NameEn, RatingFigure Figures);

public sealed record AreaSatisfaction(NodeRefDto Node, RatingFigure Figures);

/// <summary>Follow-ups sent in the period per source and how many of them were answered (the response rate).</summary>
public sealed record SourceResponse(string Source, int Sent, int Answered, RatingFigure Figures)
{
    public RateFigure ResponseRate => new(Answered, Sent);
}

public sealed record SatisfactionDefinitions(string Satisfaction, string ResponseRate, string Units, string Officers)
{
    public static SatisfactionDefinitions English { get; } = new(
        Satisfaction: "Ratings of 4 or 5 stars / ratings given through follow-ups answered in the period (the same rule as the case satisfaction rate).",
        ResponseRate: "Follow-ups answered / follow-ups sent in the period, per source (closed cases, household visits, mediations).",
        Units: "A case is rated as the work of the department it was assigned to, or of the office at the node that handled it; a household visit as the police station's; a mediation as the community committee's.",
        Officers: "A rating counts for the staff account that handled the item: the case's handler, the visiting officer, the first staff mediator.");
}

public sealed record SatisfactionReport(
    NodeRefDto Node, PeriodDto Period, RatingFigure Total, IReadOnlyList<UnitSatisfaction> Units, IReadOnlyList<AreaSatisfaction> Areas,
    IReadOnlyList<SourceResponse> Sources, SatisfactionDefinitions Definitions);

public sealed record OfficerSatisfaction(Guid UserId, string Name, RatingFigure Figures, IReadOnlyDictionary<string, int> RatingsBySource);

public sealed record OfficerSatisfactionReport(NodeRefDto Node, PeriodDto Period, IReadOnlyList<OfficerSatisfaction> Officers, SatisfactionDefinitions Definitions);
