using Linli.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Cases.Escalation;

/// <summary>
/// Runs <see cref="CaseEscalator.RunOnceAsync"/> every <c>Cases:EscalationIntervalSeconds</c> on the injected clock.
/// Every instance runs the loop; the database lease lets one of them do the work. Switched off by
/// <c>Cases:EscalationEnabled=false</c>.
/// </summary>
public sealed class EscalationLoop(IServiceScopeFactory scopes, TimeProvider clock, IOptions<CasesOptions> options, ILogger<EscalationLoop> logger)
    : LeasedLoop(scopes, clock, logger)
{
    protected override string LeaseName => CaseEscalator.LeaseName;

    protected override bool Enabled => options.Value.EscalationEnabled;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.EscalationIntervalSeconds);

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<CaseEscalator>().RunOnceAsync(cancellationToken);
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
