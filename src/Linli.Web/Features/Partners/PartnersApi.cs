using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Web.Features.Partners;

/// <summary>
/// Community partners: the public directory, calendar and partner pages; residents' sign-ups and ratings; and the staff
/// registry (partners, agreement, suspension, offers, scores). Every refusal is ProblemDetails naming the field
/// (<see cref="DomainRuleException"/>), with nothing stored.
/// </summary>
public static class PartnersApi
{
    public static RouteGroupBuilder MapPartnersApi(this IEndpointRouteBuilder app)
    {
        var partners = app.MapGroup("/api/v1/partners").WithTags("Partners");

        partners.MapGet("/directory", (string? community, PartnerDirectory directory, CancellationToken ct) => Ok(directory.ForCommunityAsync(community, ct)));
        partners.MapGet("/calendar", (string? community, string? month, PartnerDirectory directory, CancellationToken ct) => Ok(directory.CalendarAsync(community, month, ct)));
        partners.MapGet("/calendar.ics", async (string? community, PartnerDirectory directory, CancellationToken ct) =>
            TypedResults.Text(await directory.ICalendarAsync(community, ct), "text/calendar; charset=utf-8"));
        partners.MapGet("/{id:int}/public", (int id, PartnerDirectory directory, CancellationToken ct) => Ok(directory.PartnerAsync(id, ct)));
        partners.MapGet("/agreements", (PartnerRegistry registry, CancellationToken ct) => Ok(registry.AgreementsAsync(ct)));

        partners.MapPost("/offers/{offerId:int}/signups", (int offerId, PartnerOffers offers, CancellationToken ct) => Ok(offers.SignUpAsync(offerId, ct))).RequireAuthorization();
        partners.MapDelete("/offers/{offerId:int}/signups", (int offerId, PartnerOffers offers, CancellationToken ct) => Ok(offers.CancelAsync(offerId, ct))).RequireAuthorization();
        partners.MapPost("/offers/{offerId:int}/ratings", async (int offerId, RateRequest body, PartnerEvaluations evaluations, CancellationToken ct) =>
        {
            await evaluations.RateAsync(offerId, body, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization();

        var staff = partners.MapGroup("").RequireAuthorization();
        staff.MapGet("/", (PartnerRegistry registry, CancellationToken ct) => Ok(registry.ListAsync(ct)));
        staff.MapPost("/", async (SavePartnerRequest body, PartnerRegistry registry, CancellationToken ct) =>
        {
            var id = await registry.CreateAsync(body, ct);
            return TypedResults.Created($"/api/v1/partners/{id}", await registry.DetailAsync(id, ct));
        });
        staff.MapGet("/{id:int}", (int id, PartnerRegistry registry, CancellationToken ct) => Ok(registry.DetailAsync(id, ct)));
        staff.MapPut("/{id:int}", async (int id, SavePartnerRequest body, PartnerRegistry registry, CancellationToken ct) =>
        {
            await registry.UpdateAsync(id, body, ct);
            return TypedResults.Ok(await registry.DetailAsync(id, ct));
        });
        staff.MapPost("/{id:int}/suspend", async (int id, SuspendRequest body, PartnerRegistry registry, CancellationToken ct) =>
        {
            await registry.SuspendAsync(id, body, ct);
            return TypedResults.Ok(await registry.DetailAsync(id, ct));
        });
        staff.MapPost("/{id:int}/reinstate", async (int id, PartnerRegistry registry, CancellationToken ct) =>
        {
            await registry.ReinstateAsync(id, ct);
            return TypedResults.Ok(await registry.DetailAsync(id, ct));
        });
        staff.MapPost("/{id:int}/signatures", async (int id, SignAgreementRequest body, PartnerRegistry registry, CancellationToken ct) =>
        {
            await registry.SignAsync(id, body, ct);
            return TypedResults.Ok(await registry.DetailAsync(id, ct));
        });
        staff.MapPost("/agreements", async (PublishAgreementRequest body, PartnerRegistry registry, CancellationToken ct) =>
        {
            var text = await registry.PublishAgreementAsync(body, ct);
            return TypedResults.Created("/api/v1/partners/agreements", text);
        });
        staff.MapPost("/{id:int}/offers", async (int id, SaveOfferRequest body, PartnerOffers offers, CancellationToken ct) =>
        {
            var offer = await offers.CreateAsync(id, body, ct);
            return TypedResults.Created($"/api/v1/partners/{id}/public", offer);
        });
        staff.MapPut("/offers/{offerId:int}", (int offerId, SaveOfferRequest body, PartnerOffers offers, CancellationToken ct) => Ok(offers.UpdateAsync(offerId, body, ct)));
        staff.MapPost("/{id:int}/scores", async (int id, ScoreRequest body, PartnerEvaluations evaluations, CancellationToken ct) =>
        {
            await evaluations.ScoreAsync(id, body, ct);
            return TypedResults.NoContent();
        });
        staff.MapGet("/{id:int}/evaluation", (int id, int? year, PartnerEvaluations evaluations, CancellationToken ct) => Ok(evaluations.SummaryAsync(id, year, ct)));
        return partners;
    }

    private static async Task<Ok<T>> Ok<T>(Task<T> answer) => TypedResults.Ok(await answer);
}
