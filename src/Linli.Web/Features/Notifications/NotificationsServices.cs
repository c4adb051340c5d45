using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Notifications;

public static class NotificationsServices
{
    /// <summary>The outbox sender, its background loop, and the channels configured here: in-app always, email when an
    /// SMTP host is set, SMS when a gateway is, WeCom when a robot is.</summary>
    public static IServiceCollection AddNotificationsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section))
            .Validate(OutboxOptions.IsValid, "Notifications:Outbox needs positive intervals, sizes and attempts, and MaxRetrySeconds >= FirstRetrySeconds.").ValidateOnStart();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section))
            .Validate(SmtpOptions.IsValid, "Notifications:Smtp needs a valid From address, a port, a positive timeout, and User and Password together.").ValidateOnStart();
        services.AddOptions<SmsOptions>().Bind(configuration.GetSection(SmsOptions.Section))
            .Validate(SmsOptions.IsValid, "Notifications:Sms needs a Url and a positive timeout, and for Cloud the AccessKeyId, AccessKeySecret, SignName and TemplateCode, for Webhook the WebhookSecret.").ValidateOnStart();
        services.AddOptions<WeComOptions>().Bind(configuration.GetSection(WeComOptions.Section))
            .Validate(WeComOptions.IsValid, "Notifications:WeCom:Robots:{name}:Url must be absolute URLs.").ValidateOnStart();
        if (configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>()?.IsConfigured == true)
        {
            services.AddScoped<INotificationChannel, SmtpEmailChannel>();
        }

        if (configuration.GetSection(SmsOptions.Section).Get<SmsOptions>()?.IsConfigured == true)
        {
            services.AddScoped<INotificationChannel, SmsChannel>();
        }

        if (configuration.GetSection(WeComOptions.Section).Get<WeComOptions>()?.Robots.Count > 0)
        {
            services.AddScoped<INotificationChannel, WeComChannel>();
        }

        services.AddScoped<INotificationChannel, InAppChannel>();
        services.AddHttpClient(SmsChannel.HttpClientName, (sp, c) => c.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<SmsOptions>>().Value.TimeoutSeconds));
        services.AddHttpClient(WeComChannel.HttpClientName, (sp, c) => c.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<WeComOptions>>().Value.TimeoutSeconds));

        services.AddSingleton<NotificationKeys>();
        services.AddSingleton<MessageText>();
        services.AddScoped<OptOuts>();
        services.AddScoped<Notifier>();
        services.AddScoped<OutboxSender>();
        services.AddScoped<NotificationPreferences>();
        services.AddScoped<Inbox>();
        services.AddScoped<Broadcasts>();
        services.AddScoped<BroadcastEnqueue>();
        services.AddHostedService<OutboxDelivery>();
        return services;
    }
}
