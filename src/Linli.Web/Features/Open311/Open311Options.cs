namespace Linli.Web.Features.Open311;

/// <summary>The <c>Open311</c> configuration section: keys for deployments and tests, and what discovery tells clients.</summary>
public sealed class Open311Options
{
    public const string Section = "Open311";

    /// <summary>Keys accepted besides those administrators issue; each is at least <see cref="MinKeyLength"/> characters.</summary>
    public List<string> ApiKeys { get; set; } = [];

    public string Contact { get; set; } = "邻里 Linli: ask the city's administrators, who run this service.";

    public string KeyService { get; set; } = "A city administrator issues keys in Linli (POST /api/v1/open311/keys); the key is shown once.";

    /// <summary>Sortable; change it when the service list or definitions change in a way clients should notice.</summary>
    public string Changeset { get; set; } = "2026-11-24T00:00:00+08:00";

    /// <summary>"production" or "test" (Open311 discovery's endpoint type).</summary>
    public string EndpointType { get; set; } = "production";

    /// <summary>The zone dates are written in; W3C dates carry its offset.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public const int MinKeyLength = 16;

    public static bool IsValid(Open311Options o) =>
        o.ApiKeys.All(k => !string.IsNullOrWhiteSpace(k) && k.Trim().Length >= MinKeyLength) &&
        o.EndpointType is "production" or "test" &&
        !string.IsNullOrWhiteSpace(o.Contact) && !string.IsNullOrWhiteSpace(o.KeyService) && !string.IsNullOrWhiteSpace(o.Changeset) &&
        W3cDates.TryFindZone(o.TimeZone, out _);
}
