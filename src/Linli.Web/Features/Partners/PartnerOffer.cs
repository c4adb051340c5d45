namespace Linli.Web.Features.Partners;

public enum OfferKind
{
    Venue,
    FreeScreening,
    JobFair,
    LegalAdvice,
    StudentAid,
    Other,
}

/// <summary>
/// What a partner offers residents. A service (a venue, legal advice, student aid…) is open in every community the
/// partner serves; an event has a time, a place in one community and a capacity, and takes sign-ups.
/// </summary>
public sealed class PartnerOffer
{
    public int Id { get; set; }
    public int PartnerId { get; set; }
    public PartnerOrganisation? Partner { get; set; }
    public OfferKind Kind { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }

    /// <summary>Student aid: the amount in yuan and the period it covers ("2026–2027 学年").</summary>
    public decimal? AidAmount { get; set; }

    public string? AidPeriod { get; set; }

    public DateTimeOffset? StartsAt { get; set; }
    public DateTimeOffset? EndsAt { get; set; }
    public string? Place { get; set; }
    public int? CommunityNodeId { get; set; }
    public int? Capacity { get; set; }

    /// <summary>Seats taken, kept beside the sign-ups so "not full" is one conditional update.</summary>
    public int Taken { get; set; }

    public bool Withdrawn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public bool IsEvent => StartsAt is not null;
}

/// <summary>A resident's seat at an event. Cancelling deletes it: nobody needs a history of who once meant to come.</summary>
public sealed class OfferSignup
{
    public long Id { get; set; }
    public int OfferId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset SignedUpAt { get; set; }
}

/// <summary>A resident's rating of an offer they used: one per resident, offer and year.</summary>
public sealed class PartnerRating
{
    public long Id { get; set; }
    public int OfferId { get; set; }
    public int PartnerId { get; set; }
    public Guid UserId { get; set; }
    public int Year { get; set; }
    public int Stars { get; set; }
    public DateTimeOffset RatedAt { get; set; }
}

/// <summary>A staff member's annual score of a partner (0–100) with a note; one per scorer, partner and year.</summary>
public sealed class PartnerScore
{
    public int Id { get; set; }
    public int PartnerId { get; set; }
    public int Year { get; set; }
    public int Score { get; set; }
    public string? Note { get; set; }
    public Guid ScoredByUserId { get; set; }
    public string? ScoredByName { get; set; }
    public DateTimeOffset ScoredAt { get; set; }
}
