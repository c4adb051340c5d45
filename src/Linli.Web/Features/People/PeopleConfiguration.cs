using Linli.Web.Features.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.People;

internal sealed class LinliUserConfiguration : IEntityTypeConfiguration<LinliUser>
{
    public void Configure(EntityTypeBuilder<LinliUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(100);
        user.HasIndex(u => u.PhoneNumber);
    }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> assignment)
    {
        assignment.ToTable("role_assignments");
        assignment.HasIndex(a => a.UserId);
        assignment.HasIndex(a => a.NodeId);
        assignment.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        assignment.HasOne(a => a.Node).WithMany().HasForeignKey(a => a.NodeId).OnDelete(DeleteBehavior.Restrict);
        assignment.HasOne(a => a.Department).WithMany().HasForeignKey(a => a.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        assignment.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(a => a.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> consent)
    {
        consent.ToTable("consents");
        consent.HasIndex(c => c.UserId);
        consent.Property(c => c.Purpose).HasMaxLength(60);
        consent.Property(c => c.TextVersion).HasMaxLength(40);
        consent.HasOne<LinliUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HouseholdLinkConfiguration : IEntityTypeConfiguration<HouseholdLink>
{
    public void Configure(EntityTypeBuilder<HouseholdLink> link)
    {
        link.ToTable("household_links");
        link.HasIndex(l => l.UserId).IsUnique();
        link.HasIndex(l => l.UnitNodeId);
        link.HasOne(l => l.User).WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne(l => l.Unit).WithMany().HasForeignKey(l => l.UnitNodeId).OnDelete(DeleteBehavior.Restrict);
        link.HasOne<ConsentRecord>().WithMany().HasForeignKey(l => l.ConsentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OneTimeCodeConfiguration : IEntityTypeConfiguration<OneTimeCode>
{
    public void Configure(EntityTypeBuilder<OneTimeCode> code)
    {
        code.ToTable("one_time_codes");
        code.HasIndex(c => c.Destination);
        code.Property(c => c.Destination).HasMaxLength(256);
        code.Property(c => c.CodeHash).HasMaxLength(128);
    }
}
