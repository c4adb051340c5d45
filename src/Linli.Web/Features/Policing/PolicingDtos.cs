using System.Text.Json;

namespace Linli.Web.Features.Policing;

public sealed record HalfDayRequest(string? CommunityCode, DateOnly? Date, string? Period);

public sealed record PatrolRequest(JsonElement? Route, int? Minutes, string? Note);

/// <summary>A visit names a unit (household) or an organisation (a partner id or a name), never a person.</summary>
public sealed record VisitRequest(string? Kind, string? UnitCode, int? PartnerId, string? OrganisationName, string? BuildingCode, string? Topic, string? Advice, string? Concern);

public sealed record FacilityCheckRequest(string? Facility, string? Status, string? BuildingCode, string? Note);

/// <summary>Turns a visit's concern into a case; the description defaults to the concern, the place to the visit's building.</summary>
public sealed record ConcernCaseRequest(string? Category, string? Description, string? BuildingCode);

public sealed record CreatedId(int Id);

public sealed record CaseFiled(long Number);

public sealed record HalfDayListItem(int Id, string CommunityCode, string CommunityName, string? CommunityNameEn, DateOnly Date, string Period,
    int Patrols, int Visits, int Checks);

public sealed record PatrolDto(int Id, JsonElement Route, int Minutes, string? Note);

public sealed record VisitDto(int Id, string Kind, string? UnitCode, int? PartnerId, string? OrganisationName, string? BuildingCode, string Topic,
    string? Advice, string? Concern, long? CaseNumber, DateTimeOffset CreatedAt);

public sealed record FacilityCheckDto(int Id, string Facility, string Status, string? BuildingCode, string? Note);

public sealed record HalfDayDetail(int Id, string CommunityCode, string CommunityName, string? CommunityNameEn, DateOnly Date, string Period, string OfficerName,
    bool IsMine, IReadOnlyList<PatrolDto> Patrols, IReadOnlyList<VisitDto> Visits, IReadOnlyList<FacilityCheckDto> Checks);

/// <summary>A visit of the officer's week, for the workbench.</summary>
public sealed record MyVisit(int Id, int HalfDayId, DateOnly Date, string Kind, string Place, string Topic, bool HasConcern, long? CaseNumber);

public sealed record CommunityCoverage(string Code, string Name, string? NameEn, string? StreetCode, string? StationCode, IReadOnlyList<string> Officers)
{
    public bool Covered => Officers.Count > 0;
}

public sealed record CoverageGroup(string? Code, string Name, string? NameEn, int Communities, int Covered, int Uncovered);

public sealed record CoverageReport(string NodeCode, int Communities, int Covered, int Uncovered,
    IReadOnlyList<CoverageGroup> Stations, IReadOnlyList<CoverageGroup> Streets, IReadOnlyList<CommunityCoverage> CommunityList);

public sealed record OfficerCompliance(string Name, IReadOnlyList<string> CommunityCodes, string? StationCode, int HalfDays, int Target, bool Met);

public sealed record StationCompliance(string? Code, string Name, string? NameEn, int Officers, int MetTarget, int HalfDays, int Target);

public sealed record ComplianceReport(string NodeCode, DateOnly WeekStart, DateOnly WeekEnd, int Target,
    IReadOnlyList<OfficerCompliance> Officers, IReadOnlyList<StationCompliance> Stations);

/// <summary>What a visiting campaign counted in a period and area: places and comments, never people.</summary>
public sealed record CampaignCounts(string NodeCode, DateOnly From, DateOnly To, int HalfDays, int HouseholdVisits, int HouseholdsVisited,
    int OrganisationVisits, int OrganisationsVisited, int Concerns, int CasesFiled, int Patrols, int PatrolMinutes, int FacilityChecks, int NeedingRepair);
