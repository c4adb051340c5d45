namespace Linli.Web.Features.Campaigns;

public static class CampaignsServices
{
    public static IServiceCollection AddCampaignsFeature(this IServiceCollection services)
    {
        services.AddScoped<CampaignLauncher>();
        services.AddScoped<CampaignCommands>();
        services.AddScoped<CampaignQueries>();
        services.AddScoped<CampaignProgress>();
        services.AddScoped<CampaignTaskWork>();
        services.AddScoped<TaskCases>();
        return services;
    }
}
