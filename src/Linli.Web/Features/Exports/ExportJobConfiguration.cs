using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Exports;

internal sealed class ExportJobConfiguration : IEntityTypeConfiguration<ExportJob>
{
    public void Configure(EntityTypeBuilder<ExportJob> j)
    {
        j.ToTable("export_jobs");
        j.Property(x => x.NodeCode).HasMaxLength(40);
        j.Property(x => x.NodePath).HasMaxLength(400);
        j.Property(x => x.CategoryCode).HasMaxLength(60);
        j.Property(x => x.ClaimedBy).HasMaxLength(100);
        j.Property(x => x.Error).HasMaxLength(400);
        j.HasIndex(x => new { x.CreatedBy, x.CreatedAt });
        j.HasIndex(x => new { x.Status, x.CreatedAt });
        j.HasIndex(x => x.ExpiresAt);
    }
}

internal sealed class ExportChunkConfiguration : IEntityTypeConfiguration<ExportChunk>
{
    public void Configure(EntityTypeBuilder<ExportChunk> c)
    {
        c.ToTable("export_chunks");
        c.HasKey(x => new { x.JobId, x.Index });
        c.HasOne<ExportJob>().WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
