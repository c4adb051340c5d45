using Linli.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.AntiFraud.Escalation;

/// <summary>
/// Every <c>AntiFraud:EscalationIntervalSeconds</c>, on the injected clock: escalates overdue orders (under the lease)
/// and erases expired personal fields. Switched off by <c>AntiFraud:EscalationEnabled=false</c>.
/// </summary>
public sealed class AntiFraudLoop(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AntiFraudOptions> options, ILogger<AntiFraudLoop> logger)
    : LeasedLoop(scopes, clock, logger)
{
    protected override string LeaseName => OrderEscalator.LeaseName;

    protected override bool Enabled => options.Value.EscalationEnabled;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.EscalationIntervalSeconds);

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<OrderEscalator>().RunOnceAsync(cancellationToken);

        // Idempotent, so it needs no lease.
        await services.GetRequiredService<PersonalFieldEraser>().EraseDueAsync(cancellationToken);
    }
}
