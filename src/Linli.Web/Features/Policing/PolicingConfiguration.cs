using Linli.Web.Features.Cases;
using Linli.Web.Features.Partners;
using Linli.Web.Features.People;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Policing;

internal sealed class PolicingHalfDayConfiguration : IEntityTypeConfiguration<PolicingHalfDay>
{
    public void Configure(EntityTypeBuilder<PolicingHalfDay> halfDay)
    {
        halfDay.ToTable("policing_half_days");
        halfDay.Property(h => h.CommunityPath).HasMaxLength(200);
        halfDay.HasIndex(h => new { h.OfficerUserId, h.Date, h.Period }).IsUnique();
        halfDay.HasIndex(h => new { h.CommunityPath, h.Date });
        halfDay.HasOne<LinliUser>().WithMany().HasForeignKey(h => h.OfficerUserId).OnDelete(DeleteBehavior.Restrict);
        halfDay.HasOne<TreeNode>().WithMany().HasForeignKey(h => h.CommunityNodeId).OnDelete(DeleteBehavior.Restrict);
        halfDay.HasMany(h => h.Patrols).WithOne().HasForeignKey(p => p.HalfDayId).OnDelete(DeleteBehavior.Cascade);
        halfDay.HasMany(h => h.Visits).WithOne(v => v.HalfDay).HasForeignKey(v => v.HalfDayId).OnDelete(DeleteBehavior.Cascade);
        halfDay.HasMany(h => h.Checks).WithOne().HasForeignKey(c => c.HalfDayId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PolicingPatrolConfiguration : IEntityTypeConfiguration<PolicingPatrol>
{
    public void Configure(EntityTypeBuilder<PolicingPatrol> patrol)
    {
        patrol.ToTable("policing_patrols");
        patrol.Property(p => p.Note).HasMaxLength(500);
    }
}

internal sealed class PolicingVisitConfiguration : IEntityTypeConfiguration<PolicingVisit>
{
    public void Configure(EntityTypeBuilder<PolicingVisit> visit)
    {
        visit.ToTable("policing_visits");
        visit.Property(v => v.OrganisationName).HasMaxLength(100);
        visit.Property(v => v.Topic).HasMaxLength(100);
        visit.Property(v => v.Advice).HasMaxLength(1000);
        visit.Property(v => v.Concern).HasMaxLength(1000);
        visit.HasOne<TreeNode>().WithMany().HasForeignKey(v => v.UnitNodeId).OnDelete(DeleteBehavior.Restrict);
        visit.HasOne<TreeNode>().WithMany().HasForeignKey(v => v.BuildingNodeId).OnDelete(DeleteBehavior.Restrict);
        visit.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(v => v.PartnerId).OnDelete(DeleteBehavior.Restrict);
        visit.HasOne<Case>().WithMany().HasForeignKey(v => v.CaseId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class FacilityCheckConfiguration : IEntityTypeConfiguration<FacilityCheck>
{
    public void Configure(EntityTypeBuilder<FacilityCheck> check)
    {
        check.ToTable("policing_facility_checks");
        check.Property(c => c.Note).HasMaxLength(500);
        check.HasOne<TreeNode>().WithMany().HasForeignKey(c => c.BuildingNodeId).OnDelete(DeleteBehavior.Restrict);
    }
}
