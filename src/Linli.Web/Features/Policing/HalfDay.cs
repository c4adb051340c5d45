namespace Linli.Web.Features.Policing;

public enum HalfDayPeriod
{
    Morning,
    Afternoon,
}

/// <summary>
/// A half-day an officer spent in one of their communities (一村一警: at least five a week). What they did hangs off it:
/// patrols, visits to households and organisations, safety facility checks. One per officer, date and period.
/// </summary>
public sealed class PolicingHalfDay
{
    public int Id { get; set; }
    public Guid OfficerUserId { get; set; }
    public int CommunityNodeId { get; set; }

    /// <summary>A copy of the community's path, so "in my subtree" is the usual prefix test.</summary>
    public required string CommunityPath { get; set; }

    /// <summary>The day in China time.</summary>
    public DateOnly Date { get; set; }

    public HalfDayPeriod Period { get; set; }
    public DateTimeOffset LoggedAt { get; set; }

    public List<PolicingPatrol> Patrols { get; set; } = [];
    public List<PolicingVisit> Visits { get; set; } = [];
    public List<FacilityCheck> Checks { get; set; } = [];
}

/// <summary>A patrol walked during a half-day: its route as a GeoJSON LineString (WGS84) and how long it took.</summary>
public sealed class PolicingPatrol
{
    public int Id { get; set; }
    public int HalfDayId { get; set; }
    public required string RouteGeoJson { get; set; }
    public int Minutes { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public enum VisitKind
{
    Household,
    Organisation,
}

/// <summary>
/// A visit to a household (named by its unit, never by a person) or an organisation (a name or a registered partner):
/// the topic, the advice given and any concern raised. A concern can become a case (<see cref="CaseId"/>).
/// </summary>
public sealed class PolicingVisit
{
    public int Id { get; set; }
    public int HalfDayId { get; set; }
    public PolicingHalfDay? HalfDay { get; set; }
    public VisitKind Kind { get; set; }

    /// <summary>The household's unit (kind Household).</summary>
    public int? UnitNodeId { get; set; }

    /// <summary>The organisation (kind Organisation): a registered partner or a name.</summary>
    public int? PartnerId { get; set; }
    public string? OrganisationName { get; set; }

    /// <summary>Where the organisation is, optionally: a building of the community (a case filed from it is placed there).</summary>
    public int? BuildingNodeId { get; set; }

    public required string Topic { get; set; }
    public string? Advice { get; set; }
    public string? Concern { get; set; }

    /// <summary>The case the concern was turned into, if it was.</summary>
    public long? CaseId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum FacilityKind
{
    FireExtinguisher,
    FireHydrant,
    MicroFireStation,
    EmergencyExit,
    StreetLight,
    AccessGate,
    Fence,
    Other,
}

public enum FacilityStatus
{
    Ok,
    NeedsRepair,
}

/// <summary>A safety facility checked during a half-day, and whether it is fine or needs repair.</summary>
public sealed class FacilityCheck
{
    public int Id { get; set; }
    public int HalfDayId { get; set; }
    public FacilityKind Facility { get; set; }
    public FacilityStatus Status { get; set; }
    public int? BuildingNodeId { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
