using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Departments;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> department)
    {
        department.ToTable("departments");
        department.HasIndex(d => d.Code).IsUnique();
        department.Property(d => d.Code).HasMaxLength(40);
        department.Property(d => d.Name).HasMaxLength(100);
        department.Property(d => d.NameEn).HasMaxLength(100);
        department.HasMany(d => d.Areas).WithOne().HasForeignKey(a => a.DepartmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DepartmentAreaConfiguration : IEntityTypeConfiguration<DepartmentArea>
{
    public void Configure(EntityTypeBuilder<DepartmentArea> area)
    {
        area.ToTable("department_areas");
        area.HasKey(a => new { a.DepartmentId, a.NodeId });
        area.HasOne(a => a.Node).WithMany().HasForeignKey(a => a.NodeId).OnDelete(DeleteBehavior.Restrict);
    }
}
