namespace Linli.Web.Features.OpenData;

public static class OpenDataServices
{
    public static IServiceCollection AddOpenDataFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OpenDataOptions>().Bind(configuration.GetSection(OpenDataOptions.Section))
            .Validate(o => o.SuppressBelow >= 1 && o.CacheSeconds >= 0, "OpenData:SuppressBelow must be at least 1 and CacheSeconds not negative")
            .ValidateOnStart();
        return services;
    }
}
