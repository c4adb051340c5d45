using System.Diagnostics.Metrics;
using System.Net;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Integration.Operations;

public sealed class HealthAndMetricsTests
{
    [Theory, BothDatabases]
    public async Task Live_and_ready_answer_healthy_and_the_old_route_still_works(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, withDemo: false);
        var client = app.Anonymous();

        foreach (var path in new[] { "/health", "/health/live", "/health/ready" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Ready_fails_when_the_configured_redis_is_down_while_live_still_answers()
    {
        var down = LoopbackPorts.Free();
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["Redis:Configuration"] = $"127.0.0.1:{down},connectTimeout=500" }, withDemo: false);
        var client = app.Anonymous();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);

        await using var redis = await RedisServer.StartAsync();
        await using var withRedis = await LinliApp.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["Redis:Configuration"] = redis.Configuration }, withDemo: false);
        Assert.Equal(HttpStatusCode.OK, (await withRedis.Anonymous().GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task With_an_otlp_endpoint_set_the_app_still_serves_requests()
    {
        // Nothing listens there: export fails quietly in the background and requests are not affected.
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{LoopbackPorts.Free()}" }, withDemo: false);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/health/ready")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_stored_report_is_counted_on_the_cases_reported_meter(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        long counted = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this app's meter: every LinliApp in the test run makes its own through its own IMeterFactory.
            if (instrument.Name == "linli.cases.reported" && instrument.Meter.Scope == app.Services.GetService(typeof(IMeterFactory)))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref counted, value));
        listener.Start();

        var receipt = (await app.Anonymous().FileAsync(await app.ReportAsync())).GetProperty("receipt").GetString();

        Assert.False(string.IsNullOrEmpty(receipt));
        Assert.Equal(1, Interlocked.Read(ref counted));
    }

}
