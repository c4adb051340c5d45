using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Notifications;

/// <summary>Who a broadcast reaches under its node.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<BroadcastAudience>))]
public enum BroadcastAudience
{
    /// <summary>Residents with a household under the node who opted in to broadcasts.</summary>
    Residents,
    GridChiefs,
    BuildingChiefs,
    UnitChiefs,
}

/// <summary>A notice sent to everyone of an audience under one node of the tree; each message carries an acknowledgement link.</summary>
public sealed class Broadcast
{
    public long Id { get; set; }
    public int NodeId { get; set; }
    public Tree.TreeNode? Node { get; set; }
    public required string NodePath { get; set; }
    public BroadcastAudience Audience { get; set; }
    public required string Text { get; set; }
    public bool Urgent { get; set; }

    /// <summary>A WeCom group robot (by its configured name) that also gets the notice, for the chiefs' work group.</summary>
    public string? WeComRobot { get; set; }
    public Guid SentBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Recipients { get; set; }

    /// <summary>The campaign (专项行动) this is the emergency notice of, if any.</summary>
    public int? CampaignId { get; set; }

    public static readonly int MaxText = 500;
}

internal sealed class BroadcastConfiguration : IEntityTypeConfiguration<Broadcast>
{
    public void Configure(EntityTypeBuilder<Broadcast> b)
    {
        b.ToTable("broadcasts");
        b.Property(x => x.NodePath).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(Broadcast.MaxText);
        b.Property(x => x.WeComRobot).HasMaxLength(60);
        b.HasOne(x => x.Node).WithMany().HasForeignKey(x => x.NodeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.NodePath, x.CreatedAt });
        b.HasOne<Campaigns.Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.CampaignId);
    }
}
