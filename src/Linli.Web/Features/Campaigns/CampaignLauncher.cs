using System.Data.Common;
using Linli.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Linli.Web.Features.Campaigns;

/// <summary>What a launch wrote: the campaign and how many tasks of each kind.</summary>
public sealed record LaunchResult(int CampaignId, IReadOnlyDictionary<CampaignTaskKind, int> Tasks, int Grids)
{
    public int TotalTasks => Tasks.Values.Sum();
}

/// <summary>
/// Writes a campaign, its tasks and its per-grid counters in one transaction. The tasks come from one INSERT … SELECT per
/// task kind over the subtree's buildings or units, so a city's 124,665 units never pass through this process: the grid
/// is the building's parent (the tree is strictly levelled) and the assignee the lowest-id unit chief, else building chief,
/// else grid chief. Checks of who may launch what are the caller's (<see cref="CampaignCommands"/>).
/// </summary>
public sealed class CampaignLauncher(LinliDb db, TimeProvider clock)
{
    private const string Insert = """
        INSERT INTO campaign_tasks ("CampaignId", "Kind", "NodeId", "NodePath", "GridId", "AssigneeUserId", "Status")
        """;

    private static string Chief(string node, string role) =>
        $"""(SELECT r."UserId" FROM role_assignments r WHERE r."NodeId" = {node} AND r."Role" = '{role}' ORDER BY r."UserId" LIMIT 1)""";

    private static readonly string PerUnit = Insert + $"""

        SELECT @campaign, @kind, u."Id", u."Path", b."ParentId", COALESCE({Chief("u.\"Id\"", "UnitChief")}, {Chief("b.\"Id\"", "BuildingChief")}, {Chief("b.\"ParentId\"", "GridChief")}), 'Open'
        FROM tree_nodes u
        JOIN tree_nodes b ON b."Id" = u."ParentId"
        WHERE u."Kind" = 'Unit' AND u."Path" LIKE @prefix
        """;

    private static readonly string PerBuilding = Insert + $"""

        SELECT @campaign, @kind, b."Id", b."Path", b."ParentId", COALESCE({Chief("b.\"Id\"", "BuildingChief")}, {Chief("b.\"ParentId\"", "GridChief")}), 'Open'
        FROM tree_nodes b
        WHERE b."Kind" = 'Building' AND b."Path" LIKE @prefix
        """;

    private const string Counters = """
        INSERT INTO campaign_grid_progress ("CampaignId", "GridId", "GridPath", "Total", "Done")
        SELECT t."CampaignId", t."GridId", g."Path", COUNT(*), 0
        FROM campaign_tasks t
        JOIN tree_nodes g ON g."Id" = t."GridId"
        WHERE t."CampaignId" = @campaign
        GROUP BY t."CampaignId", t."GridId", g."Path"
        """;

    /// <summary>Which tasks a kind of campaign generates, and whether each is per unit (else per building).</summary>
    public static IReadOnlyList<(CampaignTaskKind Kind, bool PerUnit)> TasksOf(CampaignKind kind) => kind switch
    {
        CampaignKind.EpidemicScreening => [(CampaignTaskKind.ScreenHouseholds, true)],
        CampaignKind.Disinfection => [(CampaignTaskKind.DisinfectCommonAreas, false)],
        CampaignKind.FloodCheck => [(CampaignTaskKind.InspectBuilding, false), (CampaignTaskKind.CheckVulnerable, true)],
        CampaignKind.HeatWaveCheck => [(CampaignTaskKind.CheckVulnerable, true)],
        CampaignKind.Evacuation => [(CampaignTaskKind.EvacuateUnit, true)],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no tasks are defined for this kind of campaign"),
    };

    /// <summary>Stores <paramref name="campaign"/> (Active, starting now) with its tasks and counters.</summary>
    public async Task<LaunchResult> LaunchAsync(Campaign campaign, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        campaign.Status = CampaignStatus.Active;
        campaign.StartsAt = now;
        campaign.CreatedAt = now;
        var counts = new Dictionary<CampaignTaskKind, int>();
        var grids = 0;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            counts.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (kind, perUnit) in TasksOf(campaign.Kind))
            {
                counts[kind] = await ExecuteAsync(perUnit ? PerUnit : PerBuilding, campaign, kind, cancellationToken);
            }

            grids = await ExecuteAsync(Counters, campaign, null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        return new LaunchResult(campaign.Id, counts, grids);
    }

    private async Task<int> ExecuteAsync(string sql, Campaign campaign, CampaignTaskKind? kind, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandTimeout = 600;
        Add(command, "campaign", campaign.Id);
        if (kind is { } k)
        {
            Add(command, "kind", k.ToString());
            Add(command, "prefix", campaign.NodePath + "%");
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
