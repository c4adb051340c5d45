namespace Linli.Web.Features.Notifications;

public static class NotificationsServices
{
    /// <summary>The outbox sender, its background loop and the channels configured here (email when an SMTP host is set).</summary>
    public static IServiceCollection AddNotificationsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section))
            .Validate(OutboxOptions.IsValid, "Notifications:Outbox needs positive intervals, sizes and attempts, and MaxRetrySeconds >= FirstRetrySeconds.").ValidateOnStart();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section))
            .Validate(SmtpOptions.IsValid, "Notifications:Smtp needs a valid From address, a port, a positive timeout, and User and Password together.").ValidateOnStart();
        if (configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>()?.IsConfigured == true)
        {
            services.AddScoped<INotificationChannel, SmtpEmailChannel>();
        }

        services.AddScoped<Notifier>();
        services.AddScoped<OutboxSender>();
        services.AddHostedService<OutboxDelivery>();
        return services;
    }
}
