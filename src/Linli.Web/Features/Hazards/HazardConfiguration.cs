using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Hazards;

internal sealed class HazardConfiguration : IEntityTypeConfiguration<Hazard>
{
    public void Configure(EntityTypeBuilder<Hazard> h)
    {
        h.ToTable("hazards");
        h.HasIndex(x => x.NodePath).HasOperators("text_pattern_ops");
        h.HasIndex(x => new { x.State, x.Deadline });
        h.HasIndex(x => x.FoundAt);
        h.HasIndex(x => x.EliminatedAt);
        h.Property(x => x.Description).HasMaxLength(HazardLimits.Text);
        h.Property(x => x.NodePath).HasMaxLength(200);
        h.Property(x => x.Address).HasMaxLength(HazardLimits.Address);
        h.Property(x => x.FoundByName).HasMaxLength(100);
        h.Property(x => x.ResponsibleParty).HasMaxLength(HazardLimits.Party);
        h.Property(x => x.Version).IsConcurrencyToken();
        h.Ignore(x => x.IsOpen);
        h.HasOne(x => x.Node).WithMany().HasForeignKey(x => x.NodeId).OnDelete(DeleteBehavior.Restrict);
        h.HasOne(x => x.ResponsiblePartner).WithMany().HasForeignKey(x => x.ResponsiblePartnerId).OnDelete(DeleteBehavior.SetNull);
        h.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.HazardId).OnDelete(DeleteBehavior.Cascade);
        h.HasMany(x => x.Photos).WithOne().HasForeignKey(p => p.HazardId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HazardEventConfiguration : IEntityTypeConfiguration<HazardEvent>
{
    public void Configure(EntityTypeBuilder<HazardEvent> e)
    {
        e.ToTable("hazard_events");
        e.HasIndex(x => new { x.HazardId, x.At });
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.Property(x => x.Note).HasMaxLength(HazardLimits.Text);
    }
}

internal sealed class HazardPhotoConfiguration : IEntityTypeConfiguration<HazardPhoto>
{
    public void Configure(EntityTypeBuilder<HazardPhoto> p)
    {
        p.ToTable("hazard_photos");
        p.HasIndex(x => x.HazardId);
        p.Property(x => x.ContentType).HasMaxLength(50);
    }
}

/// <summary>The lengths the forms allow, shared by the checks and the columns.</summary>
public static class HazardLimits
{
    public const int Text = 1000;
    public const int Address = 200;
    public const int Party = 200;
}
