namespace Linli.Web.Features.People;

public static class StaffApi
{
    public static RouteGroupBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/v1/staff").WithTags("Staff").RequireAuthorization();
        staff.MapPost("/", StaffAccounts.CreateAsync);
        staff.MapPost("/{userId:guid}/roles", StaffAccounts.GrantAsync);
        staff.MapDelete("/roles/{assignmentId:int}", StaffAccounts.RevokeAsync);
        return staff;
    }
}
