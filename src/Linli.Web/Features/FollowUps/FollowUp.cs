namespace Linli.Web.Features.FollowUps;

/// <summary>What a follow-up asks about. Sensitive matters (sensitive case categories, anti-fraud orders, safety tips) are never a source.</summary>
public enum FollowUpSource
{
    Case,
    Visit,
    Mediation,
}

/// <summary>
/// One satisfaction follow-up sent to one recipient about one closed item, and the rating it brought back. The link's
/// token is kept only as a hash; the recipient is named by a key that holds no contact ("reporter", "party:12",
/// "user:…"), which is enough to never ask the same person twice about the same item.
/// </summary>
public sealed class FollowUp
{
    public long Id { get; set; }
    public FollowUpSource Source { get; set; }
    public long ItemId { get; set; }
    public required string RecipientKey { get; set; }
    public required string TokenHash { get; set; }

    /// <summary>The unit rated: a department (police station, utility, ...) or, when none, the office at a tree node.</summary>
    public int? DepartmentId { get; set; }
    public int? UnitNodeId { get; set; }

    /// <summary>The tree path of the place, so "ratings in my area" is the usual prefix test.</summary>
    public required string AreaPath { get; set; }

    /// <summary>The staff account that handled the item (case handler, visiting officer, mediator).</summary>
    public Guid? OfficerUserId { get; set; }

    public DateTimeOffset SentAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int? Stars { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}
