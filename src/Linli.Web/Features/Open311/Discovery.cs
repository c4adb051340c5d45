using Linli.Web.Features.Open311.Wire;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Open311;

public sealed record Discovery(string Changeset, string Contact, string KeyService, IReadOnlyList<DiscoveryEndpoint> Endpoints);

public sealed record DiscoveryEndpoint(string Specification, string Url, string Changeset, string Type, IReadOnlyList<string> Formats);

/// <summary>Open311 service discovery: where the GeoReport v2 endpoint is, which formats it speaks and how to get a key.</summary>
public static class DiscoveryDocument
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    public static Open311Result Get(string format, HttpRequest request, IOptions<Open311Options> options)
    {
        var o = options.Value;
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{Open311Api.Prefix}";
        var endpoint = new DiscoveryEndpoint(Specification, url, o.Changeset, o.EndpointType,
            [Open311Formats.MediaType(Open311Format.Xml), Open311Formats.MediaType(Open311Format.Json)]);
        return new Open311Result(new Discovery(o.Changeset, o.Contact, o.KeyService, [endpoint]), "discovery", Open311Formats.Parse(format));
    }
}
