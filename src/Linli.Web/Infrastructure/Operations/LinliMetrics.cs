using System.Diagnostics.Metrics;

namespace Linli.Web.Infrastructure.Operations;

/// <summary>
/// Linli's own meters, beside the ASP.NET Core, HTTP client and Npgsql ones: what an operator alerts on that the
/// framework cannot know (reports coming in, messages waiting, background jobs running).
/// </summary>
public sealed class LinliMetrics : IDisposable
{
    public const string MeterName = "Linli";

    private readonly Meter _meter;
    private readonly Counter<long> _casesReported;
    private readonly Counter<long> _jobRuns;
    private long _outboxBacklog = -1;

    public LinliMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _casesReported = _meter.CreateCounter<long>("linli.cases.reported", "{case}", "New cases stored (committed).");
        _jobRuns = _meter.CreateCounter<long>("linli.jobs.runs", "{run}", "Runs of a background job on this instance, by job and outcome.");
        _meter.CreateObservableGauge("linli.outbox.backlog", ObserveBacklog, "{message}", "Messages waiting in the outbox, as the last delivery pass counted them.");
    }

    public void CasesReported(int count) => _casesReported.Add(count);

    public void JobRan(string job, bool succeeded) =>
        _jobRuns.Add(1, new KeyValuePair<string, object?>("linli.job", job), new KeyValuePair<string, object?>("linli.outcome", succeeded ? "ok" : "failed"));

    public void OutboxBacklog(long waiting) => Interlocked.Exchange(ref _outboxBacklog, waiting);

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<long>> ObserveBacklog()
    {
        var waiting = Interlocked.Read(ref _outboxBacklog);
        return waiting < 0 ? [] : [new Measurement<long>(waiting)];
    }
}
