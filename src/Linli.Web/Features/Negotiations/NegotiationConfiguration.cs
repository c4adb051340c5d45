using Linli.Web.Features.Cases;
using Linli.Web.Features.Partners;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Negotiations;

internal sealed class NegotiationConfiguration : IEntityTypeConfiguration<Negotiation>
{
    public void Configure(EntityTypeBuilder<Negotiation> negotiation)
    {
        negotiation.ToTable("negotiations");
        negotiation.Property(n => n.NodePath).HasMaxLength(200);
        negotiation.Property(n => n.Title).HasMaxLength(200);
        negotiation.Property(n => n.Description).HasMaxLength(4000);
        negotiation.Property(n => n.AgreementText).HasMaxLength(20_000);
        negotiation.HasOne<TreeNode>().WithMany().HasForeignKey(n => n.NodeId).OnDelete(DeleteBehavior.Restrict);
        negotiation.HasIndex(n => n.NodePath);
        negotiation.HasMany(n => n.Parties).WithOne().HasForeignKey(p => p.NegotiationId).OnDelete(DeleteBehavior.Cascade);
        negotiation.HasMany(n => n.Meetings).WithOne().HasForeignKey(m => m.NegotiationId).OnDelete(DeleteBehavior.Cascade);
        negotiation.HasMany(n => n.Proposals).WithOne().HasForeignKey(p => p.NegotiationId).OnDelete(DeleteBehavior.Cascade);
        negotiation.HasMany(n => n.Tasks).WithOne().HasForeignKey(t => t.NegotiationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NegotiationPartyConfiguration : IEntityTypeConfiguration<NegotiationParty>
{
    public void Configure(EntityTypeBuilder<NegotiationParty> party)
    {
        party.ToTable("negotiation_parties");
        party.Property(p => p.GroupName).HasMaxLength(200);
        party.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(p => p.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NegotiationMeetingConfiguration : IEntityTypeConfiguration<NegotiationMeeting>
{
    public void Configure(EntityTypeBuilder<NegotiationMeeting> meeting)
    {
        meeting.ToTable("negotiation_meetings");
        meeting.Property(m => m.Place).HasMaxLength(200);
        meeting.Property(m => m.Minutes).HasMaxLength(20_000);
    }
}

internal sealed class NegotiationProposalConfiguration : IEntityTypeConfiguration<NegotiationProposal>
{
    public void Configure(EntityTypeBuilder<NegotiationProposal> proposal)
    {
        proposal.ToTable("negotiation_proposals");
        proposal.Property(p => p.Title).HasMaxLength(200);
        proposal.Property(p => p.Text).HasMaxLength(20_000);
        proposal.HasMany(p => p.Positions).WithOne().HasForeignKey(p => p.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PartyPositionConfiguration : IEntityTypeConfiguration<PartyPosition>
{
    public void Configure(EntityTypeBuilder<PartyPosition> position)
    {
        position.ToTable("negotiation_positions");
        position.Property(p => p.Note).HasMaxLength(2000);
        position.HasIndex(p => new { p.ProposalId, p.PartyId }).IsUnique();
        position.HasOne<NegotiationParty>().WithMany().HasForeignKey(p => p.PartyId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class NegotiationTaskConfiguration : IEntityTypeConfiguration<NegotiationTask>
{
    public void Configure(EntityTypeBuilder<NegotiationTask> task)
    {
        task.ToTable("negotiation_tasks");
        task.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Restrict);
        task.HasIndex(t => t.CaseId).IsUnique();
    }
}
