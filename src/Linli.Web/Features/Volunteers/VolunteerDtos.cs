namespace Linli.Web.Features.Volunteers;

public sealed record AssociationSummary(int Id, string Name, string Type, string Status, string? Motto, bool HasLogo, int Members, string CommunityCode, string CommunityName);

public sealed record MonthCount(string Month, int Reports);

public sealed record ActivitySummary(int Id, string Kind, string Title, string? Place, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity, int SignedUp);

public sealed record AssociationDetail(
    int Id, string Name, string Type, string Status, string? Motto, bool HasLogo, int Members, string CommunityCode, string CommunityName,
    string? LeaderName, IReadOnlyList<ActivitySummary> Activities, IReadOnlyList<MonthCount> ReportsPerMonth);

public sealed record AssociationRequest(string? CommunityCode, string? Name, string? Type, string? Motto, string? Status, Guid? LeaderUserId);

public sealed record JoinRequest(string? ConsentVersion, string? Skills, string? Availability);

public sealed record MembershipDto(int MembershipId, int AssociationId, string AssociationName, string? Skills, string? Availability, DateTimeOffset JoinedAt, bool IsLeader);

public sealed record RosterEntry(int MembershipId, Guid UserId, string Name, string? Phone, string? Email, string? Skills, string? Availability, DateTimeOffset JoinedAt, bool IsLeader);

public sealed record ActivityRequest(string? Kind, string? Title, string? Place, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, int? Capacity, System.Text.Json.JsonElement? Route);

public sealed record ActivityDetail(
    int Id, int AssociationId, string AssociationName, string Kind, string Title, string? Place, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    int Capacity, int SignedUp, System.Text.Json.JsonElement? Route);

public sealed record SignupDto(int SignupId, int ActivityId, string ActivityTitle, DateTimeOffset StartsAt, DateTimeOffset? CheckedInAt, DateTimeOffset? CheckedOutAt, int? Minutes, string Decision, string? DeclineReason);

public sealed record AttendanceEntry(int SignupId, string Name, DateTimeOffset SignedUpAt, DateTimeOffset? CheckedInAt, DateTimeOffset? CheckedOutAt, int? Minutes, string Decision, string? DeclineReason, bool MarkedByLeader);

public sealed record CheckInRequest(string? Code);

public sealed record AttendanceRequest(DateTimeOffset? CheckedInAt, DateTimeOffset? CheckedOutAt);

public sealed record HoursRequest(string? Decision, string? Reason);

public sealed record Badge(int Hours, bool Earned);

public sealed record MyVolunteering(IReadOnlyList<MembershipDto> Memberships, IReadOnlyList<SignupDto> Signups, double ApprovedHours, IReadOnlyList<Badge> Badges);

public sealed record TargetRequest(int? Minimum);

public sealed record CommunityTarget(string Code, string Name, bool Rural, int Active, int Target, bool CustomTarget);

public sealed record StreetBelowTarget(string Code, string Name, IReadOnlyList<CommunityTarget> Communities);

public sealed record DistrictBelowTarget(string Code, string Name, IReadOnlyList<StreetBelowTarget> Streets);

public sealed record TargetsReport(string NodeCode, int Communities, int BelowTarget, IReadOnlyList<DistrictBelowTarget> Districts);

public sealed record CommunityFigures(string Code, string Name, bool Rural, int Associations, int Target, int Volunteers, double? AreaKm2, double? VolunteersPerKm2);

public sealed record RankingEntry(int Rank, int NomineeKey, string Name, double Hours);

public sealed record NominationRequest(string? CommunityCode, int? NomineeKey, string? Reason);

public sealed record NominationDto(int Id, string Name, string Reason, int Votes);
