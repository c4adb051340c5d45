namespace Linli.Web.Features.AntiFraud.Orders;

/// <summary>An order in a list: no personal fields, so lists need no audit entry.</summary>
public sealed record OrderListItem(
    long Number, string Risk, string State, string CommunityCode, string CommunityName, string? CommunityNameEn, string PartnerName,
    DateTimeOffset RaisedAt, DateTimeOffset DueAt, bool Overdue, int EscalationLevel, string? Outcome);

/// <summary>One order for someone who may see it; reading it writes an audit entry.</summary>
public sealed record OrderDetail(
    long Number, string Risk, string State, string CommunityCode, string CommunityName, string? CommunityNameEn, string PartnerName,
    string? RaisedByName, DateTimeOffset RaisedAt, DateTimeOffset DueAt, bool Overdue, int EscalationLevel, DateTimeOffset? EscalatedAt,
    OrderPerson? Person, long? AmountAtRisk, bool IsRepeatTarget, OrderVisit? Visit, OrderClosing? Closing, DateTimeOffset? ErasedAt,
    string ViewingAs, IReadOnlyList<string> AllowedActions, IReadOnlyList<OrderEventView> History);

/// <summary>The person's fields as the partner gave them; null once erased.</summary>
public sealed record OrderPerson(string? Name, string? Phone, string? UnitCode, string? Address, string? Seen);

public sealed record OrderVisit(string Outcome, long? MoneyProtected, string? Advice, string FollowUp, DateOnly? FollowUpOn, DateTimeOffset At, string? By);

public sealed record OrderClosing(DateTimeOffset At, string? By, string? Note);

public sealed record OrderEventView(DateTimeOffset At, string Kind, string? ActorName, string? ActorRole, string? Outcome, string? EscalatedTo);
