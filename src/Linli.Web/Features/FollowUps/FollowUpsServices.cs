using Linli.Web.Features.OfficerAppraisal;

namespace Linli.Web.Features.FollowUps;

public static class FollowUpsServices
{
    public static IServiceCollection AddFollowUpsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FollowUpsOptions>().Bind(configuration.GetSection(FollowUpsOptions.Section))
            .Validate(FollowUpsOptions.IsValid, "FollowUps needs a positive IntervalSeconds, DelayMinutes >= 0 and shorter than LookBackDays, and ValidDays from 1 to 365.").ValidateOnStart();
        services.AddScoped<FollowUpSender>();
        services.AddScoped<FollowUpRatings>();
        services.AddScoped<SatisfactionQueries>();
        services.AddScoped<IOfficerRatingSource, FollowUpRatingSource>();
        services.AddHostedService<FollowUpLoop>();
        return services;
    }
}
