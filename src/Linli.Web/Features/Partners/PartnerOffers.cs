using Linli.Web.Data;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Partners;

/// <summary>A partner's services and events, and residents' sign-ups for events (capacity enforced by one conditional update).</summary>
public sealed class PartnerOffers(LinliDb db, PartnerAccess access, CurrentUser currentUser, TimeProvider clock)
{
    private const int MaxCapacity = 100_000;

    public static IQueryable<OfferDto> OffersOf(LinliDb db, int partnerId) =>
        Project(db, db.PartnerOffers.AsNoTracking().Where(o => o.PartnerId == partnerId).OrderBy(o => o.StartsAt).ThenBy(o => o.Id));

    public static IQueryable<OfferDto> Project(LinliDb db, IQueryable<PartnerOffer> offers) =>
        offers.Select(o => new OfferDto(o.Id, o.PartnerId, o.Kind.ToString(), o.Title, o.Description, o.AidAmount, o.AidPeriod, o.StartsAt != null,
            o.StartsAt, o.EndsAt, o.Place, db.Nodes.Where(n => n.Id == o.CommunityNodeId).Select(n => n.Code).FirstOrDefault(),
            o.Capacity, o.Taken, o.Capacity == null ? null : o.Capacity - o.Taken, o.Withdrawn));

    public async Task<OfferDto> CreateAsync(int partnerId, SaveOfferRequest request, CancellationToken cancellationToken)
    {
        await access.EnsureCanEditOffersAsync(partnerId, cancellationToken);
        var offer = new PartnerOffer { PartnerId = partnerId, Title = "", CreatedAt = clock.GetUtcNow() };
        await ApplyAsync(offer, request, isNew: true, cancellationToken);
        db.PartnerOffers.Add(offer);
        await db.SaveChangesAsync(cancellationToken);
        return await Project(db, db.PartnerOffers.Where(o => o.Id == offer.Id)).SingleAsync(cancellationToken);
    }

    public async Task<OfferDto> UpdateAsync(int offerId, SaveOfferRequest request, CancellationToken cancellationToken)
    {
        var offer = await db.PartnerOffers.SingleOrDefaultAsync(o => o.Id == offerId, cancellationToken) ?? throw PartnerRules.NotFound("offerId", $"offer {offerId}");
        await access.EnsureCanEditOffersAsync(offer.PartnerId, cancellationToken);
        await ApplyAsync(offer, request, isNew: false, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await Project(db, db.PartnerOffers.Where(o => o.Id == offer.Id)).SingleAsync(cancellationToken);
    }

    /// <summary>The signed-in resident takes a seat: refused when the event is full, started, withdrawn or its partner suspended.</summary>
    public async Task<SignupResponse> SignUpAsync(int offerId, CancellationToken cancellationToken)
    {
        var me = currentUser.Id ?? throw PartnerRules.Forbidden("offerId", "sign in to sign up");
        var offer = await OpenEventAsync(offerId, cancellationToken);
        if (await db.OfferSignups.AnyAsync(s => s.OfferId == offerId && s.UserId == me, cancellationToken))
        {
            throw PartnerRules.Conflict("offerId", "you have already signed up for this event");
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var taken = await db.PartnerOffers.Where(o => o.Id == offerId && o.Taken < o.Capacity)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Taken, o => o.Taken + 1), cancellationToken);
            if (taken == 0)
            {
                throw PartnerRules.Conflict("offerId", $"this event is full: all {offer.Capacity} places are taken");
            }

            db.OfferSignups.Add(new OfferSignup { OfferId = offerId, UserId = me, SignedUpAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A double tap raced the check above; the unique index let one through and this one gives its seat back.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                throw PartnerRules.Conflict("offerId", "you have already signed up for this event");
            }

            await transaction.CommitAsync(cancellationToken);
        });

        return await SeatsAsync(offerId, me, cancellationToken);
    }

    /// <summary>The resident gives their seat back (before the event starts).</summary>
    public async Task<SignupResponse> CancelAsync(int offerId, CancellationToken cancellationToken)
    {
        var me = currentUser.Id ?? throw PartnerRules.Forbidden("offerId", "sign in to cancel");
        var offer = await db.PartnerOffers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == offerId, cancellationToken)
            ?? throw PartnerRules.NotFound("offerId", $"offer {offerId}");
        if (offer.StartsAt is { } starts && starts <= clock.GetUtcNow())
        {
            throw PartnerRules.Conflict("offerId", "the event has already started");
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var removed = await db.OfferSignups.Where(s => s.OfferId == offerId && s.UserId == me).ExecuteDeleteAsync(cancellationToken);
            if (removed == 0)
            {
                throw PartnerRules.NotFound("offerId", "your sign-up for this event");
            }

            await db.PartnerOffers.Where(o => o.Id == offerId && o.Taken > 0).ExecuteUpdateAsync(s => s.SetProperty(o => o.Taken, o => o.Taken - 1), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

        return await SeatsAsync(offerId, me, cancellationToken);
    }

    /// <summary>The ids of the offers the signed-in person holds a seat at, among <paramref name="offerIds"/>.</summary>
    public async Task<HashSet<int>> MySignupsAsync(IReadOnlyCollection<int> offerIds, CancellationToken cancellationToken) =>
        currentUser.Id is { } me
            ? [.. await db.OfferSignups.AsNoTracking().Where(s => s.UserId == me && offerIds.Contains(s.OfferId)).Select(s => s.OfferId).ToListAsync(cancellationToken)]
            : [];

    private async Task<PartnerOffer> OpenEventAsync(int offerId, CancellationToken cancellationToken)
    {
        var offer = await db.PartnerOffers.AsNoTracking().Include(o => o.Partner).SingleOrDefaultAsync(o => o.Id == offerId, cancellationToken);
        if (offer is null || offer.Withdrawn || offer.Partner!.Status == PartnerStatus.Suspended)
        {
            throw PartnerRules.NotFound("offerId", $"open offer {offerId}");
        }

        if (!offer.IsEvent)
        {
            throw PartnerRules.Conflict("offerId", "this is a service, not an event: it takes no sign-ups");
        }

        if (offer.StartsAt <= clock.GetUtcNow())
        {
            throw PartnerRules.Conflict("offerId", "the event has already started");
        }

        return offer;
    }

    private async Task<SignupResponse> SeatsAsync(int offerId, Guid me, CancellationToken cancellationToken)
    {
        var seats = await db.PartnerOffers.AsNoTracking().Where(o => o.Id == offerId)
            .Select(o => new { o.Taken, o.Capacity, Mine = db.OfferSignups.Any(s => s.OfferId == o.Id && s.UserId == me) }).SingleAsync(cancellationToken);
        return new SignupResponse(offerId, seats.Taken, seats.Capacity - seats.Taken, seats.Mine);
    }

    private async Task ApplyAsync(PartnerOffer offer, SaveOfferRequest r, bool isNew, CancellationToken cancellationToken)
    {
        offer.Kind = PartnerRules.Enum<OfferKind>("kind", r.Kind);
        offer.Title = PartnerRules.Required("title", r.Title, 200);
        offer.Description = PartnerRules.Text("description", r.Description, 2000, required: false);
        if (offer.Kind == OfferKind.StudentAid)
        {
            offer.AidAmount = r.AidAmount is > 0 and < 100_000_000 ? r.AidAmount : throw new DomainRuleException("aidAmount", "student aid needs an amount in yuan, more than 0");
            offer.AidPeriod = PartnerRules.Required("aidPeriod", r.AidPeriod, 100);
        }
        else if (r.AidAmount is not null || !string.IsNullOrWhiteSpace(r.AidPeriod))
        {
            throw new DomainRuleException(r.AidAmount is not null ? "aidAmount" : "aidPeriod", "an amount and a period are only for student aid");
        }

        var isEvent = r.StartsAt is not null || r.EndsAt is not null || r.Capacity is not null || !string.IsNullOrWhiteSpace(r.CommunityCode);
        if (!isEvent)
        {
            if (!isNew && offer.IsEvent)
            {
                throw new DomainRuleException("startsAt", "an event stays an event: give its time, place, community and capacity");
            }

            offer.Place = PartnerRules.Text("place", r.Place, 200, required: false);
            offer.Withdrawn = r.Withdrawn;
            return;
        }

        var starts = r.StartsAt?.ToUniversalTime() ?? throw new DomainRuleException("startsAt", "an event needs its start time");
        var ends = r.EndsAt?.ToUniversalTime() ?? throw new DomainRuleException("endsAt", "an event needs its end time");
        if (ends <= starts)
        {
            throw new DomainRuleException("endsAt", "the event must end after it starts");
        }

        if (isNew && starts <= clock.GetUtcNow())
        {
            throw new DomainRuleException("startsAt", "a new event must start in the future");
        }

        var capacity = r.Capacity is > 0 and <= MaxCapacity ? r.Capacity.Value : throw new DomainRuleException("capacity", $"capacity is a number of places from 1 to {MaxCapacity}");
        if (capacity < offer.Taken)
        {
            throw new DomainRuleException("capacity", $"{offer.Taken} places are already taken: capacity cannot be lower");
        }

        offer.Place = PartnerRules.Required("place", r.Place, 200);
        offer.CommunityNodeId = await CommunityAsync(offer.PartnerId, r.CommunityCode, cancellationToken);
        offer.StartsAt = starts;
        offer.EndsAt = ends;
        offer.Capacity = capacity;
        offer.Withdrawn = r.Withdrawn;
    }

    /// <summary>An event happens in one community, which the partner must serve.</summary>
    private async Task<int> CommunityAsync(int partnerId, string? code, CancellationToken cancellationToken)
    {
        var community = string.IsNullOrWhiteSpace(code)
            ? null
            : await db.Nodes.AsNoTracking().Where(n => n.Code == code.Trim() && n.Kind == NodeKind.Community).Select(n => new { n.Id, n.Path }).SingleOrDefaultAsync(cancellationToken);
        if (community is null)
        {
            throw new DomainRuleException("communityCode", "an event needs the code of the community where it happens");
        }

        var served = await db.PartnerAreas.AsNoTracking().Where(a => a.PartnerId == partnerId).Select(a => a.Node!.Path).ToListAsync(cancellationToken);
        return served.Any(path => community.Path.StartsWith(path, StringComparison.Ordinal))
            ? community.Id
            : throw new DomainRuleException("communityCode", $"the partner does not serve community {code}");
    }
}
