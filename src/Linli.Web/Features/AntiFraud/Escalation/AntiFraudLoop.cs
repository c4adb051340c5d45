using Linli.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.AntiFraud.Escalation;

/// <summary>
/// Every <c>AntiFraud:EscalationIntervalSeconds</c>, on the injected clock: escalates overdue orders (under the lease)
/// and erases expired personal fields. Switched off by <c>AntiFraud:EscalationEnabled=false</c>.
/// </summary>
public sealed partial class AntiFraudLoop(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AntiFraudOptions> options, ILogger<AntiFraudLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.EscalationEnabled)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(options.Value.EscalationIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OrderEscalator>().RunOnceAsync(stoppingToken);

                // Idempotent, so it needs no lease.
                await scope.ServiceProvider.GetRequiredService<PersonalFieldEraser>().EraseDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogRunFailed(logger, e);
            }

            try
            {
                await Task.Delay(interval, clock, stoppingToken);
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
        if (!options.Value.EscalationEnabled)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<JobLeases>().ReleaseAsync(OrderEscalator.LeaseName, cancellationToken);
        }
        catch (Exception e)
        {
            // The lease then simply expires.
            LogReleaseFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An anti-fraud escalation run failed; the next run tries again.")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the dissuasion escalation lease at shutdown; it will expire on its own.")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);
}
