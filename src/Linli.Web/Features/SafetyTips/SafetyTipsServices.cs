namespace Linli.Web.Features.SafetyTips;

public static class SafetyTipsServices
{
    public static IServiceCollection AddSafetyTipsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SafetyTipsOptions>().Bind(configuration.GetSection(SafetyTipsOptions.Section))
            .Validate(o => o.RetentionDays > 0, "SafetyTips:RetentionDays must be positive.")
            .Validate(o => o.WarnDaysBeforeDeletion >= 0 && o.WarnDaysBeforeDeletion < o.RetentionDays, "SafetyTips:WarnDaysBeforeDeletion must be from 0 to below RetentionDays.")
            .Validate(o => o.RetentionIntervalSeconds > 0, "SafetyTips:RetentionIntervalSeconds must be positive.")
            .Validate(o => o.SubmissionsPerNetworkPerHour > 0 && o.FollowUpsPerNetworkPerHour > 0 && o.AnswersPerReceiptPerHour > 0, "SafetyTips: the rate limits must be positive.")
            .ValidateOnStart();
        services.AddSingleton<TipGuard>();
        services.AddScoped<TipPlaces>();
        services.AddScoped<TipSubmissions>();
        services.AddScoped<TipFollowUp>();
        services.AddScoped<TipTriage>();
        services.AddScoped<TipSummary>();
        services.AddScoped<TipStatistics>();
        services.AddScoped<TipRetention>();
        services.AddHostedService<TipRetentionLoop>();
        return services;
    }
}
