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
        m.Property(x => x.Recipient).HasMaxLength(254);
        m.Property(x => x.Subject).HasMaxLength(200);
        m.Property(x => x.Body).HasMaxLength(8000);
        m.Property(x => x.LastError).HasMaxLength(1000);
        m.Property(x => x.LockedBy).HasMaxLength(100);
        m.Property(x => x.Link).HasMaxLength(500);
        m.HasIndex(x => new { x.UserId, x.Channel });
        m.Property(x => x.AudiencePath).HasMaxLength(200);
        m.HasIndex(x => x.BroadcastId);
        m.HasOne<Broadcast>().WithMany().HasForeignKey(x => x.BroadcastId).OnDelete(DeleteBehavior.Cascade);
    }
}
