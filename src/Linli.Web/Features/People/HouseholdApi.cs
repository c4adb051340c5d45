namespace Linli.Web.Features.People;

public static class HouseholdApi
{
    public static RouteGroupBuilder MapHouseholdApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/consents", () => TypedResults.Ok(Consents.Current)).WithTags("Residents");

        var me = app.MapGroup("/api/v1/me").WithTags("Residents").RequireAuthorization();
        me.MapPut("/household", Households.LinkAsync);
        me.MapDelete("/household", Households.WithdrawAsync);
        me.MapGet("/consents", Households.ConsentHistoryAsync);
        me.MapGet("/access-log", Households.AccessLogAsync);

        var staff = app.MapGroup("/api/v1").WithTags("Residents").RequireAuthorization();
        staff.MapGet("/tree/nodes/{code}/households", ResidentRecords.ListAsync);
        staff.MapGet("/residents/{id:guid}", ResidentRecords.GetAsync);
        return me;
    }
}
