using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.AntiFraud.Stats;

/// <summary>An anti-fraud awareness event in a community (a free film screening, a talk): when, where, how many came. No attendee list.</summary>
public sealed class AwarenessEvent
{
    public int Id { get; set; }
    public int CommunityNodeId { get; set; }
    public required string CommunityPath { get; set; }
    public required string Title { get; set; }
    public DateOnly Date { get; set; }
    public required string Place { get; set; }
    public int Attendance { get; set; }
    public Guid? RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class AwarenessEventConfiguration : IEntityTypeConfiguration<AwarenessEvent>
{
    public void Configure(EntityTypeBuilder<AwarenessEvent> a)
    {
        a.ToTable("antifraud_awareness_events");
        a.HasIndex(x => x.CommunityPath).HasOperators("text_pattern_ops");
        a.HasIndex(x => x.Date);
        a.Property(x => x.CommunityPath).HasMaxLength(200);
        a.Property(x => x.Title).HasMaxLength(200);
        a.Property(x => x.Place).HasMaxLength(200);
        a.HasOne<TreeNode>().WithMany().HasForeignKey(x => x.CommunityNodeId).OnDelete(DeleteBehavior.Cascade);
    }
}
