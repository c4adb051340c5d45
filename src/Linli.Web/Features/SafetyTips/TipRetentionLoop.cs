using Linli.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.SafetyTips;

/// <summary>Every <c>SafetyTips:RetentionIntervalSeconds</c>, on the injected clock and under its lease: warn, then delete.</summary>
public sealed class TipRetentionLoop(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SafetyTipsOptions> options, ILogger<TipRetentionLoop> logger)
    : LeasedLoop(scopes, clock, logger)
{
    protected override string LeaseName => TipRetention.LeaseName;

    protected override bool Enabled => options.Value.RetentionEnabled;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.RetentionIntervalSeconds);

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<TipRetention>().RunOnceAsync(cancellationToken);
}
