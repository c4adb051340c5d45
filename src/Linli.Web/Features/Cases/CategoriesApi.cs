namespace Linli.Web.Features.Cases;

public static class CategoriesApi
{
    public static RouteGroupBuilder MapCategoriesApi(this IEndpointRouteBuilder app)
    {
        var categories = app.MapGroup("/api/v1/categories").WithTags("Categories");

        // The catalogue is public: residents and Open311 clients need it to report.
        categories.MapGet("/", CategoryQueries.ListAsync);
        categories.MapGet("/{code}", CategoryQueries.GetAsync);
        categories.MapPut("/{code}", CategoryEditing.SaveAsync).RequireAuthorization();
        return categories;
    }
}
