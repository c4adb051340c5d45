using Linli.Web.Features.Cases;
using Linli.Web.Features.People;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Volunteers;

internal sealed class VolunteerAssociationConfiguration : IEntityTypeConfiguration<VolunteerAssociation>
{
    public void Configure(EntityTypeBuilder<VolunteerAssociation> association)
    {
        association.ToTable("volunteer_associations");
        association.Property(a => a.Name).HasMaxLength(100);
        association.Property(a => a.Motto).HasMaxLength(200);
        association.Property(a => a.CommunityPath).HasMaxLength(200);
        association.HasIndex(a => a.CommunityNodeId);
        association.HasIndex(a => a.CommunityPath);
        association.HasOne<TreeNode>().WithMany().HasForeignKey(a => a.CommunityNodeId).OnDelete(DeleteBehavior.Restrict);
        association.HasOne<LinliUser>().WithMany().HasForeignKey(a => a.LeaderUserId).OnDelete(DeleteBehavior.SetNull);

        // A case a volunteer filed counts for the association; only the case's handlers know who filed it.
        association.HasMany<Case>().WithOne().HasForeignKey(c => c.VolunteerAssociationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommunityVolunteerTargetConfiguration : IEntityTypeConfiguration<CommunityVolunteerTarget>
{
    public void Configure(EntityTypeBuilder<CommunityVolunteerTarget> target)
    {
        target.ToTable("community_volunteer_targets");
        target.HasKey(t => t.CommunityNodeId);
        target.HasOne<TreeNode>().WithMany().HasForeignKey(t => t.CommunityNodeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VolunteerMembershipConfiguration : IEntityTypeConfiguration<VolunteerMembership>
{
    public void Configure(EntityTypeBuilder<VolunteerMembership> membership)
    {
        membership.ToTable("volunteer_memberships");
        membership.Property(m => m.Skills).HasMaxLength(200);
        membership.Property(m => m.Availability).HasMaxLength(200);
        membership.HasIndex(m => new { m.AssociationId, m.UserId }).IsUnique();
        membership.HasIndex(m => m.UserId);
        membership.HasOne<VolunteerAssociation>().WithMany().HasForeignKey(m => m.AssociationId).OnDelete(DeleteBehavior.Cascade);
        membership.HasOne<LinliUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        membership.HasOne<ConsentRecord>().WithMany().HasForeignKey(m => m.ConsentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VolunteerActivityConfiguration : IEntityTypeConfiguration<VolunteerActivity>
{
    public void Configure(EntityTypeBuilder<VolunteerActivity> activity)
    {
        activity.ToTable("volunteer_activities");
        activity.Property(a => a.Title).HasMaxLength(100);
        activity.Property(a => a.Place).HasMaxLength(200);
        activity.Property(a => a.CheckInCode).HasMaxLength(40);
        activity.HasIndex(a => new { a.AssociationId, a.StartsAt });
        activity.HasOne<VolunteerAssociation>().WithMany().HasForeignKey(a => a.AssociationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ShiftSignupConfiguration : IEntityTypeConfiguration<ShiftSignup>
{
    public void Configure(EntityTypeBuilder<ShiftSignup> signup)
    {
        signup.ToTable("volunteer_shift_signups");
        signup.Property(s => s.DeclineReason).HasMaxLength(500);
        signup.HasIndex(s => new { s.ActivityId, s.UserId }).IsUnique();
        signup.HasIndex(s => s.UserId);
        signup.HasOne<VolunteerActivity>().WithMany().HasForeignKey(s => s.ActivityId).OnDelete(DeleteBehavior.Cascade);
        signup.HasOne<LinliUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VolunteerNominationConfiguration : IEntityTypeConfiguration<VolunteerNomination>
{
    public void Configure(EntityTypeBuilder<VolunteerNomination> nomination)
    {
        nomination.ToTable("volunteer_nominations");
        nomination.Property(n => n.Reason).HasMaxLength(500);
        nomination.HasIndex(n => new { n.CommunityNodeId, n.Year, n.NomineeUserId }).IsUnique();
        nomination.HasOne<TreeNode>().WithMany().HasForeignKey(n => n.CommunityNodeId).OnDelete(DeleteBehavior.Cascade);
        nomination.HasOne<LinliUser>().WithMany().HasForeignKey(n => n.NomineeUserId).OnDelete(DeleteBehavior.Cascade);
        nomination.HasOne<LinliUser>().WithMany().HasForeignKey(n => n.NominatedByUserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VolunteerVoteCastConfiguration : IEntityTypeConfiguration<VolunteerVoteCast>
{
    public void Configure(EntityTypeBuilder<VolunteerVoteCast> cast)
    {
        cast.ToTable("volunteer_votes_cast");
        cast.HasKey(c => new { c.CommunityNodeId, c.Year, c.VoterUserId });
        cast.HasOne<TreeNode>().WithMany().HasForeignKey(c => c.CommunityNodeId).OnDelete(DeleteBehavior.Cascade);
        cast.HasOne<LinliUser>().WithMany().HasForeignKey(c => c.VoterUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
