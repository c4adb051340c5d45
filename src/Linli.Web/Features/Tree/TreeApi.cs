namespace Linli.Web.Features.Tree;

public static class TreeApi
{
    public static RouteGroupBuilder MapTreeApi(this IEndpointRouteBuilder app)
    {
        var tree = app.MapGroup("/api/v1/tree").WithTags("Tree");

        // The tree holds no personal data, so reading it is public.
        tree.MapGet("/", TreeQueries.GetRootsAsync);
        tree.MapGet("/nodes/{code}", TreeQueries.GetNodeAsync);
        tree.MapGet("/nodes/{code}/children", TreeQueries.GetChildrenAsync);
        tree.MapGet("/nodes/{code}/map", TreeQueries.GetMapAsync);
        tree.MapGet("/locate", Locate.HandleAsync);
        tree.MapGet("/export", TreeExport.HandleAsync);

        var staff = tree.MapGroup("/").RequireAuthorization();
        staff.MapGet("/nodes/{code}/people", PeopleInRoles.HandleAsync);
        staff.MapPost("/nodes", TreeEditing.CreateAsync);
        staff.MapPut("/nodes/{code}", TreeEditing.UpdateAsync);
        staff.MapDelete("/nodes/{code}", TreeEditing.DeleteAsync);
        staff.MapPost("/import", TreeImportEndpoint.HandleAsync).DisableAntiforgery();
        return tree;
    }
}
