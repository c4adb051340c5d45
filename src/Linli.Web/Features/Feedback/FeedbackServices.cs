namespace Linli.Web.Features.Feedback;

public static class FeedbackServices
{
    public static IServiceCollection AddFeedbackFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedbackOptions>().Bind(configuration.GetSection(FeedbackOptions.Section))
            .Validate(o => o.PostsPerAccountPerDay > 0, "Feedback:PostsPerAccountPerDay must be positive.")
            .ValidateOnStart();
        services.AddScoped<FeedbackUnits>();
        services.AddScoped<FeedbackAccess>();
        services.AddScoped<FeedbackVisibility>();
        services.AddScoped<FeedbackPosting>();
        services.AddScoped<FeedbackResponses>();
        services.AddScoped<FeedbackQueries>();
        services.AddScoped<FeedbackInbox>();
        return services;
    }
}
