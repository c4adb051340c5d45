namespace Linli.Web.Features.Dashboards;

public static class DashboardsServices
{
    public static IServiceCollection AddDashboardsFeature(this IServiceCollection services)
    {
        services.AddScoped<DashboardSections>();
        services.AddScoped<DashboardQueries>();
        return services;
    }
}
