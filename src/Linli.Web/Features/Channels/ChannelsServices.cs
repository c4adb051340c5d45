using StackExchange.Redis;

namespace Linli.Web.Features.Channels;

public static class ChannelsServices
{
    /// <summary>
    /// Channels and their SignalR hub. With <c>Redis:Configuration</c> (or <c>ConnectionStrings:Redis</c>) set, instances
    /// share pushes through a Redis backplane; without it SignalR stays in memory, which is right for one instance.
    /// </summary>
    public static IServiceCollection AddChannelsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChannelsOptions>().Bind(configuration.GetSection(ChannelsOptions.Section))
            .Validate(o => o.RetentionDays > 0, "Channels:RetentionDays must be positive.")
            .Validate(o => o.RetentionIntervalSeconds > 0, "Channels:RetentionIntervalSeconds must be positive.")
            .ValidateOnStart();
        var signalR = services.AddSignalR();
        var redis = RedisConfiguration(configuration);
        if (redis is not null)
        {
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal("linli"));
        }

        services.AddScoped<ChannelAccess>();
        services.AddScoped<ChannelDirectory>();
        services.AddScoped<ChannelMessages>();
        services.AddScoped<ChannelReceipts>();
        services.AddScoped<ChannelRetention>();
        services.AddSingleton<ChannelEvents>();
        services.AddHostedService<ChannelRetentionLoop>();
        return services;
    }

    public static string? RedisConfiguration(IConfiguration configuration) =>
        new[] { configuration["Redis:Configuration"], configuration.GetConnectionString("Redis") }.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));
}
