using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Campaigns;

/// <summary>What a campaign (专项行动) is for; its kind decides which tasks are generated under its node.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<CampaignKind>))]
public enum CampaignKind
{
    /// <summary>疫情排查: screen every household (a task per unit) and check on registered vulnerable residents.</summary>
    EpidemicScreening,

    /// <summary>消杀: disinfect the common areas of every building.</summary>
    Disinfection,

    /// <summary>防汛检查: check every building for flooding risk and every unit's vulnerable residents.</summary>
    FloodCheck,

    /// <summary>高温巡查: check on every unit's vulnerable residents.</summary>
    HeatWaveCheck,

    /// <summary>转移疏散: evacuate every unit.</summary>
    Evacuation,
}

public enum CampaignStatus
{
    Active,
    Ended,
}

/// <summary>
/// A campaign launched by a street or district over its subtree. Tasks (<see cref="CampaignTask"/>) are generated per
/// building or unit when it is launched; messages, care entries and broadcasts tied to it live as long as its retention.
/// </summary>
public sealed class Campaign
{
    public int Id { get; set; }
    public CampaignKind Kind { get; set; }
    public required string Title { get; set; }

    /// <summary>The standing instruction for everyone doing the tasks (pinned in the campaign's channel).</summary>
    public required string Instructions { get; set; }
    public int NodeId { get; set; }
    public Tree.TreeNode? Node { get; set; }
    public required string NodePath { get; set; }
    public CampaignStatus Status { get; set; }
    public DateTimeOffset StartsAt { get; set; }

    /// <summary>When the campaign is planned to end; it ends earlier if its launcher ends it.</summary>
    public DateTimeOffset? EndsAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Days after the end for which its messages and task notes are kept; then they are deleted.</summary>
    public int RetentionDays { get; set; } = 90;
    public Guid LaunchedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public const int MaxTitle = 120;
    public const int MaxInstructions = 2000;

    public bool IsActive(DateTimeOffset now) => Status == CampaignStatus.Active && StartsAt <= now && (EndsAt is null || EndsAt > now);
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.ToTable("campaigns");
        b.Property(x => x.Title).HasMaxLength(Campaign.MaxTitle);
        b.Property(x => x.Instructions).HasMaxLength(Campaign.MaxInstructions);
        b.Property(x => x.NodePath).HasMaxLength(200);
        b.HasOne(x => x.Node).WithMany().HasForeignKey(x => x.NodeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.Status, x.NodePath });
    }
}
