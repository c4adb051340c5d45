using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> c)
    {
        c.ToTable("cases");
        c.HasIndex(x => x.Receipt).IsUnique();
        c.HasIndex(x => x.ClientRequestKey).IsUnique();
        c.HasIndex(x => x.Open311Token).IsUnique();
        c.HasIndex(x => x.GridPath).HasOperators("text_pattern_ops");
        c.HasIndex(x => new { x.State, x.RespondBy });
        c.HasIndex(x => new { x.State, x.ResolveBy });
        c.HasIndex(x => new { x.CategoryId, x.Latitude });
        c.HasIndex(x => x.ReportedAt);

        // The rates read today's limits that have not passed yet by these (RollupReads.PendingAsync).
        c.HasIndex(x => x.RespondBy);
        c.HasIndex(x => x.ResolveBy);
        c.HasIndex(x => x.AssignedDepartmentId);
        c.HasIndex(x => x.ReporterUserId);
        c.Property(x => x.Receipt).HasMaxLength(20);
        c.Property(x => x.Description).HasMaxLength(4000);
        c.Property(x => x.Address).HasMaxLength(200);
        c.Property(x => x.GridPath).HasMaxLength(200);
        c.Property(x => x.BuildingCode).HasMaxLength(40);
        c.Property(x => x.ReporterName).HasMaxLength(100);
        c.Property(x => x.ReporterEmail).HasMaxLength(254);
        c.Property(x => x.ReporterPhone).HasMaxLength(30);
        c.Property(x => x.RatingComment).HasMaxLength(1000);
        c.Property(x => x.ClientRequestKey).HasMaxLength(64);
        c.Property(x => x.RequestFingerprint).HasMaxLength(64);
        c.Property(x => x.Open311Token).HasMaxLength(40);
        c.Property(x => x.Open311ApiKeyName).HasMaxLength(100);
        c.Property(x => x.Version).IsConcurrencyToken();
        c.HasOne(x => x.Category).WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        c.HasOne(x => x.GridNode).WithMany().HasForeignKey(x => x.GridNodeId).OnDelete(DeleteBehavior.Restrict);
        c.HasOne(x => x.AssignedNode).WithMany().HasForeignKey(x => x.AssignedNodeId).OnDelete(DeleteBehavior.Restrict);
        c.HasOne(x => x.AssignedDepartment).WithMany().HasForeignKey(x => x.AssignedDepartmentId).OnDelete(DeleteBehavior.Restrict);
        c.HasOne<Case>().WithMany().HasForeignKey(x => x.DuplicateOfId).OnDelete(DeleteBehavior.Restrict);
        c.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        c.HasMany(x => x.Photos).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        c.HasMany(x => x.Followers).WithOne().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
        c.Ignore(x => x.IsOpen);
        c.OwnsMany(x => x.Answers, a => a.ToJson());
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> e)
    {
        e.ToTable("case_events");
        e.HasIndex(x => new { x.CaseId, x.At });
        e.HasIndex(x => new { x.Kind, x.At });
        e.HasIndex(x => new { x.CaseId, x.ClientRequestKey }).IsUnique();
        e.Property(x => x.ActorRole).HasMaxLength(200);
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.Property(x => x.Note).HasMaxLength(4000);
        e.Property(x => x.EscalatedTo).HasMaxLength(100);
        e.Property(x => x.ClientRequestKey).HasMaxLength(64);
    }
}

internal sealed class CasePhotoConfiguration : IEntityTypeConfiguration<CasePhoto>
{
    public void Configure(EntityTypeBuilder<CasePhoto> p)
    {
        p.ToTable("case_photos");
        p.HasIndex(x => x.CaseId);
        p.Property(x => x.ContentType).HasMaxLength(40);
    }
}

internal sealed class CaseFollowerConfiguration : IEntityTypeConfiguration<CaseFollower>
{
    public void Configure(EntityTypeBuilder<CaseFollower> f)
    {
        f.ToTable("case_followers");
        f.HasIndex(x => x.CaseId);
        f.HasIndex(x => x.UserId);
        f.Property(x => x.Email).HasMaxLength(254);
    }
}
