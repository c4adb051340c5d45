using Linli.Web.Features.People;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Mediation;

internal sealed class MediationConfiguration : IEntityTypeConfiguration<MediationCase>
{
    public void Configure(EntityTypeBuilder<MediationCase> mediation)
    {
        mediation.ToTable("mediations");
        mediation.Property(m => m.NodePath).HasMaxLength(200);
        mediation.Property(m => m.Summary).HasMaxLength(1000);
        mediation.Property(m => m.AgreementText).HasMaxLength(10_000);
        mediation.Property(m => m.FollowUpNote).HasMaxLength(2000);
        mediation.HasOne<TreeNode>().WithMany().HasForeignKey(m => m.NodeId).OnDelete(DeleteBehavior.Restrict);
        mediation.HasIndex(m => m.NodePath);
        mediation.HasIndex(m => m.OutcomeAt);
        mediation.HasMany(m => m.Parties).WithOne().HasForeignKey(p => p.MediationId).OnDelete(DeleteBehavior.Cascade);
        mediation.HasMany(m => m.Mediators).WithOne().HasForeignKey(p => p.MediationId).OnDelete(DeleteBehavior.Cascade);
        mediation.HasMany(m => m.Sessions).WithOne().HasForeignKey(p => p.MediationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MediationPartyConfiguration : IEntityTypeConfiguration<MediationParty>
{
    public void Configure(EntityTypeBuilder<MediationParty> party)
    {
        party.ToTable("mediation_parties");
        party.Property(p => p.ContactName).HasMaxLength(100);
        party.Property(p => p.ContactPhone).HasMaxLength(32);
        party.HasOne<TreeNode>().WithMany().HasForeignKey(p => p.UnitNodeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MediationMediatorConfiguration : IEntityTypeConfiguration<MediationMediator>
{
    public void Configure(EntityTypeBuilder<MediationMediator> mediator)
    {
        mediator.ToTable("mediation_mediators");
        mediator.HasIndex(m => new { m.MediationId, m.UserId }).IsUnique();
        mediator.HasIndex(m => m.UserId);
        mediator.HasOne<LinliUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MediationSessionConfiguration : IEntityTypeConfiguration<MediationSession>
{
    public void Configure(EntityTypeBuilder<MediationSession> session)
    {
        session.ToTable("mediation_sessions");
        session.Property(s => s.Place).HasMaxLength(200);
        session.Property(s => s.Notes).HasMaxLength(10_000);
    }
}
