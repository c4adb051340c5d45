using Linli.Web.Features.Tree;

namespace Linli.Web.Features.Rates;

/// <summary>A rate with its parts, so it can be checked: <see cref="Rate"/> = numerator / denominator, null when nothing was due.</summary>
public sealed record RateFigure(int Numerator, int Denominator)
{
    public double? Rate => Denominator == 0 ? null : (double)Numerator / Denominator;
}

/// <summary>A median duration in minutes over <see cref="Cases"/> cases; null when there were none.</summary>
public sealed record MedianFigure(double? Minutes, int Cases);

public sealed record DepartmentRefDto(string Code, string Name, string? NameEn);

/// <summary>The period asked for, and the moment the figures stop at: its end, or now when it has not ended.</summary>
public sealed record PeriodDto(DateTimeOffset From, DateTimeOffset To, DateTimeOffset Until);

public sealed record StateCount(string State, int Count);

/// <summary>Cases reported in the period by category. <see cref="Withheld"/> marks the one row that sums the sensitive categories of a small area.</summary>
public sealed record CategoryCount(string Code, string Name, string? NameEn, int Count, int Open, bool Withheld = false);

/// <summary>How each figure is computed, in words, sent with every answer.</summary>
public sealed record RateDefinitions(
    string Response, string Resolution, string OnTime, string Satisfaction, string ReporterSaidSolved,
    string MedianTimeToRespond, string MedianTimeToClose, string Counts, string Score)
{
    public static RateDefinitions English { get; } = new(
        Response: "Cases responded to (accepted) within their response limit / cases due for response. A case is due in the period in which it was accepted in time, or else in which its response limit passed.",
        Resolution: "Cases resolved / cases due for resolution. A case is due in the period in which it was resolved in time, or else in which its resolution limit passed; resolved counts a late resolution too.",
        OnTime: "Of the resolved cases counted in the resolution rate, those resolved by their resolution limit.",
        Satisfaction: "Ratings of 4 or 5 stars / ratings given in the period.",
        ReporterSaidSolved: "Ratings in the period whose reporter answered \"yes\" to \"was it solved?\" / ratings given in the period.",
        MedianTimeToRespond: "Median time from report to acceptance, over cases accepted in the period. For whole days it is estimated from a histogram with fixed bucket edges (the middle case is taken at its bucket's mean: exact for a bucket of one case, otherwise within the bucket's width).",
        MedianTimeToClose: "Median time from report to closing, over cases closed in the period, estimated like the median time to respond.",
        Counts: "Cases reported in the period, by their state now and by category; open means not yet closed, cancelled or merged. Cancelled and merged (duplicate) cases are left out of every rate.",
        Score: "Ranking score: the mean of the response, resolution and satisfaction rates that have cases due (not an official formula).");
}

public sealed record RatesReport(
    NodeRefDto? Node,
    DepartmentRefDto? Department,
    PeriodDto Period,
    int Reported,
    int Open,
    RateFigure Response,
    RateFigure Resolution,
    RateFigure OnTime,
    RateFigure Satisfaction,
    RateFigure ReporterSaidSolved,
    MedianFigure MedianTimeToRespond,
    MedianFigure MedianTimeToClose,
    IReadOnlyList<StateCount> ByState,
    IReadOnlyList<CategoryCount> ByCategory,
    bool SensitiveCategoriesBrokenDown,
    RateDefinitions Definitions);

public sealed record ChildRates(
    int? Rank, NodeRefDto Node, int Reported, int Open, RateFigure Response, RateFigure Resolution, RateFigure OnTime, RateFigure Satisfaction, double? Score);

public sealed record ChildrenReport(NodeRefDto Node, DepartmentRefDto? Department, PeriodDto Period, string Sort, IReadOnlyList<ChildRates> Children, RateDefinitions Definitions);
