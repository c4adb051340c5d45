using Linli.Web.Features.FollowUps;
using Linli.Web.Features.Rates;
using Linli.Web.Features.Surveys;
using Linli.Web.Features.Tree;

namespace Linli.Web.Features.Dashboards;

/// <summary>
/// A count beside the same period a month and a year earlier. A change is the relative difference
/// ((value − base) / base); null when the base is 0, where a percentage would mean nothing.
/// </summary>
public sealed record CountChange(int Value, int LastMonth, int LastYear, double? MonthOnMonth, double? YearOnYear)
{
    public static CountChange Of(int value, int lastMonth, int lastYear) => new(value, lastMonth, lastYear, Relative(value, lastMonth), Relative(value, lastYear));

    public static double? Relative(int value, int @base) => @base == 0 ? null : Math.Round((double)(value - @base) / @base, 4);
}

/// <summary>A rate beside the same period a month and a year earlier; a change is in rate points (0.05 = 5 points), null when either side had nothing due.</summary>
public sealed record RateChange(RateFigure Figure, RateFigure LastMonth, RateFigure LastYear, double? MonthOnMonth, double? YearOnYear)
{
    public static RateChange Of(RateFigure figure, RateFigure lastMonth, RateFigure lastYear) =>
        new(figure, lastMonth, lastYear, Points(figure.Rate, lastMonth.Rate), Points(figure.Rate, lastYear.Rate));

    private static double? Points(double? value, double? @base) => value is { } v && @base is { } b ? Math.Round(v - b, 4) : null;
}

/// <summary>A category's cases reported in the period with their changes; <see cref="Withheld"/> is the one row that sums the sensitive categories of a small area.</summary>
public sealed record CategoryChange(string Code, string Name, string? NameEn, bool Withheld, int Open, CountChange Reported);

/// <summary>The periods the changes compare against: the same days one month and one year earlier (China time).</summary>
public sealed record ComparedPeriods(PeriodDto LastMonth, PeriodDto LastYear);

/// <summary>One calendar month of the 12 that end with the period's last month.</summary>
public sealed record MonthPoint(string Month, int Reported, RateFigure Response, RateFigure Resolution, RateFigure Satisfaction);

public sealed record CasesSection(
    RatesReport Report, CountChange Reported, RateChange Response, RateChange Resolution, RateChange Satisfaction,
    IReadOnlyList<CategoryChange> ByCategory, ComparedPeriods Compared, IReadOnlyList<MonthPoint> Months, string Definition);

public sealed record HazardsSection(int Found, int Eliminated, int OpenNow, int Overdue, string Definition);

public sealed record TipsSection(int Received, string Definition);

public sealed record DisputesSection(int Opened, int DisputesSolved, int PotentialConflictsReconciled, string Definition);

public sealed record AntiFraudSection(int Orders, int Dissuaded, long MoneyProtected, int AwarenessEvents, int Attendance, string Definition);

public sealed record VolunteersSection(int Communities, int BelowTarget, int Associations, int Volunteers, double ApprovedHours, string Definition);

public sealed record PartnersSection(int Partners, int Offers, int Events, int SignUps, string Definition);

public sealed record SurveysSection(RatingFigure FollowUpSatisfaction, int FollowUpsSent, int FollowUpsAnswered, int SurveyResponses, string Quarter, IndexFigure? SenseOfSecurity, IndexFigure? Satisfaction, string Definition);

/// <summary>An area in a ranking: its parent, and its rank among all the areas ranked (best score first).</summary>
public sealed record RankedArea(int? Rank, NodeRefDto Node, NodeRefDto Parent, int Reported, int Open, RateFigure Response, RateFigure Resolution, RateFigure Satisfaction, double? Score);

public sealed record Rankings(IReadOnlyList<ChildRates> Children, string? BelowKind, IReadOnlyList<RankedArea> Below, string Definition);

/// <summary>
/// Everything a staff dashboard shows for one node and period: counts and rates only, never a person or a household.
/// A section is null where it is not kept for an area this small (see <see cref="Withheld"/>).
/// </summary>
public sealed record DashboardReport(
    NodeRefDto Node, IReadOnlyList<NodeRefDto> Ancestors, string Period, PeriodDto Range, DateTimeOffset GeneratedAt,
    CasesSection Cases, HazardsSection Hazards, TipsSection? Tips, DisputesSection? Disputes, AntiFraudSection? AntiFraud,
    VolunteersSection? Volunteers, PartnersSection Partners, SurveysSection Surveys, Rankings Rankings, IReadOnlyList<string> Withheld);
