using Linli.Web.Data;
using Linli.Web.Infrastructure.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Notifications;

/// <summary>
/// The background loop that keeps the outbox moving: a delivery pass, then a pause of the poll interval (none while
/// full batches keep coming). Switched off by <c>Notifications:Outbox:Enabled=false</c>.
/// </summary>
public sealed partial class OutboxDelivery(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<OutboxOptions> options, IOptions<SmtpOptions> smtp, LinliMetrics metrics, ILogger<OutboxDelivery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        if (!smtp.Value.IsConfigured)
        {
            LogEmailOff(logger);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var attempted = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                attempted = await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync(stoppingToken);
                metrics.JobRan("outbox", succeeded: true);
                if (attempted < o.BatchSize)
                {
                    // Counted only when the pass did not fill a batch: a deep backlog is being worked through anyway.
                    var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
                    metrics.OutboxBacklog(await db.Outbox.LongCountAsync(m => m.SentAt == null && m.AbandonedAt == null, stoppingToken));
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(logger, e);
                metrics.JobRan("outbox", succeeded: false);
            }

            if (attempted < o.BatchSize)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(o.PollIntervalSeconds), clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox delivery is switched off in this instance (Notifications:Outbox:Enabled=false).")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email is off: Notifications:Smtp:Host is not set, so email notifications wait in the outbox until it is.")]
    private static partial void LogEmailOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "An outbox delivery pass failed; the next pass tries again.")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
