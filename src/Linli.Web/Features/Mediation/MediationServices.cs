namespace Linli.Web.Features.Mediation;

public static class MediationServices
{
    public static IServiceCollection AddMediationFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MediationOptions>().Bind(configuration.GetSection(MediationOptions.Section))
            .Validate(o => o.FollowUpDays is >= 1 and <= 365, "Mediation:FollowUpDays must be from 1 to 365").ValidateOnStart();
        services.AddScoped<MediationAccess>();
        services.AddScoped<MediationWork>();
        services.AddScoped<MediationQueries>();
        services.AddScoped<MediationStats>();
        return services;
    }
}
