using System.Net;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Linli.Web.Features.People;
using Linli.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Integration.Authorization;

/// <summary>Each role × (own subtree, sibling, ancestor) for every endpoint, on both databases.</summary>
public sealed class AuthorizationMatrixTests
{
    private static readonly Dictionary<string, string?> Waiver = new() { ["Security:DemoWaivesRequiredTwoFactor"] = "true" };

    /// <summary>Where each role is held in the matrix: always at a node that has both a sibling and a parent.</summary>
    private static readonly (StaffRole Role, string? At)[] Holders =
    [
        (StaffRole.GridChief, DemoAccounts.GridCode),
        (StaffRole.BuildingChief, DemoAccounts.BuildingCode),
        (StaffRole.UnitChief, DemoAccounts.UnitCode),
        (StaffRole.CommunityWorker, DemoAccounts.CommunityCode),
        (StaffRole.CommunityPolice, DemoAccounts.CommunityCode),
        (StaffRole.StreetStaff, DemoAccounts.CommunityCode),
        (StaffRole.Administrator, DemoAccounts.CommunityCode),
        (StaffRole.DepartmentHandler, null),
        (StaffRole.PartnerStaff, null),
    ];

    [Fact]
    public async Task Every_api_endpoint_is_in_the_matrix()
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();
        var listed = Matrix.Entries.Select(e => e.Endpoint).ToHashSet();

        Assert.Empty(endpoints.Except(listed));
        Assert.Empty(listed.Except(endpoints));
    }

    [Theory, BothDatabases]
    public async Task Each_role_acts_in_its_own_subtree_only(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind, Waiver);
        var world = new MatrixWorld(app);
        var failures = new List<string>();
        var community = await world.PlaceAsync(DemoAccounts.CommunityCode);

        foreach (var (role, at) in Holders)
        {
            var home = at is null ? community : await world.PlaceAsync(at);
            var client = await world.HolderAsync(role, at is null ? null : home);
            world.Home = home;
            var targets = new (string Name, Place Place, bool Own)[]
            {
                ("own", home, at is not null),
                ("sibling", await world.SiblingOfAsync(home), false),
                ("ancestor", await world.ParentOfAsync(home), false),
            };

            foreach (var entry in Matrix.Entries.Where(e => e.Access is Access.Scoped or Access.RoleOnly or Access.Root))
            {
                var grants = RolePermissions.Allows(role, entry.Permission!.Value);
                foreach (var (name, place, own) in targets)
                {
                    // No holder in the matrix sits at a root, so root-only endpoints refuse them all.
                    var allowed = grants && entry.Access switch { Access.RoleOnly => true, Access.Scoped => own, _ => false };
                    var response = await entry.Call(client, world, place);
                    Check(failures, $"{role}@{at ?? "-"} {entry.Endpoint} on {name} {place.Code}", response, allowed);
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory, BothDatabases]
    public async Task Public_and_signed_in_endpoints_answer_as_listed(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var world = new MatrixWorld(app);
        var failures = new List<string>();
        var target = await world.PlaceAsync(DemoAccounts.GridCode);

        foreach (var entry in Matrix.Entries)
        {
            var anonymous = await entry.Call(app.Anonymous(), world, target);
            if (entry.Access == Access.Public)
            {
                Check(failures, $"anonymous {entry.Endpoint}", anonymous, allowed: true);
                continue;
            }

            if (anonymous.StatusCode != HttpStatusCode.Unauthorized)
            {
                failures.Add($"anonymous {entry.Endpoint}: expected 401, got {(int)anonymous.StatusCode}");
            }

            if (entry.Access == Access.SignedIn)
            {
                Check(failures, $"resident {entry.Endpoint}", await entry.Call(await app.SignedInAsync("resident"), world, target), allowed: true);
            }
            else
            {
                Check(failures, $"resident {entry.Endpoint}", await entry.Call(await app.SignedInAsync("resident"), world, target), allowed: false);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static void Check(List<string> failures, string what, HttpResponseMessage response, bool allowed)
    {
        var status = (int)response.StatusCode;
        var expected = response.Headers.TryGetValues("X-Matrix-Expected", out var values) ? int.Parse(values.Single(), System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        var ok = allowed
            ? (expected is null ? status is >= 200 and < 300 : status == expected)
            : status == StatusCodes.Status403Forbidden;
        if (!ok)
        {
            failures.Add($"{what}: expected {(allowed ? expected?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "2xx" : "403")}, got {status} {response.Content.ReadAsStringAsync().Result[..Math.Min(200, response.Content.ReadAsStringAsync().Result.Length)]}");
        }
    }
}
