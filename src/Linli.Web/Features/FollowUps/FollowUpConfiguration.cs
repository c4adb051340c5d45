using Linli.Web.Features.Departments;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.FollowUps;

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> followUp)
    {
        followUp.ToTable("follow_ups");
        followUp.Property(f => f.RecipientKey).HasMaxLength(60);
        followUp.Property(f => f.TokenHash).HasMaxLength(64);
        followUp.Property(f => f.AreaPath).HasMaxLength(200);
        followUp.Property(f => f.Comment).HasMaxLength(500);
        followUp.HasIndex(f => new { f.Source, f.ItemId, f.RecipientKey }).IsUnique();
        followUp.HasIndex(f => f.TokenHash).IsUnique();
        followUp.HasIndex(f => new { f.AreaPath, f.SentAt });
        followUp.HasIndex(f => new { f.OfficerUserId, f.AnsweredAt });
        followUp.HasOne<Department>().WithMany().HasForeignKey(f => f.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        followUp.HasOne<TreeNode>().WithMany().HasForeignKey(f => f.UnitNodeId).OnDelete(DeleteBehavior.Restrict);
    }
}
