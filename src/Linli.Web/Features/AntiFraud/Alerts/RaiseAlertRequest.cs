namespace Linli.Web.Features.AntiFraud.Alerts;

/// <summary>
/// A fraud-risk alert as a partner's staff raise it: only these fields exist, and a body with any other field is refused,
/// so no ID number or profile can slip in. Either a unit code in the community or a typed address says where the person lives.
/// </summary>
public sealed record RaiseAlertRequest(
    string? CommunityCode, string? Name, string? Phone, string? UnitCode, string? Address, string? Risk, string? Seen, decimal? AmountAtRisk,
    string? RequestKey = null);

/// <summary>One refused field of an alert or visit, in English for the API; pages show their own words for the field.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>The alert was refused; nothing was stored.</summary>
public sealed class AlertRejectedException(IReadOnlyList<FieldError> errors) : Exception(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;

    public Dictionary<string, string[]> ByField() => Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
}

public sealed record RaisedOrder(long Number, string CommunityCode, string Risk, DateTimeOffset DueAt, string State, bool Created);
