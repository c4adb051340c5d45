using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Web.Features.Negotiations;

/// <summary>Negotiations (协商) for staff who run them at a node of their subtree; every answer is the negotiation as it now stands.</summary>
public static class NegotiationsApi
{
    public static RouteGroupBuilder MapNegotiationsApi(this IEndpointRouteBuilder app)
    {
        var negotiations = app.MapGroup("/api/v1/negotiations").WithTags("Negotiations").RequireAuthorization();
        negotiations.MapGet("/", async (NegotiationWork work, CancellationToken ct) => TypedResults.Ok(await work.ListAsync(ct)));
        negotiations.MapPost("/", async (OpenNegotiationRequest body, NegotiationWork work, CancellationToken ct) =>
        {
            var id = await work.OpenAsync(body, ct);
            return TypedResults.Created($"/api/v1/negotiations/{id}", await work.DetailAsync(id, ct));
        });
        negotiations.MapGet("/{id:int}", (int id, NegotiationWork work, CancellationToken ct) => Now(work, id, Task.CompletedTask, ct));
        negotiations.MapPost("/{id:int}/parties", (int id, PartyRequest body, NegotiationWork work, CancellationToken ct) => Now(work, id, work.AddPartyAsync(id, body, ct), ct));
        negotiations.MapPost("/{id:int}/meetings", (int id, MeetingRequest body, NegotiationWork work, CancellationToken ct) => Now(work, id, work.AddMeetingAsync(id, body, ct), ct));
        negotiations.MapPost("/{id:int}/proposals", (int id, ProposalRequest body, NegotiationWork work, CancellationToken ct) => Now(work, id, work.AddProposalAsync(id, body, ct), ct));
        negotiations.MapPut("/{id:int}/proposals/{proposalId:int}/positions/{partyId:int}", (int id, int proposalId, int partyId, PositionRequest body, NegotiationWork work, CancellationToken ct) =>
            Now(work, id, work.SetPositionAsync(id, proposalId, partyId, body, ct), ct));
        negotiations.MapPost("/{id:int}/agreement", (int id, AgreementRequest body, NegotiationWork work, CancellationToken ct) => Now(work, id, work.RecordAgreementAsync(id, body, ct), ct));
        negotiations.MapPost("/{id:int}/tasks", (int id, TaskRequest body, NegotiationWork work, CancellationToken ct) => Now(work, id, work.AddTaskAsync(id, body, ct), ct));
        return negotiations;
    }

    private static async Task<Ok<NegotiationDto>> Now(NegotiationWork work, int id, Task change, CancellationToken ct)
    {
        await change;
        return TypedResults.Ok(await work.DetailAsync(id, ct));
    }
}
