namespace Linli.Web.Features.Volunteers;

public static class VolunteersServices
{
    public static IServiceCollection AddVolunteersFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VolunteersOptions>().Bind(configuration.GetSection(VolunteersOptions.Section))
            .Validate(o => o.UrbanTarget >= 0 && o.RuralTarget >= 0 && o.BadgeHours.All(h => h > 0), "Volunteers: targets are 0 or more and badge hours positive")
            .ValidateOnStart();
        services.AddScoped<VolunteerAccess>();
        services.AddScoped<Associations>();
        services.AddScoped<Membership>();
        services.AddScoped<Activities>();
        services.AddScoped<Shifts>();
        services.AddScoped<Recognition>();
        services.AddScoped<Targets>();
        return services;
    }
}
