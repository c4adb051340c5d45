namespace Linli.Web.Infrastructure.Operations;

/// <summary>
/// The reverse proxies (nginx) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> Linli believes. Empty (the
/// default): the headers are ignored, so nobody can pick the address the rate limits count by sending one.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the proxies, e.g. <c>127.0.0.1</c> when nginx runs on the same machine.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies live in, in CIDR form, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool Enabled => KnownProxies.Length > 0 || KnownNetworks.Length > 0;
}
