using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration;

/// <summary>The README's run command on an empty database: the demo street, its catalogue and its case history.</summary>
public sealed class FirstStartTests
{
    [Theory, BothDatabases]
    public async Task The_first_start_of_an_empty_database_loads_the_demo_with_its_case_history(DatabaseKind kind)
    {
        var empty = await TestDatabases.CreateAsync(kind, withDemo: false);
        await using var app = new LinliApp(kind, empty, seedDemo: true, new Dictionary<string, string?> { [DemoDashboards.Setting] = "true" });
        await app.StartAsync();

        var (categories, cases) = await app.WithDbAsync(async db => (await db.CaseCategories.CountAsync(), await db.Cases.CountAsync()));
        Assert.True(categories > 0, "the catalogue was not made");
        Assert.True(cases > 100, $"the demo street has {cases} cases of history");

        // The history reaches the figures through the roll-ups the cases were saved with.
        using var client = app.CreateClient();
        var from = DateTime.UtcNow.AddYears(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var report = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rates?node={TreeGenerator.ShiqiaopuCode}&from={from}");
        Assert.Equal(cases, report.GetProperty("reported").GetInt32());
    }
}
