using Linli.Web.Features.People;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.OfficerAppraisal;

internal sealed class OfficerVoteConfiguration : IEntityTypeConfiguration<OfficerVote>
{
    public void Configure(EntityTypeBuilder<OfficerVote> vote)
    {
        vote.ToTable("officer_votes");
        vote.Property(v => v.NodePath).HasMaxLength(200);
        vote.HasOne<TreeNode>().WithMany().HasForeignKey(v => v.NodeId).OnDelete(DeleteBehavior.Restrict);
        vote.HasIndex(v => new { v.NodeId, v.Year }).IsUnique();
        vote.HasMany(v => v.Candidates).WithOne().HasForeignKey(c => c.VoteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OfficerVoteCandidateConfiguration : IEntityTypeConfiguration<OfficerVoteCandidate>
{
    public void Configure(EntityTypeBuilder<OfficerVoteCandidate> candidate)
    {
        candidate.ToTable("officer_vote_candidates");
        candidate.HasIndex(c => new { c.VoteId, c.OfficerUserId }).IsUnique();
        candidate.HasOne<LinliUser>().WithMany().HasForeignKey(c => c.OfficerUserId).OnDelete(DeleteBehavior.Cascade);
        candidate.HasOne<TreeNode>().WithMany().HasForeignKey(c => c.CommunityNodeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OfficerVoteCastConfiguration : IEntityTypeConfiguration<OfficerVoteCast>
{
    public void Configure(EntityTypeBuilder<OfficerVoteCast> cast)
    {
        cast.ToTable("officer_votes_cast");
        cast.HasKey(c => new { c.VoteId, c.VoterUserId });
        cast.HasOne<OfficerVote>().WithMany().HasForeignKey(c => c.VoteId).OnDelete(DeleteBehavior.Cascade);
    }
}
