using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.AntiFraud.Orders;

internal sealed class DissuasionOrderConfiguration : IEntityTypeConfiguration<DissuasionOrder>
{
    public void Configure(EntityTypeBuilder<DissuasionOrder> o)
    {
        o.ToTable("dissuasion_orders");
        o.HasIndex(x => x.CommunityPath).HasOperators("text_pattern_ops");
        o.HasIndex(x => new { x.State, x.DueAt });
        o.HasIndex(x => new { x.CommunityNodeId, x.Phone });
        o.HasIndex(x => new { x.PartnerId, x.RaisedAt });
        o.HasIndex(x => x.RaisedAt);
        o.HasIndex(x => x.ClientRequestKey).IsUnique();
        o.Property(x => x.CommunityPath).HasMaxLength(200);
        o.Property(x => x.RaisedByName).HasMaxLength(100);
        o.Property(x => x.PersonName).HasMaxLength(AlertLimits.Name);
        o.Property(x => x.Phone).HasMaxLength(30);
        o.Property(x => x.UnitCode).HasMaxLength(40);
        o.Property(x => x.Address).HasMaxLength(AlertLimits.Address);
        o.Property(x => x.Seen).HasMaxLength(AlertLimits.Text);
        o.Property(x => x.Advice).HasMaxLength(AlertLimits.Text);
        o.Property(x => x.CloseNote).HasMaxLength(AlertLimits.Text);
        o.Property(x => x.VisitedByName).HasMaxLength(100);
        o.Property(x => x.ClosedByName).HasMaxLength(100);
        o.Property(x => x.ClientRequestKey).HasMaxLength(64);
        o.Property(x => x.Version).IsConcurrencyToken();
        o.HasOne(x => x.Partner).WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
        o.HasOne(x => x.Community).WithMany().HasForeignKey(x => x.CommunityNodeId).OnDelete(DeleteBehavior.Restrict);
        o.HasOne<TreeNode>().WithMany().HasForeignKey(x => x.UnitNodeId).OnDelete(DeleteBehavior.SetNull);
        o.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DissuasionEventConfiguration : IEntityTypeConfiguration<DissuasionEvent>
{
    public void Configure(EntityTypeBuilder<DissuasionEvent> e)
    {
        e.ToTable("dissuasion_events");
        e.HasIndex(x => new { x.OrderId, x.At });
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.Property(x => x.ActorRole).HasMaxLength(200);
        e.Property(x => x.EscalatedTo).HasMaxLength(40);
    }
}

/// <summary>The lengths the alert and visit forms allow, shared by the checks and the columns.</summary>
public static class AlertLimits
{
    public const int Name = 50;
    public const int Address = 200;
    public const int Text = 1000;

    /// <summary>A bound on amounts (yuan) that no real transaction reaches, so a slip of the finger is caught.</summary>
    public const long MaxAmount = 1_000_000_000;
}
