using Linli.Web.Features.Negotiations;
using Linli.Web.Features.Partners;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration.Authorization;

/// <summary>What the partner and negotiation calls of the matrix need: records at the target, written straight to the database.</summary>
public static class MatrixPartners
{
    /// <summary>A new partner serving exactly the target, so only roles over the target manage it (the demo partner staff do not).</summary>
    public static async Task<int> PartnerServingAsync(this MatrixWorld world, Place place, bool suspended = false) => await world.App.WithDbAsync(async db =>
    {
        var partner = new PartnerOrganisation
        {
            Name = $"合伙人 {world.Next()}", Type = PartnerType.Commercial, Status = suspended ? PartnerStatus.Suspended : PartnerStatus.Active,
            SuspensionReason = suspended ? "matrix" : null, Areas = [new PartnerArea { NodeId = place.Id }],
        };
        db.Partners.Add(partner);
        await db.SaveChangesAsync();
        return partner.Id;
    });

    /// <summary>A new offer of a new partner serving the target: an event a week ahead with room, or a service.</summary>
    public static async Task<int> OfferAtAsync(this MatrixWorld world, Place place, bool isEvent = true)
    {
        var partnerId = await world.PartnerServingAsync(place);
        return await world.App.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var offer = new PartnerOffer
            {
                PartnerId = partnerId, Kind = isEvent ? OfferKind.FreeScreening : OfferKind.LegalAdvice, Title = "matrix", CreatedAt = now,
                StartsAt = isEvent ? now.AddDays(7) : null, EndsAt = isEvent ? now.AddDays(7).AddHours(2) : null, Capacity = isEvent ? 50 : null,
                CommunityNodeId = isEvent ? place.Id : null, Place = "活动室",
            };
            db.PartnerOffers.Add(offer);
            await db.SaveChangesAsync();
            return offer.Id;
        });
    }

    /// <summary>A negotiation at the target with two named groups and a proposal; agreed when asked, so tasks may be filed.</summary>
    public static async Task<MatrixNegotiation> NegotiationAtAsync(this MatrixWorld world, Place place, bool agreed = false) => await world.App.WithDbAsync(async db =>
    {
        var negotiation = new Negotiation
        {
            NodeId = place.Id, NodePath = place.Path, Title = "道路协商", CreatedAt = DateTimeOffset.UtcNow,
            State = agreed ? NegotiationState.Agreed : NegotiationState.Open,
            Parties = [new NegotiationParty { GroupName = "市场商户" }, new NegotiationParty { GroupName = "小区业主" }],
            Proposals = [new NegotiationProposal { Title = "方案", Text = "错峰使用", CreatedAt = DateTimeOffset.UtcNow }],
        };
        db.Negotiations.Add(negotiation);
        await db.SaveChangesAsync();
        return new MatrixNegotiation(negotiation.Id, negotiation.Parties[0].Id, negotiation.Parties[1].Id, negotiation.Proposals[0].Id);
    });

    /// <summary>A building inside the target, or the one above it when the target lies below a building.</summary>
    public static async Task<string> BuildingAtAsync(this MatrixWorld world, Place place) => await world.App.WithDbAsync(db =>
        db.Nodes.Where(n => n.Kind == NodeKind.Building && (n.Path.StartsWith(place.Path) || place.Path.StartsWith(n.Path)))
            .OrderBy(n => n.Code).Select(n => n.Code).FirstAsync());
}

public sealed record MatrixNegotiation(int Id, int FirstPartyId, int SecondPartyId, int ProposalId);
