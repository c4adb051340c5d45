using Linli.Web.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Linli.Web.Infrastructure.Web;

public sealed class DatabaseHealthCheck(LinliDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"{db.Database.ProviderName} reachable")
            : HealthCheckResult.Unhealthy("the database cannot be reached");
}
