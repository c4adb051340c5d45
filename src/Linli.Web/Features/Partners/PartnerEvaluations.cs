using Linli.Web.Data;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Partners;

/// <summary>The annual evaluation: residents rate what they used, staff score the partner, and a summary per year.</summary>
public sealed class PartnerEvaluations(LinliDb db, PartnerAccess access, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>
    /// A resident rates an offer, once a year. An event counts as used only with a seat at it, once it has begun; a
    /// service is rated on the resident's word.
    /// </summary>
    public async Task RateAsync(int offerId, RateRequest request, CancellationToken cancellationToken)
    {
        var me = currentUser.Id ?? throw PartnerRules.Forbidden("offerId", "sign in to rate");
        if (request.Stars is not (>= 1 and <= 5))
        {
            throw new DomainRuleException("stars", "stars is a whole number from 1 to 5");
        }

        var offer = await db.PartnerOffers.AsNoTracking().Where(o => o.Id == offerId && !o.Withdrawn)
            .Select(o => new { o.PartnerId, o.StartsAt, Suspended = o.Partner!.Status == PartnerStatus.Suspended }).SingleOrDefaultAsync(cancellationToken);
        if (offer is null || offer.Suspended)
        {
            throw PartnerRules.NotFound("offerId", $"open offer {offerId}");
        }

        var now = clock.GetUtcNow();
        if (offer.StartsAt is { } starts && (starts > now || !await db.OfferSignups.AnyAsync(s => s.OfferId == offerId && s.UserId == me, cancellationToken)))
        {
            throw PartnerRules.Conflict("offerId", "rate an event you signed up for, once it has begun");
        }

        var year = PartnerRules.YearOf(now);
        if (await db.PartnerRatings.AnyAsync(r => r.OfferId == offerId && r.UserId == me && r.Year == year, cancellationToken))
        {
            throw PartnerRules.Conflict("offerId", $"you have already rated this offer in {year}");
        }

        db.PartnerRatings.Add(new PartnerRating { OfferId = offerId, PartnerId = offer.PartnerId, UserId = me, Year = year, Stars = request.Stars.Value, RatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw PartnerRules.Conflict("offerId", $"you have already rated this offer in {year}");
        }
    }

    /// <summary>A staff member scores the partner for a year (0–100, with a note); scoring the same year again replaces their score.</summary>
    public async Task ScoreAsync(int partnerId, ScoreRequest request, CancellationToken cancellationToken)
    {
        await access.EnsureCanSeeAsync(partnerId, cancellationToken);
        var thisYear = PartnerRules.YearOf(clock.GetUtcNow());
        if (request.Year is not { } year || year < 2000 || year > thisYear)
        {
            throw new DomainRuleException("year", $"year is from 2000 to {thisYear}");
        }

        if (request.Score is not (>= 0 and <= 100))
        {
            throw new DomainRuleException("score", "score is a whole number from 0 to 100");
        }

        var note = PartnerRules.Text("note", request.Note, 2000, required: false);
        var me = currentUser.Id!.Value;
        var score = await db.PartnerScores.SingleOrDefaultAsync(s => s.PartnerId == partnerId && s.Year == year && s.ScoredByUserId == me, cancellationToken);
        if (score is null)
        {
            score = new PartnerScore { PartnerId = partnerId, Year = year, ScoredByUserId = me };
            db.PartnerScores.Add(score);
        }

        score.Score = request.Score.Value;
        score.Note = note;
        score.ScoredByName = currentUser.Name;
        score.ScoredAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<EvaluationSummary> SummaryAsync(int partnerId, int? year, CancellationToken cancellationToken)
    {
        await access.EnsureCanSeeAsync(partnerId, cancellationToken);
        var thisYear = PartnerRules.YearOf(clock.GetUtcNow());
        var y = year ?? thisYear;
        if (y < 2000 || y > thisYear)
        {
            throw new DomainRuleException("year", $"year is from 2000 to {thisYear}");
        }

        var ratings = await db.PartnerRatings.AsNoTracking().Where(r => r.PartnerId == partnerId && r.Year == y).Select(r => new { r.OfferId, r.Stars }).ToListAsync(cancellationToken);
        var offers = await db.PartnerOffers.AsNoTracking().Where(o => o.PartnerId == partnerId).OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.Title, o.StartsAt, o.Taken }).ToListAsync(cancellationToken);
        var scores = await db.PartnerScores.AsNoTracking().Where(s => s.PartnerId == partnerId && s.Year == y).OrderBy(s => s.ScoredAt)
            .Select(s => new ScoreDto(s.Score, s.Note, s.ScoredByName, s.ScoredAt)).ToListAsync(cancellationToken);
        var status = await db.Partners.AsNoTracking().Where(p => p.Id == partnerId).Select(p => new { p.Status, p.SuspensionReason }).SingleAsync(cancellationToken);
        var events = offers.Where(o => o.StartsAt is { } s && PartnerRules.YearOf(s) == y).ToList();
        return new EvaluationSummary(
            partnerId, y, ratings.Count, Average(ratings.Select(r => r.Stars)),
            ratings.Count == 0 ? null : Math.Round((double)ratings.Count(r => r.Stars >= 4) / ratings.Count, 3),
            [.. offers.Select(o => new OfferEvaluation(o.Id, o.Title, ratings.Count(r => r.OfferId == o.Id), Average(ratings.Where(r => r.OfferId == o.Id).Select(r => r.Stars))))],
            scores, Average(scores.Select(s => s.Score)), events.Count, events.Sum(e => e.Taken), status.Status.ToString(), status.SuspensionReason);
    }

    private static double? Average(IEnumerable<int> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : Math.Round(list.Average(), 2);
    }
}
