using Linli.Web.Features.Partners;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.AntiFraud.Alliance;

/// <summary>
/// A partner organisation (a bank branch, a property company, a courier) in the anti-fraud alliance of one community:
/// its staff may raise fraud-risk alerts there. Kept apart from the partner registry, which it only points to.
/// </summary>
public sealed class AllianceMembership
{
    public int Id { get; set; }
    public int PartnerId { get; set; }
    public PartnerOrganisation? Partner { get; set; }
    public int CommunityNodeId { get; set; }
    public TreeNode? Community { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
    public Guid? AddedBy { get; set; }
}

internal sealed class AllianceMembershipConfiguration : IEntityTypeConfiguration<AllianceMembership>
{
    public void Configure(EntityTypeBuilder<AllianceMembership> m)
    {
        m.ToTable("antifraud_alliance_members");
        m.HasIndex(x => new { x.PartnerId, x.CommunityNodeId }).IsUnique();
        m.HasIndex(x => x.CommunityNodeId);
        m.HasOne(x => x.Partner).WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Cascade);
        m.HasOne(x => x.Community).WithMany().HasForeignKey(x => x.CommunityNodeId).OnDelete(DeleteBehavior.Cascade);
    }
}
