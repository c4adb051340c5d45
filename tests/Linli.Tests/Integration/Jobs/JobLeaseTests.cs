using Linli.Tests.Infrastructure;
using Linli.Web.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Integration.Jobs;

public sealed class JobLeaseTests
{
    [Theory, BothDatabases]
    public async Task A_lease_belongs_to_one_instance_until_it_expires_or_is_released(DatabaseKind kind)
    {
        var clock = TestClock.StartingNow();
        await using var app = await LinliApp.StartAsync(kind, services: s => s.AddSingleton<TimeProvider>(clock));
        var minute = TimeSpan.FromMinutes(1);

        var steps = await app.WithDbAsync(async db =>
        {
            var (one, two) = (new JobLeases(db, new JobInstance(), clock), new JobLeases(db, new JobInstance(), clock));
            var taken = await one.TryAcquireAsync("test-job", minute, default);
            var refused = await two.TryAcquireAsync("test-job", minute, default);
            clock.Advance(TimeSpan.FromSeconds(50));
            var renewed = await one.TryAcquireAsync("test-job", minute, default);
            clock.Advance(TimeSpan.FromSeconds(50));
            var stillRefused = await two.TryAcquireAsync("test-job", minute, default);
            clock.Advance(TimeSpan.FromSeconds(11));
            var takenOver = await two.TryAcquireAsync("test-job", minute, default);
            var lostIt = await one.TryAcquireAsync("test-job", minute, default);
            await two.ReleaseAsync("test-job", default);
            var afterRelease = await one.TryAcquireAsync("test-job", minute, default);
            return new[] { taken, refused, renewed, stillRefused, takenOver, lostIt, afterRelease };
        });

        Assert.Equal([true, false, true, false, true, false, true], steps);
    }
}
