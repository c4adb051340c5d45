using Linli.Web.Features.Open311.Keys;
using Linli.Web.Features.Open311.Requests;

namespace Linli.Web.Features.Open311;

public static class Open311Services
{
    public static IServiceCollection AddOpen311Feature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Open311Options>().Bind(configuration.GetSection(Open311Options.Section))
            .Validate(Open311Options.IsValid, $"Open311: every ApiKeys entry needs {Open311Options.MinKeyLength}+ characters, EndpointType is production or test, TimeZone must exist.")
            .ValidateOnStart();
        services.AddSingleton<W3cDates>();
        services.AddScoped<Open311Keys>();
        services.AddScoped<Open311Intake>();
        services.AddScoped<ServiceRequestReader>();
        return services;
    }
}
