using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("audit_entries");
        entry.HasIndex(e => e.SubjectUserId);
        entry.HasIndex(e => e.ActorUserId);
        entry.HasIndex(e => e.At);
        entry.Property(e => e.RecordType).HasMaxLength(60);
        entry.Property(e => e.RecordId).HasMaxLength(100);
        entry.Property(e => e.Purpose).HasMaxLength(200);
        entry.Property(e => e.ActorName).HasMaxLength(100);
        entry.Property(e => e.ActorRole).HasMaxLength(200);
        entry.Property(e => e.NodePath).HasMaxLength(200);
    }
}
