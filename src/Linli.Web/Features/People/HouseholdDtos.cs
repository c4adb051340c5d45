namespace Linli.Web.Features.People;

public sealed record LinkHouseholdRequest(string? UnitCode, string? ConsentVersion);

public sealed record ConsentRecordDto(string Purpose, string Version, DateTimeOffset GivenAt, DateTimeOffset? WithdrawnAt);

public sealed record AccessLogEntry(DateTimeOffset At, string? Who, string? Role, string Action, string Record, string Purpose);

public sealed record ResidentRecord(Guid Id, string DisplayName, string? Phone, string? Email, string UnitCode, string UnitName);
