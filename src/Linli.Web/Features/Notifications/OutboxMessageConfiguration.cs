using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Notifications;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> m)
    {
        m.ToTable("outbox_messages");
        m.HasIndex(x => new { x.SentAt, x.NextAttemptAt });
        m.HasOne(x => x.Case).WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.SetNull);

        // Most messages are not about a case; leaving them out of the index spares a million-row broadcast a million entries.
        m.HasIndex(x => x.CaseId).HasFilter("\"CaseId\" IS NOT NULL");
        m.Property(x => x.Recipient).HasMaxLength(254);
        m.Property(x => x.Subject).HasMaxLength(200);
        m.Property(x => x.Body).HasMaxLength(8000);
        m.Property(x => x.LastError).HasMaxLength(1000);
        m.Property(x => x.LockedBy).HasMaxLength(100);
        m.Property(x => x.Link).HasMaxLength(500);
        m.HasIndex(x => new { x.UserId, x.Channel });
        m.Property(x => x.AudiencePath).HasMaxLength(200);

        // No foreign key to broadcasts: its per-row check cost a million-recipient enqueue about 3 s (docs/benchmarks.md),
        // and broadcasts are never deleted. The one INSERT … SELECT that writes these rows takes the id it has just stored.
        m.HasIndex(x => x.BroadcastId);
    }
}
