namespace Linli.Web.Features.Care;

public static class CareServices
{
    public static IServiceCollection AddCareFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CareOptions>().Bind(configuration.GetSection(CareOptions.Section))
            .Validate(o => o.EntryMonths is > 0 and <= 12 && o.ReminderDays > 0 && o.ExpiryIntervalSeconds > 0, "Care: EntryMonths 1–12, ReminderDays and ExpiryIntervalSeconds positive")
            .ValidateOnStart();
        services.AddScoped<CareAccess>();
        services.AddScoped<CareRegistration>();
        services.AddScoped<CareReads>();
        services.AddScoped<HelpRequests>();
        services.AddScoped<CareExpiry>();
        services.AddHostedService<CareExpiryLoop>();
        return services;
    }
}
