using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Cases;

internal sealed class CaseCategoryConfiguration : IEntityTypeConfiguration<CaseCategory>
{
    public void Configure(EntityTypeBuilder<CaseCategory> category)
    {
        category.ToTable("case_categories");
        category.HasIndex(c => c.Code).IsUnique();
        category.Property(c => c.Code).HasMaxLength(40);
        category.Property(c => c.Name).HasMaxLength(100);
        category.Property(c => c.NameEn).HasMaxLength(100);
        category.Property(c => c.Group).HasMaxLength(60);
        category.Property(c => c.Description).HasMaxLength(1000);
        category.HasOne(c => c.HandlerDepartment).WithMany().HasForeignKey(c => c.HandlerDepartmentId).OnDelete(DeleteBehavior.Restrict);

        // The questions travel with their category and are always read whole, so they are one JSON column.
        category.OwnsMany(c => c.Attributes, attribute =>
        {
            attribute.ToJson();
            attribute.OwnsMany(a => a.Values);
        });
    }
}
