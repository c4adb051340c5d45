using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Campaigns;

/// <summary>One kind of work done at one building or unit during a campaign.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<CampaignTaskKind>))]
public enum CampaignTaskKind
{
    /// <summary>Per unit: screen every household (排查).</summary>
    ScreenHouseholds,

    /// <summary>Per building: disinfect the common areas (消杀).</summary>
    DisinfectCommonAreas,

    /// <summary>Per unit: check on the registered vulnerable residents (care register).</summary>
    CheckVulnerable,

    /// <summary>Per building: inspect for flooding risk (basements, drains, power rooms).</summary>
    InspectBuilding,

    /// <summary>Per unit: make sure every household has left or is accounted for.</summary>
    EvacuateUnit,
}

public enum CampaignTaskStatus
{
    Open,
    Done,
}

/// <summary>
/// A task at one building or unit, assigned when the campaign is launched to the chief who holds that node (unit chief,
/// else building chief, else grid chief). It records the place and the work, never a profile of the people living there.
/// </summary>
public sealed class CampaignTask
{
    public long Id { get; set; }
    public int CampaignId { get; set; }
    public Campaign? Campaign { get; set; }
    public CampaignTaskKind Kind { get; set; }

    /// <summary>The building or unit the task is about.</summary>
    public int NodeId { get; set; }
    public required string NodePath { get; set; }

    /// <summary>The grid above the node, denormalised so progress rolls up without walking the tree.</summary>
    public int GridId { get; set; }
    public Guid? AssigneeUserId { get; set; }
    public CampaignTaskStatus Status { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public Guid? DoneBy { get; set; }

    /// <summary>What was found, in the chief's words (no names or ID numbers; kept for the campaign's retention).</summary>
    public string? Note { get; set; }

    /// <summary>The case filed from a problem found during the task, if any.</summary>
    public long? CaseId { get; set; }

    public const int MaxNote = 500;

    /// <summary>Whether doing the task needs the care register entries of its unit (and so lets its chief read them).</summary>
    public static bool NeedsCareRegister(CampaignTaskKind kind) =>
        kind is CampaignTaskKind.ScreenHouseholds or CampaignTaskKind.CheckVulnerable or CampaignTaskKind.EvacuateUnit;
}

internal sealed class CampaignTaskConfiguration : IEntityTypeConfiguration<CampaignTask>
{
    public void Configure(EntityTypeBuilder<CampaignTask> b)
    {
        b.ToTable("campaign_tasks");
        b.Property(x => x.NodePath).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(CampaignTask.MaxNote);
        b.HasOne(x => x.Campaign).WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CampaignId, x.GridId, x.Status });
        b.HasIndex(x => new { x.AssigneeUserId, x.Status });
        b.HasIndex(x => new { x.NodeId, x.Status });
    }
}
