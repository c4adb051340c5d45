using Linli.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.FollowUps;

/// <summary>Every <c>FollowUps:IntervalSeconds</c>, on the injected clock and under its lease, sends the follow-ups that are due.</summary>
public sealed class FollowUpLoop(IServiceScopeFactory scopes, TimeProvider clock, IOptions<FollowUpsOptions> options, ILogger<FollowUpLoop> logger)
    : LeasedLoop(scopes, clock, logger)
{
    protected override string LeaseName => FollowUpSender.LeaseName;

    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.IntervalSeconds);

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<FollowUpSender>().RunOnceAsync(cancellationToken);
}
