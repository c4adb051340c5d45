using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Exports;

/// <summary>
/// On every instance: every <c>Exports:PollSeconds</c>, run the waiting exports one after another, then delete the expired.
/// No lease: the claim on each job is what keeps two instances from running it twice, and several may run different jobs.
/// </summary>
public sealed partial class ExportWorker(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ExportsOptions> options, ILogger<ExportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var jobs = scope.ServiceProvider.GetRequiredService<ExportJobs>();
                while (await jobs.RunNextAsync(stoppingToken))
                {
                }

                await jobs.DeleteExpiredAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, e);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An export round failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
