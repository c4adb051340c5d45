using Linli.Web.Infrastructure.Operations;

namespace Linli.Web.Infrastructure.Jobs;

/// <summary>
/// Runs a job every <see cref="Interval"/> on the injected clock, each run in a fresh scope. Every instance runs the
/// loop; the job takes the database lease named <see cref="LeaseName"/> so one instance does the work, and the lease is
/// released at shutdown so another instance can take over at once instead of waiting for it to expire.
/// </summary>
public abstract partial class LeasedLoop(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract string LeaseName { get; }

    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            LogDisabled(logger, LeaseName);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            LinliMetrics? metrics = null;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                metrics = scope.ServiceProvider.GetService<LinliMetrics>();
                await RunOnceAsync(scope.ServiceProvider, stoppingToken);
                metrics?.JobRan(LeaseName, succeeded: true);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogRunFailed(logger, LeaseName, e);
                metrics?.JobRan(LeaseName, succeeded: false);
            }

            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!Enabled)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<JobLeases>().ReleaseAsync(LeaseName, cancellationToken);
        }
        catch (Exception e)
        {
            // The lease then simply expires.
            LogReleaseFailed(logger, LeaseName, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Job} job is switched off in this instance.")]
    private static partial void LogDisabled(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Job} run failed; the next run tries again.")]
    private static partial void LogRunFailed(ILogger logger, string job, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the {Job} lease at shutdown; it will expire on its own.")]
    private static partial void LogReleaseFailed(ILogger logger, string job, Exception exception);
}
