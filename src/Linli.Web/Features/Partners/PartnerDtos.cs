namespace Linli.Web.Features.Partners;

public sealed record ContactRequest(string? Name, string? Contact);

public sealed record SavePartnerRequest(
    string? Name, string? NameEn, string? Type, string? Subtype, string? Description, List<string>? AreaCodes, List<ContactRequest>? Contacts);

public sealed record SuspendRequest(string? Reason);

public sealed record SignAgreementRequest(int? Version, DateOnly? SignedOn, string? SignedBy);

public sealed record PublishAgreementRequest(string? Text, string? TextEn);

public sealed record SaveOfferRequest(
    string? Kind, string? Title, string? Description, decimal? AidAmount, string? AidPeriod,
    DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Place, string? CommunityCode, int? Capacity, bool Withdrawn = false);

public sealed record RateRequest(int? Stars);

public sealed record ScoreRequest(int? Year, int? Score, string? Note);

public sealed record AreaDto(string Code, string Name, string? NameEn);

public sealed record ContactDto(string Name, string Contact);

public sealed record SignatureDto(int Version, DateOnly SignedOn, string SignedBy);

public sealed record AgreementTextDto(int Version, string Text, string? TextEn, DateTimeOffset PublishedAt);

/// <summary>A partner as staff see it: with its contacts, its agreement record and its status.</summary>
public sealed record PartnerDto(
    int Id, string Name, string? NameEn, string Type, string? Subtype, string? Description, string Status, string? SuspensionReason,
    DateTimeOffset? SuspendedAt, IReadOnlyList<AreaDto> Areas, IReadOnlyList<ContactDto> Contacts, SignatureDto? Signature,
    int CurrentAgreementVersion, bool AgreementCurrent, IReadOnlyList<OfferDto> Offers);

public sealed record PartnerListItem(int Id, string Name, string? NameEn, string Type, string? Subtype, string Status, int? SignedVersion);

/// <summary>An offer as anyone may see it: no names, only how many seats are left.</summary>
public sealed record OfferDto(
    int Id, int PartnerId, string Kind, string Title, string? Description, decimal? AidAmount, string? AidPeriod, bool IsEvent,
    DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Place, string? CommunityCode, int? Capacity, int Taken, int? SeatsLeft, bool Withdrawn);

/// <summary>A partner in the public directory: organisation facts and aggregates only.</summary>
public sealed record DirectoryPartner(
    int Id, string Name, string? NameEn, string Type, string? Subtype, string? Description, bool AgreementSigned,
    int Services, int UpcomingEvents, int RatingsThisYear, double? AverageStars);

public sealed record DirectoryResponse(string CommunityCode, string CommunityName, int Year, IReadOnlyList<DirectoryPartner> Partners);

public sealed record PublicPartner(
    int Id, string Name, string? NameEn, string Type, string? Subtype, string? Description, bool AgreementSigned,
    IReadOnlyList<AreaDto> Areas, int RatingsThisYear, double? AverageStars, IReadOnlyList<OfferDto> Services, IReadOnlyList<OfferDto> Events);

public sealed record CalendarEvent(
    int OfferId, int PartnerId, string PartnerName, string? PartnerNameEn, string Kind, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string? Place, int? SeatsLeft);

public sealed record CalendarResponse(string CommunityCode, string Month, IReadOnlyList<CalendarEvent> Events);

public sealed record SignupResponse(int OfferId, int Taken, int? SeatsLeft, bool SignedUp);

public sealed record OfferEvaluation(int OfferId, string Title, int Ratings, double? AverageStars);

public sealed record ScoreDto(int Score, string? Note, string? ScoredBy, DateTimeOffset ScoredAt);

/// <summary>
/// A partner's year: residents' ratings (count, average, share of 4–5 stars), staff scores with their notes, and what it
/// offered (events held and seats taken).
/// </summary>
public sealed record EvaluationSummary(
    int PartnerId, int Year, int Ratings, double? AverageStars, double? SatisfiedShare, IReadOnlyList<OfferEvaluation> Offers,
    IReadOnlyList<ScoreDto> Scores, double? AverageScore, int Events, int SeatsTaken, string Status, string? SuspensionReason);
