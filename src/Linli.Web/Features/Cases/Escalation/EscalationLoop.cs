using Linli.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Cases.Escalation;

/// <summary>
/// Runs <see cref="CaseEscalator.RunOnceAsync"/> every <c>Cases:EscalationIntervalSeconds</c> on the injected clock.
/// Every instance runs the loop; the database lease lets one of them do the work. Switched off by
/// <c>Cases:EscalationEnabled=false</c>.
/// </summary>
public sealed partial class EscalationLoop(IServiceScopeFactory scopes, TimeProvider clock, IOptions<CasesOptions> options, ILogger<EscalationLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.EscalationEnabled)
        {
            LogDisabled(logger);
            return;
        }

        var interval = TimeSpan.FromSeconds(options.Value.EscalationIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CaseEscalator>().RunOnceAsync(stoppingToken);
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
            await scope.ServiceProvider.GetRequiredService<JobLeases>().ReleaseAsync(CaseEscalator.LeaseName, cancellationToken);
        }
        catch (Exception e)
        {
            // The lease then simply expires.
            LogReleaseFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case escalation is switched off in this instance (Cases:EscalationEnabled=false).")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "An escalation run failed; the next run tries again.")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the escalation lease at shutdown; it will expire on its own.")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);
}

public static class EscalationServices
{
    public static IServiceCollection AddCaseEscalation(this IServiceCollection services)
    {
        services.AddOptions<CasesOptions>().Validate(o => o.EscalationIntervalSeconds > 0, "Cases:EscalationIntervalSeconds must be positive.").ValidateOnStart();
        services.AddScoped<CaseEscalator>();
        services.AddHostedService<EscalationLoop>();
        return services;
    }
}
