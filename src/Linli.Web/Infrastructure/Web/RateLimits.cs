using System.Threading.RateLimiting;

namespace Linli.Web.Infrastructure.Web;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public int SignInPerMinute { get; set; } = 20;
    public int CodesPerMinute { get; set; } = 5;

    /// <summary>New reports per network and minute: generous for an office behind one address, a brake on floods.</summary>
    public int ReportsPerMinute { get; set; } = 60;

    /// <summary>Survey responses per network and minute: a household's phones share an address, a script does not get far.</summary>
    public int SurveyAnswersPerMinute { get; set; } = 30;

    /// <summary>Feedback writes (posts, replies, flags, follows) per network and minute; reads are not counted.</summary>
    public int FeedbackPerMinute { get; set; } = 30;
}

public static class RateLimits
{
    /// <summary>Per-network limits on sign-in, code requests and new reports, answered with 429 ProblemDetails.</summary>
    public static IServiceCollection AddLinliRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy("sign-in", http => PerNetwork(http, limits.SignInPerMinute));
            options.AddPolicy("codes", http => PerNetwork(http, limits.CodesPerMinute));
            // Only new reports count: /report is also where the form is read, and reading it costs nothing.
            options.AddPolicy("reports", http => HttpMethods.IsGet(http.Request.Method) ? RateLimitPartition.GetNoLimiter("read") : PerNetwork(http, limits.ReportsPerMinute));
            options.AddPolicy("survey-answers", http => HttpMethods.IsGet(http.Request.Method) ? RateLimitPartition.GetNoLimiter("read") : PerNetwork(http, limits.SurveyAnswersPerMinute));
            options.AddPolicy("feedback", http => HttpMethods.IsGet(http.Request.Method) ? RateLimitPartition.GetNoLimiter("read") : PerNetwork(http, limits.FeedbackPerMinute));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = 429, Title = "Too many requests", Detail = "Too many attempts from this network; wait a minute and try again." },
                });
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PerNetwork(HttpContext http, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "local", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
