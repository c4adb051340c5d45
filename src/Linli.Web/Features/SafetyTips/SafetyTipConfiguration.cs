using Linli.Web.Features.Cases;
using Linli.Web.Features.Departments;
using Linli.Web.Features.Tree;
using Linli.Web.Features.Volunteers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.SafetyTips;

internal sealed class SafetyTipConfiguration : IEntityTypeConfiguration<SafetyTip>
{
    public void Configure(EntityTypeBuilder<SafetyTip> t)
    {
        t.ToTable("safety_tips");
        t.HasIndex(x => x.PlacePath).HasOperators("text_pattern_ops");
        t.HasIndex(x => x.ReceiptHash).IsUnique();
        t.HasIndex(x => x.SubmittedAt);
        t.Property(x => x.What).HasMaxLength(TipLimits.What);
        t.Property(x => x.WhereNote).HasMaxLength(TipLimits.WhereNote);
        t.Property(x => x.OutcomeNote).HasMaxLength(TipLimits.Note);
        t.Property(x => x.PlacePath).HasMaxLength(200);
        t.Property(x => x.ReceiptHash).HasMaxLength(64);
        t.Property(x => x.Version).IsConcurrencyToken();
        t.HasOne(x => x.Place).WithMany().HasForeignKey(x => x.PlaceNodeId).OnDelete(DeleteBehavior.Restrict);
        t.HasOne<TreeNode>().WithMany().HasForeignKey(x => x.CommunityNodeId).OnDelete(DeleteBehavior.Restrict);
        t.HasOne<TreeNode>().WithMany().HasForeignKey(x => x.DistrictNodeId).OnDelete(DeleteBehavior.Restrict);
        t.HasOne<Department>().WithMany().HasForeignKey(x => x.StationDepartmentId).OnDelete(DeleteBehavior.SetNull);
        t.HasOne<VolunteerAssociation>().WithMany().HasForeignKey(x => x.VolunteerAssociationId).OnDelete(DeleteBehavior.SetNull);
        t.HasOne<Case>().WithMany().HasForeignKey(x => x.LinkedCaseId).OnDelete(DeleteBehavior.SetNull);
        t.HasMany(x => x.Messages).WithOne().HasForeignKey(m => m.TipId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SafetyTipMessageConfiguration : IEntityTypeConfiguration<SafetyTipMessage>
{
    public void Configure(EntityTypeBuilder<SafetyTipMessage> m)
    {
        m.ToTable("safety_tip_messages");
        m.HasIndex(x => new { x.TipId, x.At });
        m.Property(x => x.Text).HasMaxLength(TipLimits.Message);
    }
}

internal sealed class SafetyTipTallyConfiguration : IEntityTypeConfiguration<SafetyTipTally>
{
    public void Configure(EntityTypeBuilder<SafetyTipTally> t)
    {
        t.ToTable("safety_tip_tallies");
        t.HasKey(x => new { x.Month, x.DistrictNodeId, x.AssociationId });
        t.Property(x => x.Month).HasMaxLength(7);
    }
}

/// <summary>The lengths the forms allow, shared by the checks and the columns.</summary>
public static class TipLimits
{
    public const int What = 2000;
    public const int WhereNote = 200;
    public const int Message = 1000;
    public const int Note = 500;

    /// <summary>How far back a tip may be about: older events are a matter for a visit to the station.</summary>
    public const int MaxDaysAgo = 366;
}
