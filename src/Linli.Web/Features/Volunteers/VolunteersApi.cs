using Linli.Web.Features.Cases.Intake;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Web.Features.Volunteers;

/// <summary>
/// Volunteer associations and volunteering. Public reads are aggregates and brands; rosters and attendance are for the
/// association's leader and community staff only (audited), never for police roles.
/// </summary>
public static class VolunteersApi
{
    public static RouteGroupBuilder MapVolunteersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/volunteers").WithTags("Volunteers");

        api.MapGet("/associations", async (string? community, Associations a, CancellationToken ct) => TypedResults.Ok(await a.ListAsync(community, ct)));
        api.MapGet("/associations/{id:int}", GetAssociationAsync);
        api.MapGet("/associations/{id:int}/logo", LogoAsync);
        api.MapGet("/activities/{id:int}", GetActivityAsync);
        api.MapGet("/targets", async (string? node, Targets t, CancellationToken ct) => TypedResults.Ok(await t.BelowTargetAsync(node, ct)));
        api.MapGet("/figures", async (string? node, Targets t, CancellationToken ct) => TypedResults.Ok(await t.FiguresAsync(node, ct)));
        api.MapGet("/rankings", async (string? community, int? year, Recognition r, CancellationToken ct) => TypedResults.Ok(await r.RankingAsync(community, year, ct)));
        api.MapGet("/nominations", async (string? community, int? year, Recognition r, CancellationToken ct) => TypedResults.Ok(await r.NominationsAsync(community, year, ct)));

        var signedIn = api.MapGroup("").RequireAuthorization();
        signedIn.MapPost("/associations/{id:int}/members", async (int id, JoinRequest body, Membership m, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/volunteers/associations/{id}", await m.JoinAsync(id, body, ct)));
        signedIn.MapDelete("/associations/{id:int}/members/me", LeaveAsync);
        signedIn.MapPost("/activities/{id:int}/signups", async (int id, Shifts s, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/volunteers/activities/{id}", await s.SignUpAsync(id, ct)));
        signedIn.MapDelete("/activities/{id:int}/signups/me", CancelSignupAsync);
        signedIn.MapPost("/activities/{id:int}/check-in", async (int id, CheckInRequest body, Shifts s, CancellationToken ct) => TypedResults.Ok(await s.CheckInAsync(id, body.Code, ct)));
        signedIn.MapPost("/activities/{id:int}/check-out", async (int id, CheckInRequest body, Shifts s, CancellationToken ct) => TypedResults.Ok(await s.CheckOutAsync(id, body.Code, ct)));
        signedIn.MapPost("/nominations", async (NominationRequest body, Recognition r, CancellationToken ct) =>
            TypedResults.Created("/api/v1/volunteers/nominations", new { id = await r.NominateAsync(body, ct) }));
        signedIn.MapPost("/nominations/{id:int}/votes", async (int id, Recognition r, CancellationToken ct) =>
        {
            await r.VoteAsync(id, ct);
            return TypedResults.NoContent();
        });
        app.MapGet("/api/v1/me/volunteering", MineAsync).WithTags("Volunteers").RequireAuthorization();

        // The leader of the association, or community staff over it (each handler asks VolunteerAccess).
        signedIn.MapPost("/associations", async (AssociationRequest body, Associations a, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/volunteers/associations", new { id = await a.CreateAsync(body, ct) }));
        signedIn.MapPut("/associations/{id:int}", async (int id, AssociationRequest body, Associations a, CancellationToken ct) =>
        {
            await a.UpdateAsync(id, body, ct);
            return TypedResults.NoContent();
        });
        signedIn.MapPut("/associations/{id:int}/logo", SetLogoAsync).Accepts<IFormFile>("multipart/form-data").DisableAntiforgery();
        signedIn.MapGet("/associations/{id:int}/members", async (int id, Membership m, CancellationToken ct) => TypedResults.Ok(await m.RosterAsync(id, ct)));
        signedIn.MapPost("/associations/{id:int}/activities", async (int id, ActivityRequest body, Activities a, CancellationToken ct) =>
            TypedResults.Created("/api/v1/volunteers/activities", new { id = await a.CreateAsync(id, body, ct) }));
        signedIn.MapGet("/activities/{id:int}/attendance", async (int id, Activities a, CancellationToken ct) => TypedResults.Ok(await a.AttendanceAsync(id, ct)));
        signedIn.MapGet("/activities/{id:int}/check-in-code", CheckInCodeAsync);
        signedIn.MapPut("/activities/{id:int}/signups/{signupId:int}/attendance", async (int id, int signupId, AttendanceRequest body, Shifts s, CancellationToken ct) =>
        {
            await s.MarkAttendanceAsync(id, signupId, body, ct);
            return TypedResults.NoContent();
        });
        signedIn.MapPost("/activities/{id:int}/signups/{signupId:int}/hours", async (int id, int signupId, HoursRequest body, Shifts s, CancellationToken ct) =>
        {
            await s.DecideHoursAsync(id, signupId, body, ct);
            return TypedResults.NoContent();
        });
        signedIn.MapPut("/communities/{code}/target", async (string code, TargetRequest body, Targets t, CancellationToken ct) => TypedResults.Ok(await t.SetAsync(code, body.Minimum, ct)));
        return api;
    }

    private static async Task<Results<Ok<AssociationDetail>, ProblemHttpResult>> GetAssociationAsync(int id, Associations a, CancellationToken ct) =>
        await a.DetailAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : Problems.NotFound($"No volunteer association #{id}.");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> LogoAsync(int id, Associations a, CancellationToken ct) =>
        await a.LogoAsync(id, ct) is { } logo ? TypedResults.File(logo, ProcessedPhoto.ContentType) : Problems.NotFound("This association has no logo.");

    private static async Task<Results<Ok<ActivityDetail>, ProblemHttpResult>> GetActivityAsync(int id, Activities a, CancellationToken ct) =>
        await a.DetailAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : Problems.NotFound($"No volunteer activity #{id}.");

    private static async Task<Results<NoContent, ProblemHttpResult>> LeaveAsync(int id, Membership m, CancellationToken ct) =>
        await m.LeaveAsync(id, ct) ? TypedResults.NoContent() : Problems.NotFound("You are not a member of this association.");

    private static async Task<Results<NoContent, ProblemHttpResult>> CancelSignupAsync(int id, Shifts s, CancellationToken ct) =>
        await s.CancelAsync(id, ct) ? TypedResults.NoContent() : Problems.NotFound("You are not signed up for this shift.");

    private static async Task<NoContent> SetLogoAsync(int id, HttpRequest request, Associations a, CancellationToken ct)
    {
        IncomingPhoto? logo = null;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.GetFile("logo") is { } file)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                logo = new IncomingPhoto(file.FileName, file.ContentType, buffer.ToArray());
            }
        }

        await a.SetLogoAsync(id, logo, ct);
        return TypedResults.NoContent();
    }

    /// <summary>The QR code the leader shows on their phone: the address of the check-in page with the shift's secret.</summary>
    private static async Task<ContentHttpResult> CheckInCodeAsync(int id, HttpRequest request, Activities a, CancellationToken ct)
    {
        var (activity, _) = await a.ForManagerAsync(id, ct);
        var url = $"{request.Scheme}://{request.Host}{CheckInCodes.Path(activity.Id, activity.CheckInCode)}";
        return TypedResults.Content(CheckInCodes.Svg(url), "image/svg+xml");
    }

    private static async Task<Ok<MyVolunteering>> MineAsync(VolunteerAccess access, Membership m, Shifts s, Recognition r, CancellationToken ct)
    {
        var userId = access.RequireUser();
        var hours = await r.ApprovedHoursAsync(userId, ct);
        return TypedResults.Ok(new MyVolunteering(await m.MineAsync(userId, ct), await s.MineAsync(userId, ct), Math.Round(hours, 1), r.Badges(hours)));
    }
}
