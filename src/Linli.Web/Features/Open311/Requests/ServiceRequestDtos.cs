using System.Text.Json.Serialization;

namespace Linli.Web.Features.Open311.Requests;

/// <summary>
/// A case as Open311 shows it to anyone: no reporter, no contact, no photo. A sensitive category's case has no place
/// (lat, long, address, address_id) and no free text (description, notes).
/// </summary>
public sealed record ServiceRequest(
    string ServiceRequestId,
    string Status,
    string? StatusNotes,
    string ServiceName,
    string ServiceCode,
    string? Description,
    string? AgencyResponsible,
    string? ServiceNotice,
    string RequestedDatetime,
    string UpdatedDatetime,
    string? ExpectedDatetime,
    string? Address,
    string? AddressId,
    string? Zipcode,
    [property: JsonPropertyName("lat")] double? Latitude,
    [property: JsonPropertyName("long")] double? Longitude,
    string? MediaUrl);

/// <summary>What POST requests answers. The token is not the receipt: the receipt stays the reporter's secret.</summary>
public sealed record PostedServiceRequest(string ServiceRequestId, string Token, string? ServiceNotice, string? AccountId);

public sealed record TokenAnswer(string ServiceRequestId, string Token);
