using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Partners;

internal sealed class PartnerOrganisationConfiguration : IEntityTypeConfiguration<PartnerOrganisation>
{
    public void Configure(EntityTypeBuilder<PartnerOrganisation> partner)
    {
        partner.ToTable("partners");
        partner.Property(p => p.Name).HasMaxLength(200);
        partner.Property(p => p.NameEn).HasMaxLength(200);
        partner.Property(p => p.Subtype).HasMaxLength(100);
        partner.Property(p => p.Description).HasMaxLength(2000);
        partner.Property(p => p.SuspensionReason).HasMaxLength(500);

        // Partners registered before the registry existed are active.
        partner.Property(p => p.Status).HasDefaultValue(PartnerStatus.Active).HasSentinel((PartnerStatus)(-1));
        partner.HasMany(p => p.Contacts).WithOne().HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Cascade);
        partner.HasMany(p => p.Areas).WithOne().HasForeignKey(a => a.PartnerId).OnDelete(DeleteBehavior.Cascade);
        partner.HasMany(p => p.Signatures).WithOne().HasForeignKey(s => s.PartnerId).OnDelete(DeleteBehavior.Cascade);
        partner.HasMany(p => p.Offers).WithOne(o => o.Partner).HasForeignKey(o => o.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PartnerContactConfiguration : IEntityTypeConfiguration<PartnerContact>
{
    public void Configure(EntityTypeBuilder<PartnerContact> contact)
    {
        contact.ToTable("partner_contacts");
        contact.Property(c => c.Name).HasMaxLength(100);
        contact.Property(c => c.Contact).HasMaxLength(200);
    }
}

internal sealed class PartnerAreaConfiguration : IEntityTypeConfiguration<PartnerArea>
{
    public void Configure(EntityTypeBuilder<PartnerArea> area)
    {
        area.ToTable("partner_areas");
        area.HasKey(a => new { a.PartnerId, a.NodeId });
        area.HasOne(a => a.Node).WithMany().HasForeignKey(a => a.NodeId).OnDelete(DeleteBehavior.Cascade);
        area.HasIndex(a => a.NodeId);
    }
}

internal sealed class PartnerAgreementTextConfiguration : IEntityTypeConfiguration<PartnerAgreementText>
{
    public void Configure(EntityTypeBuilder<PartnerAgreementText> text)
    {
        text.ToTable("partner_agreement_texts");
        text.HasIndex(t => t.Version).IsUnique();
        text.Property(t => t.Text).HasMaxLength(20_000);
        text.Property(t => t.TextEn).HasMaxLength(20_000);
    }
}

internal sealed class PartnerSignatureConfiguration : IEntityTypeConfiguration<PartnerSignature>
{
    public void Configure(EntityTypeBuilder<PartnerSignature> signature)
    {
        signature.ToTable("partner_signatures");
        signature.Property(s => s.SignedBy).HasMaxLength(100);
    }
}

internal sealed class PartnerOfferConfiguration : IEntityTypeConfiguration<PartnerOffer>
{
    public void Configure(EntityTypeBuilder<PartnerOffer> offer)
    {
        offer.ToTable("partner_offers");
        offer.Property(o => o.Title).HasMaxLength(200);
        offer.Property(o => o.Description).HasMaxLength(2000);
        offer.Property(o => o.AidPeriod).HasMaxLength(100);
        offer.Property(o => o.Place).HasMaxLength(200);
        offer.Property(o => o.AidAmount).HasPrecision(12, 2);
        offer.Ignore(o => o.IsEvent);
        offer.HasOne<Tree.TreeNode>().WithMany().HasForeignKey(o => o.CommunityNodeId).OnDelete(DeleteBehavior.Restrict);
        offer.HasIndex(o => new { o.CommunityNodeId, o.StartsAt });
    }
}

internal sealed class OfferSignupConfiguration : IEntityTypeConfiguration<OfferSignup>
{
    public void Configure(EntityTypeBuilder<OfferSignup> signup)
    {
        signup.ToTable("partner_offer_signups");
        signup.HasOne<PartnerOffer>().WithMany().HasForeignKey(s => s.OfferId).OnDelete(DeleteBehavior.Cascade);
        signup.HasIndex(s => new { s.OfferId, s.UserId }).IsUnique();
        signup.HasIndex(s => s.UserId);
    }
}

internal sealed class PartnerRatingConfiguration : IEntityTypeConfiguration<PartnerRating>
{
    public void Configure(EntityTypeBuilder<PartnerRating> rating)
    {
        rating.ToTable("partner_ratings");
        rating.HasOne<PartnerOffer>().WithMany().HasForeignKey(r => r.OfferId).OnDelete(DeleteBehavior.Cascade);
        rating.HasIndex(r => new { r.OfferId, r.UserId, r.Year }).IsUnique();
        rating.HasIndex(r => new { r.PartnerId, r.Year });
    }
}

internal sealed class PartnerScoreConfiguration : IEntityTypeConfiguration<PartnerScore>
{
    public void Configure(EntityTypeBuilder<PartnerScore> score)
    {
        score.ToTable("partner_scores");
        score.Property(s => s.Note).HasMaxLength(2000);
        score.Property(s => s.ScoredByName).HasMaxLength(100);
        score.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(s => s.PartnerId).OnDelete(DeleteBehavior.Cascade);
        score.HasIndex(s => new { s.PartnerId, s.Year, s.ScoredByUserId }).IsUnique();
    }
}
