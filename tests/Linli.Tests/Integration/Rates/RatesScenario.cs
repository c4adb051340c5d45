using System.Net.Http.Json;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Integration.Rates;

/// <summary>
/// A small March 2025 in the demo street, driven through the API on a fake clock, so every rate has a known numerator
/// and denominator (T0 = 3 March 2025, 09:00 China time):
/// <list type="table">
/// <item>A water leak: accepted after 1 h (limit 2 h), resolved after 5 h (limit 24 h), closed at 6 h, rated 5, solved.</item>
/// <item>B water leak: accepted after 3 h (late), resolved after 30 h (late), closed at 32 h, rated 2, not solved.</item>
/// <item>C parking: accepted after 2 h (limit 24 h), never resolved (limit 7 days).</item>
/// <item>D parking: cancelled by the reporter after 1 h.</item>
/// <item>E fraud attempt (sensitive): never accepted (limits 1 h and 2 h).</item>
/// <item>F noise, reported at T0 + 9 days: accepted after 1 h; its resolution limit is still ahead.</item>
/// </list>
/// The clock then stands at T0 + 10 days.
/// </summary>
public static class RatesScenario
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 3, 1, 0, 0, TimeSpan.Zero);

    public const string March = "from=2025-03-01&to=2025-04-01";

    public static async Task<LinliApp> StartAsync(DatabaseKind kind)
    {
        var clock = new FakeTimeProvider(T0);
        var app = await LinliApp.StartAsync(kind, services: s => s.AddSingleton<TimeProvider>(clock));
        try
        {
            await PlayAsync(app, clock);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private static async Task PlayAsync(LinliApp app, FakeTimeProvider clock)
    {
        var resident = app.Anonymous();
        var (a, aReceipt) = await FileAsync(app, resident, "water-leak");
        var (b, bReceipt) = await FileAsync(app, resident, "water-leak");
        var (c, _) = await FileAsync(app, resident, "parking");
        var (_, dReceipt) = await FileAsync(app, resident, "parking");
        await FileAsync(app, resident, "fraud-attempt");

        clock.SetUtcNow(T0.AddHours(1));
        await (await app.SignedInAsync("handler")).ActAsync(a, "accept");
        Assert.True((await resident.PostAsJsonAsync($"/api/v1/cases/{dReceipt}/cancel", new { note = "已经好了 Sorted itself out" })).IsSuccessStatusCode);

        clock.SetUtcNow(T0.AddHours(2));
        await (await app.SignedInAsync("gridchief")).ActAsync(c, "accept");

        clock.SetUtcNow(T0.AddHours(3));
        await (await app.SignedInAsync("handler")).ActAsync(b, "accept");

        clock.SetUtcNow(T0.AddHours(5));
        await ResolveAsync(await app.SignedInAsync("handler"), a);
        await (await app.SignedInAsync("gridchief")).ActAsync(a, "verify");
        clock.SetUtcNow(T0.AddHours(6));
        await (await app.SignedInAsync("worker")).ActAsync(a, "close");
        await RateAsync(resident, aReceipt, 5, solved: true);

        // Sign in afresh after each jump: sessions last 8 hours on the fake clock too.
        clock.SetUtcNow(T0.AddHours(30));
        await ResolveAsync(await app.SignedInAsync("handler"), b);
        await (await app.SignedInAsync("gridchief")).ActAsync(b, "verify");
        clock.SetUtcNow(T0.AddHours(32));
        await (await app.SignedInAsync("worker")).ActAsync(b, "close");
        await RateAsync(resident, bReceipt, 2, solved: false);

        clock.SetUtcNow(T0.AddDays(9));
        var (f, _) = await FileAsync(app, resident, "noise");
        clock.SetUtcNow(T0.AddDays(9).AddHours(1));
        await (await app.SignedInAsync("gridchief")).ActAsync(f, "accept");

        clock.SetUtcNow(T0.AddDays(10));
    }

    private static async Task<(long Number, string Receipt)> FileAsync(LinliApp app, HttpClient resident, string category)
    {
        var filed = await resident.FileAsync(await app.ReportAsync(category));
        return (filed.GetProperty("number").GetInt64(), filed.GetProperty("receipt").GetString()!);
    }

    private static async Task ResolveAsync(HttpClient handler, long number)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("管道已更换 Pipe replaced"), "note" },
            { new ByteArrayContent(TestImages.Jpeg(32, 32)), "photos", "fixed.jpg" },
        };
        var response = await handler.PostAsync($"/api/v1/work/cases/{number}/resolve", form);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task RateAsync(HttpClient resident, string receipt, int stars, bool solved)
    {
        var response = await resident.PostAsJsonAsync($"/api/v1/cases/{receipt}/rating", new { stars, solved });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
