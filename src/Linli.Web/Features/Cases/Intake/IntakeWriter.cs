using System.Threading.Channels;
using Linli.Web.Data;
using Linli.Web.Features.Notifications;
using Linli.Web.Infrastructure.Operations;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Linli.Web.Features.Cases.Intake;

/// <summary>
/// Group commit for new cases. Intake checks a report on the request's own thread, then hands over a recipe for the
/// case; one writer takes every case waiting at that moment and stores them in one transaction (cases, events,
/// followers, photos and the reporters' outbox messages), then answers each waiting request. A request is answered only
/// after the commit that holds its case, so "stored" still means durable. Under load the database sees a few
/// statements and one commit for dozens of reports instead of a transaction per report; alone, a report waits for
/// nobody.
/// </summary>
public sealed partial class IntakeWriter(IServiceScopeFactory scopes, LinliMetrics metrics, ILogger<IntakeWriter> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>Most cases in one transaction: big enough to absorb a burst, small enough to keep one commit short.</summary>
    public const int MaxBatch = 100;

    private readonly Channel<PendingCase> _queue = Channel.CreateUnbounded<PendingCase>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startLock = new();
    private Task? _loop;

    /// <summary>
    /// Stores the case <paramref name="build"/> makes and returns it with its number once committed. The recipe may run
    /// more than once (a batch that fails is retried case by case), so it must make new objects each time and read
    /// nothing from the request.
    /// </summary>
    public Task<Case> WriteAsync(Func<Case> build, CaseCategory category)
    {
        var pending = new PendingCase(build, category);
        EnsureStarted();
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("Linli is shutting down; the report was not stored.");
        }

        return pending.Stored.Task;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stops taking reports and finishes writing those already handed over.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (_loop is { } loop)
        {
            await loop.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private void EnsureStarted()
    {
        if (_loop is not null)
        {
            return;
        }

        lock (_startLock)
        {
            // Not flowing the first request's context: the writer must not see that request's HttpContext or user.
            using (ExecutionContext.SuppressFlow())
            {
                _loop ??= Task.Run(RunAsync);
            }
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingCase>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await WriteBatchAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteBatchAsync(List<PendingCase> batch)
    {
        try
        {
            var stored = await StoreAsync(batch);
            metrics.CasesReported(stored.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Stored.TrySetResult(stored[i]);
            }

            return;
        }
        catch (Exception e) when (batch.Count > 1)
        {
            LogBatchFailed(logger, batch.Count, e);
        }
        catch (Exception e)
        {
            batch[0].Stored.TrySetException(e);
            return;
        }

        // One report must not sink the others (say a retry whose request key another try has just used): each alone.
        foreach (var pending in batch)
        {
            try
            {
                var stored = (await StoreAsync([pending]))[0];
                metrics.CasesReported(1);
                pending.Stored.TrySetResult(stored);
            }
            catch (Exception e)
            {
                pending.Stored.TrySetException(e);
            }
        }
    }

    private async Task<List<Case>> StoreAsync(IReadOnlyList<PendingCase> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        var notifier = scope.ServiceProvider.GetRequiredService<CaseNotifier>();
        var cases = batch.Select(p => p.Build()).ToList();
        if (db.Database.GetDbConnection() is NpgsqlConnection connection)
        {
            await db.Database.OpenConnectionAsync();
            await PostgresCaseBatch.NumberAsync(connection, cases);
            var messages = new List<OutboxMessage>();
            for (var i = 0; i < cases.Count; i++)
            {
                messages.AddRange(await notifier.ComposeAsync(cases[i], batch[i].Category, cases[i].Events[^1]));
            }

            await PostgresCaseBatch.InsertAsync(connection, cases, messages);
            return cases;
        }

        db.Cases.AddRange(cases);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync();

        // The messages name each case by the number the database has just given it; they commit with the cases.
        for (var i = 0; i < cases.Count; i++)
        {
            await notifier.EnqueueAsync(cases[i], batch[i].Category, cases[i].Events[^1]);
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return cases;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storing {Count} new cases together failed; storing each alone")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);

    private sealed record PendingCase(Func<Case> Build, CaseCategory Category)
    {
        public TaskCompletionSource<Case> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
