using Linli.Web.Features.Cases.Escalation;
using Linli.Web.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Infrastructure;

/// <summary>One run of a background job, called the way its loop calls it, for tests that drive the clock themselves.</summary>
public static class BackgroundJobs
{
    /// <summary>One outbox delivery pass; returns how many messages it attempted.</summary>
    public static Task<int> SendOutboxAsync(this LinliApp app) => app.InScopeAsync<OutboxSender>(s => s.SendDueAsync());

    /// <summary>One escalation run as the loop makes it (under the lease); returns the cases raised.</summary>
    public static Task<int> EscalateAsync(this LinliApp app) => app.InScopeAsync<CaseEscalator>(e => e.RunOnceAsync());

    /// <summary>An escalation run that ignores the lease, as two overlapping runs would.</summary>
    public static Task<int> EscalateWithoutLeaseAsync(this LinliApp app) => app.InScopeAsync<CaseEscalator>(e => e.EscalateOverdueAsync());

    private static async Task<int> InScopeAsync<T>(this LinliApp app, Func<T, Task<int>> run)
        where T : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<T>());
    }
}
