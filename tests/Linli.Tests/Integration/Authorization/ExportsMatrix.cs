using System.Net;
using System.Net.Http.Json;
using Linli.Web.Features.Demo;
using Linli.Web.Features.Exports;
using Linli.Web.Infrastructure.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Integration.Authorization;

/// <summary>Open data (public, community level and up) and exports (ExportData over the node; jobs and files are their creator's).</summary>
public static class ExportsMatrix
{
    private const string Exports = "/api/v1/exports";
    private const string Community = DemoAccounts.CommunityCode;

    public static MatrixEntry[] Entries =>
    [
        new("GET /api/v1/open-data/", Access.Public, null, (c, _, _) => c.GetAsync("/api/v1/open-data/")),
        new("GET /api/v1/open-data/dictionary", Access.Public, null, (c, _, _) => c.GetAsync("/api/v1/open-data/dictionary")),
        new("GET /api/v1/open-data/{dataset}.{format}", Access.Public, null, (c, _, _) => c.GetAsync($"/api/v1/open-data/cases-by-category.csv?node={Community}")),

        new("POST /api/v1/exports/", Access.Scoped, Permission.ExportData, (c, _, t) => c.PostAsJsonAsync(Exports, new { dataset = "cases", format = "csv", node = t.Code })),
        new("GET /api/v1/exports/{id:long}", Access.Scoped, Permission.ExportData, async (c, _, t) =>
        {
            var started = await StartJobAsync(c, t);
            return started.StatusCode != HttpStatusCode.Accepted ? started : await c.GetAsync(started.Headers.Location);
        }),
        new("GET /api/v1/exports/{id:long}/file", Access.Scoped, Permission.ExportData, async (c, w, t) =>
        {
            var started = await StartJobAsync(c, t);
            if (started.StatusCode != HttpStatusCode.Accepted)
            {
                return started;
            }

            await using (var scope = w.App.Services.CreateAsyncScope())
            {
                // Earlier entries leave their jobs queued; run them all, this one among them.
                var jobs = scope.ServiceProvider.GetRequiredService<ExportJobs>();
                while (await jobs.RunNextAsync(default))
                {
                }
            }

            return await c.GetAsync($"{started.Headers.Location}/file");
        }),
    ];

    private static Task<HttpResponseMessage> StartJobAsync(HttpClient client, Place target) =>
        client.PostAsJsonAsync(Exports, new { dataset = "cases", format = "csv", node = target.Code, background = true });
}
