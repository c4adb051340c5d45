namespace Linli.Web.Features.Policing;

public static class PolicingServices
{
    public static IServiceCollection AddPolicingFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PolicingOptions>().Bind(configuration.GetSection(PolicingOptions.Section))
            .Validate(o => o.HalfDaysPerWeekTarget is >= 1 and <= 14 && o.LogWindowDays is >= 0 and <= 90,
                "Policing: the weekly target is 1 to 14 half-days and the log window 0 to 90 days")
            .ValidateOnStart();
        services.AddScoped<PolicingAccess>();
        services.AddScoped<HalfDays>();
        services.AddScoped<ConcernCases>();
        services.AddScoped<PolicingFigures>();
        return services;
    }
}
