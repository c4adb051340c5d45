using System.Net;
using System.Net.Http.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Data;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Operations;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Integration.Operations;

/// <summary>Two instances on one database behave as one server: what one signs or changes, the other honours.</summary>
public sealed class SharedInstanceStateTests
{
    [Theory, BothDatabases]
    public async Task A_sign_in_cookie_from_one_instance_works_on_another(DatabaseKind kind)
    {
        await using var one = await LinliApp.StartAsync(kind);
        await using var two = await LinliApp.StartOnAsync(kind, one.ConnectionString);

        var client = one.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var signIn = await client.PostAsJsonAsync("/api/v1/account/signin", new { login = "worker", password = LinliApp.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("linli=", StringComparison.Ordinal));

        var other = two.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        using var withCookie = new HttpRequestMessage(HttpMethod.Get, "/api/v1/account/me");
        withCookie.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await other.SendAsync(withCookie)).StatusCode);

        // Without it the same request is refused, so the 200 above is the cookie's doing.
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/account/me")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_tree_change_on_one_instance_makes_the_other_rebuild_its_spatial_index(DatabaseKind kind)
    {
        await using var one = await LinliApp.StartAsync(kind);
        await using var two = await LinliApp.StartOnAsync(kind, one.ConnectionString);
        var index = two.Services.GetRequiredService<SpatialIndexHolder>();

        var first = await index.GetAsync();
        await Task.Delay(SharedVersions.CheckEvery + TimeSpan.FromMilliseconds(300));
        Assert.Same(first, await index.GetAsync());

        await using (var scope = one.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SpatialIndexHolder>().MarkStaleAsync(scope.ServiceProvider.GetRequiredService<LinliDb>(), default);
        }

        await Task.Delay(SharedVersions.CheckEvery + TimeSpan.FromMilliseconds(300));
        Assert.NotSame(first, await index.GetAsync());
    }
}
