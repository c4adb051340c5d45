using System.Text.Json.Serialization;

namespace Linli.Web.Features.Campaigns;

public sealed record LaunchCampaignRequest(string? Kind, string? Title, string? Instructions, string? NodeCode, DateTimeOffset? EndsAt, int? RetentionDays);

/// <summary>What a launch answers: the campaign and how many tasks it generated, per kind.</summary>
public sealed record CampaignLaunched(CampaignSummary Campaign, int Tasks, IReadOnlyDictionary<string, int> TasksByKind, int Grids);

public sealed record CampaignSummary(
    int Id, CampaignKind Kind, string Title, string Instructions, string NodeCode, string NodeName, string? NodeNameEn,
    [property: JsonConverter(typeof(JsonStringEnumConverter<CampaignStatus>))] CampaignStatus Status, bool Active, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, DateTimeOffset? EndedAt, int RetentionDays, int Total, int Done);

/// <summary>An area's figures in a campaign: tasks in all, tasks done, and the share done in percent.</summary>
public sealed record AreaProgress(string Code, string Name, string? NameEn, string Kind, int Total, int Done)
{
    public double Percent => Total == 0 ? 0 : Math.Round(100.0 * Done / Total, 1);
    public int Open => Total - Done;
}

/// <summary>A campaign's progress at one node: its own figures, its children's, and the subtree's grids that lag most.</summary>
public sealed record CampaignProgressView(CampaignSummary Campaign, AreaProgress Node, string? ParentCode, IReadOnlyList<AreaProgress> Children, IReadOnlyList<AreaProgress> Lagging);

/// <summary>A task as the chief doing it sees it: the place and the work, never the people living there.</summary>
public sealed record CampaignTaskView(
    long Id, int CampaignId, string CampaignTitle, CampaignKind CampaignKind, string Instructions, CampaignTaskKind Kind,
    string NodeCode, string NodeName, string? NodeNameEn, string? BuildingName, string? BuildingNameEn,
    [property: JsonConverter(typeof(JsonStringEnumConverter<CampaignTaskStatus>))] CampaignTaskStatus Status, DateTimeOffset? DoneAt, string? Note, long? CaseId);

public sealed record TaskPage(int Page, int PageSize, int Total, IReadOnlyList<CampaignTaskView> Tasks);

public sealed record TaskDoneRequest(string? Note);

public sealed record TaskCaseRequest(string? Category, string? Description);

public sealed record TaskCaseFiled(long TaskId, long CaseId, string Receipt);
