using System.Net;
using System.Net.Http.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration.Cases;

/// <summary>The workbench's offline queue resends an action whose answer it never saw; the request key makes that safe.</summary>
public sealed class WorkbenchActionKeyTests
{
    [Theory, BothDatabases]
    public async Task An_action_sent_again_with_the_same_key_is_applied_once(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var number = (await app.Anonymous().FileAsync(await app.ReportAsync("water-leak"))).GetProperty("number").GetInt64();
        var handler = await app.SignedInAsync("handler");

        var acceptKey = Guid.NewGuid().ToString();
        var accepted = await SendAsync(handler, number, "accept", acceptKey, new { });
        var acceptedAgain = await SendAsync(handler, number, "accept", acceptKey, new { });
        var noteKey = Guid.NewGuid().ToString();
        var noted = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => SendAsync(handler, number, "note", noteKey, new { note = "到场查看 On site", @public = false })));
        var keyReusedForAnotherAction = await SendAsync(handler, number, "start", noteKey, new { });
        var inBody = await handler.PostAsJsonAsync($"/api/v1/work/cases/{number}/note", new { note = "第二次 Second", requestKey = "body-key" });
        var inBodyAgain = await handler.PostAsJsonAsync($"/api/v1/work/cases/{number}/note", new { note = "第二次 Second", requestKey = "body-key" });

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, acceptedAgain.StatusCode);
        Assert.All(noted, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.Conflict, keyReusedForAnotherAction.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inBody.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inBodyAgain.StatusCode);
        var kinds = await app.WithDbAsync(db => db.CaseEvents.Where(e => e.CaseId == number).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal([CaseEventKind.Reported, CaseEventKind.Dispatched, CaseEventKind.Accepted, CaseEventKind.Updated, CaseEventKind.Updated], kinds);
    }

    [Theory, BothDatabases]
    public async Task Without_a_key_a_second_accept_is_still_refused_as_a_conflict(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var number = (await app.Anonymous().FileAsync(await app.ReportAsync("water-leak"))).GetProperty("number").GetInt64();
        var handler = await app.SignedInAsync("handler");

        await handler.ActAsync(number, "accept");
        var again = await handler.PostAsJsonAsync($"/api/v1/work/cases/{number}/accept", new { });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, long number, string action, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/work/cases/{number}/{action}") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
