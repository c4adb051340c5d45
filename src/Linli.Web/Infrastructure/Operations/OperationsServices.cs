using System.Net;
using Linli.Web.Data;
using Linli.Web.Features.Channels;
using Linli.Web.Infrastructure.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Linli.Web.Infrastructure.Operations;

/// <summary>
/// What lets several instances run side by side and be watched: one Data Protection key ring in the database, the
/// shared cache versions, the proxy's forwarded headers, health checks, metrics and (when an OTLP endpoint is set)
/// OpenTelemetry export.
/// </summary>
public static class OperationsServices
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddLinliOperations(this IServiceCollection services, IConfiguration configuration)
    {
        // Cookies, antiforgery tokens and protected payloads made by one instance must open on every other one.
        services.AddDataProtection().SetApplicationName("Linli").PersistKeysToDbContext<LinliDb>();
        services.AddSingleton<SharedVersions>();
        services.AddSingleton<LinliMetrics>();

        var proxies = configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in proxies.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        var health = services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        if (ChannelsServices.RedisConfiguration(configuration) is { } redis)
        {
            services.AddSingleton(new RedisHealthCheck(redis));
            health.AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag]);
        }

        AddOpenTelemetry(services, configuration);
        return services;
    }

    /// <summary>Believes X-Forwarded-For/Proto from the configured proxies only; first in the pipeline.</summary>
    public static void UseLinliForwardedHeaders(this WebApplication app)
    {
        var proxies = app.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        if (proxies.Enabled)
        {
            app.UseForwardedHeaders();
        }
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers (restart it if not). <c>/health/ready</c>: the database (and Redis when
    /// configured) answer (take it out of the proxy's rotation if not). <c>/health</c> is kept as before: every check.
    /// </summary>
    public static void MapLinliHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
    }

    /// <summary>
    /// Traces and metrics are collected only when there is somewhere to send them (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>,
    /// plus the other standard <c>OTEL_*</c> variables); otherwise the instrumentation costs nothing.
    /// </summary>
    private static void AddOpenTelemetry(IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? "linli"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("System.Runtime")
                .AddNpgsqlInstrumentation()
                .AddMeter(LinliMetrics.MeterName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .UseOtlpExporter();
    }
}
