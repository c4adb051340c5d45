namespace Linli.Web.Features.Hazards;

public static class HazardsServices
{
    public static IServiceCollection AddHazardsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HazardsOptions>().Bind(configuration.GetSection(HazardsOptions.Section))
            .Validate(o => o.GeneralDeadlineDays > 0 && o.MajorDeadlineDays > 0, "Hazards: the default deadlines by severity must be positive.")
            .Validate(o => o.MaxDeadlineDays >= Math.Max(o.GeneralDeadlineDays, o.MajorDeadlineDays), "Hazards:MaxDeadlineDays must cover the default deadlines.")
            .ValidateOnStart();
        services.AddScoped<HazardAccess>();
        services.AddScoped<HazardPlaces>();
        services.AddScoped<HazardDeadlines>();
        services.AddScoped<HazardRecording>();
        services.AddScoped<HazardWorkflow>();
        services.AddScoped<HazardQueries>();
        services.AddScoped<HazardStats>();
        services.AddScoped<HazardSummary>();
        return services;
    }
}
