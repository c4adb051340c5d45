using Linli.Web.Features.Tree;

namespace Linli.Web.Features.SafetyTips;

public enum TipKind
{
    Fraud,
    Theft,
    Drugs,
    PublicSafety,
    Other,
}

public enum TipTimeOfDay
{
    Morning,
    Afternoon,
    Evening,
    Night,
}

/// <summary>What the station made of a tip. <see cref="Closed"/> ends the conversation; the others can still change.</summary>
public enum TipOutcome
{
    Verified,
    NotVerified,
    PassedOn,
    Closed,
}

/// <summary>
/// A safety tip (线索): a lead about an incident at a place, to be verified — never a record about a person. It holds
/// what happened, where and when, and nothing about who sent it: no account, no network address, no device. The tipster
/// holds the only key to it, a receipt code of which only the hash is stored.
/// </summary>
public sealed class SafetyTip
{
    public long Id { get; set; }

    public TipKind Kind { get; set; }

    /// <summary>What happened: behaviour and events, as the tipster wrote it (tags stripped).</summary>
    public required string What { get; set; }

    public DateOnly OccurredOn { get; set; }
    public TipTimeOfDay? TimeOfDay { get; set; }

    /// <summary>The most precise tree node given or found (community, grid, building or unit).</summary>
    public int PlaceNodeId { get; set; }
    public TreeNode? Place { get; set; }

    /// <summary>The place's tree path: the triage scope check reads it.</summary>
    public required string PlacePath { get; set; }

    public int CommunityNodeId { get; set; }

    /// <summary>The district, for the public monthly counts.</summary>
    public int DistrictNodeId { get; set; }

    /// <summary>A point on the map, when the tipster gave one instead of a place in the tree.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    /// <summary>"By the east gate of the market": words about the place, never about people.</summary>
    public string? WhereNote { get; set; }

    /// <summary>The police station (a PoliceStation department) whose area holds the place, when one covers it.</summary>
    public int? StationDepartmentId { get; set; }

    /// <summary>Said by the tipster, unverified, and used only in aggregate counts per association.</summary>
    public int? VolunteerAssociationId { get; set; }

    /// <summary>SHA-256 of the receipt code's canonical form.</summary>
    public required string ReceiptHash { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>When the station first acted (asked a question or recorded an outcome); null while the tip is new.</summary>
    public DateTimeOffset? TriagedAt { get; set; }

    public TipOutcome? Outcome { get; set; }
    public string? OutcomeNote { get; set; }
    public DateTimeOffset? OutcomeAt { get; set; }

    /// <summary>The station asked something the tipster has not answered yet.</summary>
    public bool QuestionOpen { get; set; }

    /// <summary>The tipster wrote after the station last acted: the station owes the next step.</summary>
    public bool AwaitingStation { get; set; }

    /// <summary>A case filed or named for this tip; a linked tip is kept, not deleted by retention.</summary>
    public long? LinkedCaseId { get; set; }

    /// <summary>When the officers were told this tip will soon be deleted (one notice per tip).</summary>
    public DateTimeOffset? DeletionWarnedAt { get; set; }

    public int Version { get; set; }

    public List<SafetyTipMessage> Messages { get; set; } = [];
}

/// <summary>One message of the two-way follow-up: a question from the station or an answer from the tipster.</summary>
public sealed class SafetyTipMessage
{
    public long Id { get; set; }
    public long TipId { get; set; }
    public DateTimeOffset At { get; set; }
    public bool FromStation { get; set; }
    public required string Text { get; set; }

    /// <summary>The officer who asked; always null for the tipster's answers.</summary>
    public Guid? OfficerUserId { get; set; }
}

/// <summary>
/// Counts of tips already deleted by retention, per month (China time), district and association (0 for none), so the
/// public monthly counts survive the deletion of the tips themselves. Written only by the retention job.
/// </summary>
public sealed class SafetyTipTally
{
    public required string Month { get; set; }
    public int DistrictNodeId { get; set; }
    public int AssociationId { get; set; }
    public int Count { get; set; }
}
