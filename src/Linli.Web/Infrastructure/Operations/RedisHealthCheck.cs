using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Linli.Web.Infrastructure.Operations;

/// <summary>Ready only when the Redis that carries SignalR between instances answers a PING.</summary>
public sealed class RedisHealthCheck(string configuration) : IHealthCheck, IDisposable
{
    private readonly SemaphoreSlim _connect = new(1, 1);
    private ConnectionMultiplexer? _redis;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var redis = await ConnectAsync();
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0} ms");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis cannot be reached", e);
        }
    }

    public void Dispose()
    {
        _redis?.Dispose();
        _connect.Dispose();
    }

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        if (_redis is { } connected)
        {
            return connected;
        }

        await _connect.WaitAsync();
        try
        {
            var options = ConfigurationOptions.Parse(configuration);
            options.AbortOnConnectFail = false;
            return _redis ??= await ConnectionMultiplexer.ConnectAsync(options);
        }
        finally
        {
            _connect.Release();
        }
    }
}
