using Linli.Web.Features.Open311.Keys;
using Linli.Web.Features.Open311.Requests;
using Linli.Web.Features.Open311.Services;
using Linli.Web.Features.Open311.Wire;

namespace Linli.Web.Features.Open311;

/// <summary>Open311 GeoReport v2 at /open311/v2 (every resource in .json and .xml), and the native API that manages its keys.</summary>
public static class Open311Api
{
    public const string Prefix = "/open311/v2";

    private const string Format = "{format:" + Open311Formats.RouteConstraint + "}";

    public static RouteGroupBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        var open311 = app.MapGroup(Prefix).WithTags("Open311");
        open311.MapGet($"/discovery.{Format}", DiscoveryDocument.Get);
        open311.MapGet($"/services.{Format}", ServiceCatalogue.ListAsync);
        open311.MapGet($"/services/{{serviceCode}}.{Format}", ServiceCatalogue.DefinitionAsync);
        open311.MapPost($"/requests.{Format}", PostServiceRequest.HandleAsync).DisableAntiforgery();
        open311.MapGet($"/requests.{Format}", ServiceRequestQueries.ListAsync);
        open311.MapGet($"/requests/{{id}}.{Format}", ServiceRequestQueries.GetAsync);
        open311.MapGet($"/tokens/{{token}}.{Format}", ServiceRequestQueries.TokenAsync);

        // Anything else under the prefix (an unknown resource or format) answers in Open311's error format, not with a page.
        open311.MapFallback("{**path}", (string? path) => Open311Errors.NotFound(Open311Format.Json,
            $"No Open311 resource at {Prefix}/{path}. Resources are discovery, services, services/{{service_code}}, requests, " +
            "requests/{service_request_id} and tokens/{token}, each ending in .json or .xml.")).ExcludeFromDescription();

        app.MapOpen311KeysApi();
        return open311;
    }
}
