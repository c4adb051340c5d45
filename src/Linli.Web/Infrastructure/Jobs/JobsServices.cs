namespace Linli.Web.Infrastructure.Jobs;

public static class JobsServices
{
    /// <summary>What the background jobs share: this instance's name and the database leases.</summary>
    public static IServiceCollection AddLinliJobs(this IServiceCollection services)
    {
        services.AddSingleton<JobInstance>();
        services.AddScoped<JobLeases>();
        return services;
    }
}
