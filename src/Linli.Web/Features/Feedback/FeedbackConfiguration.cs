using Linli.Web.Features.Departments;
using Linli.Web.Features.People;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Feedback;

public sealed class FeedbackPostConfiguration : IEntityTypeConfiguration<FeedbackPost>
{
    public void Configure(EntityTypeBuilder<FeedbackPost> builder)
    {
        builder.ToTable("FeedbackPosts");
        builder.Property(p => p.UnitPath).HasMaxLength(400);
        builder.Property(p => p.Title).HasMaxLength(FeedbackLimits.Title);
        builder.Property(p => p.Text).HasMaxLength(FeedbackLimits.Text);
        builder.Property(p => p.ShownName).HasMaxLength(FeedbackLimits.ShownName);
        builder.Property(p => p.HiddenReason).HasMaxLength(FeedbackLimits.Reason);
        builder.HasOne<TreeNode>().WithMany().HasForeignKey(p => p.UnitNodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(p => p.UnitDepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TreeNode>().WithMany().HasForeignKey(p => p.PlaceNodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LinliUser>().WithMany().HasForeignKey(p => p.AuthorUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Replies).WithOne().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Followers).WithOne().HasForeignKey(f => f.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.UnitNodeId, p.PostedAt });
        builder.HasIndex(p => new { p.UnitDepartmentId, p.PostedAt });
        builder.HasIndex(p => new { p.AuthorUserId, p.PostedAt });
        builder.HasIndex(p => p.UnitPath);
    }
}

public sealed class FeedbackReplyConfiguration : IEntityTypeConfiguration<FeedbackReply>
{
    public void Configure(EntityTypeBuilder<FeedbackReply> builder)
    {
        builder.ToTable("FeedbackReplies");
        builder.Property(r => r.Text).HasMaxLength(FeedbackLimits.Reply);
        builder.HasIndex(r => new { r.PostId, r.At });
    }
}

public sealed class FeedbackFollowerConfiguration : IEntityTypeConfiguration<FeedbackFollower>
{
    public void Configure(EntityTypeBuilder<FeedbackFollower> builder)
    {
        builder.ToTable("FeedbackFollowers");
        builder.HasKey(f => new { f.PostId, f.UserId });
        builder.HasOne<LinliUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class FeedbackFlagConfiguration : IEntityTypeConfiguration<FeedbackFlag>
{
    public void Configure(EntityTypeBuilder<FeedbackFlag> builder)
    {
        builder.ToTable("FeedbackFlags");
        builder.HasKey(f => new { f.PostId, f.UserId });
        builder.HasOne<FeedbackPost>().WithMany().HasForeignKey(f => f.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<LinliUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class FeedbackCommitmentConfiguration : IEntityTypeConfiguration<FeedbackCommitment>
{
    public void Configure(EntityTypeBuilder<FeedbackCommitment> builder)
    {
        builder.ToTable("FeedbackCommitments");
        builder.Property(c => c.UnitPath).HasMaxLength(400);
        builder.Property(c => c.What).HasMaxLength(FeedbackLimits.What);
        builder.HasOne<FeedbackPost>().WithOne().HasForeignKey<FeedbackCommitment>(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.PostId).IsUnique();
        builder.HasIndex(c => new { c.UnitNodeId, c.DueOn });
        builder.HasIndex(c => new { c.UnitDepartmentId, c.DueOn });
        builder.HasMany(c => c.Progress).WithOne().HasForeignKey(p => p.CommitmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class FeedbackProgressConfiguration : IEntityTypeConfiguration<FeedbackProgress>
{
    public void Configure(EntityTypeBuilder<FeedbackProgress> builder)
    {
        builder.ToTable("FeedbackProgress");
        builder.Property(p => p.Text).HasMaxLength(FeedbackLimits.Progress);
        builder.HasIndex(p => new { p.CommitmentId, p.At });
    }
}
