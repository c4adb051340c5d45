using Linli.Tests.Infrastructure;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.People;
using Linli.Web.Features.Tree;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Integration.Authorization;

public sealed record Place(int Id, string Code, NodeKind Kind, string Path);

/// <summary>
/// The demo street plus one staff account per role, each held where the role has a sibling and an ancestor,
/// and helpers that set up what a call needs (a resident under a node, a leaf to delete, an assignment to revoke).
/// </summary>
public sealed class MatrixWorld(LinliApp app)
{
    public const string Password = "matrix-passphrase-1";
    private int _counter;

    public LinliApp App => app;

    /// <summary>Where the role under test is held; setups for an ancestor target pick records outside it.</summary>
    public Place? Home { get; set; }

    public async Task<Place> PlaceAsync(string code) => await app.WithDbAsync(db =>
        db.Nodes.Where(n => n.Code == code).Select(n => new Place(n.Id, n.Code, n.Kind, n.Path)).SingleAsync());

    public async Task<Place> ParentOfAsync(Place place) => await app.WithDbAsync(db =>
        db.Nodes.Where(n => n.Id == db.Nodes.Where(c => c.Id == place.Id).Select(c => c.ParentId).Single())
            .Select(n => new Place(n.Id, n.Code, n.Kind, n.Path)).SingleAsync());

    public async Task<Place> SiblingOfAsync(Place place) => await app.WithDbAsync(async db =>
    {
        var parentId = await db.Nodes.Where(n => n.Id == place.Id).Select(n => n.ParentId).SingleAsync();
        return await db.Nodes.Where(n => n.ParentId == parentId && n.Id != place.Id).OrderBy(n => n.Code)
            .Select(n => new Place(n.Id, n.Code, n.Kind, n.Path)).FirstAsync();
    });

    /// <summary>Creates a staff account holding <paramref name="role"/> at the node (or the demo department/partner).</summary>
    public async Task<HttpClient> HolderAsync(StaffRole role, Place? at)
    {
        var login = $"m-{role}".ToLowerInvariant();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LinliUser>>();
            var db = scope.ServiceProvider.GetRequiredService<Linli.Web.Data.LinliDb>();
            var user = new LinliUser { UserName = login, DisplayName = login, Kind = AccountKind.Staff, CreatedAt = DateTimeOffset.UtcNow };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join(",", created.Errors.Select(e => e.Description)));
            db.RoleAssignments.Add(new RoleAssignment
            {
                UserId = user.Id,
                Role = role,
                NodeId = RoleAssignment.IsHeldAtDepartment(role) || RoleAssignment.IsHeldAtPartner(role) ? null : at!.Id,
                DepartmentId = RoleAssignment.IsHeldAtDepartment(role) ? await db.Departments.Select(d => d.Id).FirstAsync() : null,
                PartnerId = RoleAssignment.IsHeldAtPartner(role) ? await db.Partners.Select(p => p.Id).FirstAsync() : null,
                GrantedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        return await app.SignedInAsync(login, password: Password);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _childCodes = new(StringComparer.Ordinal);

    public int Next() => Interlocked.Increment(ref _counter);

    /// <summary>A code for a new child of <paramref name="parent"/> that no other call has used.</summary>
    public string NewChildCode(Place parent)
    {
        var kind = NodeKinds.ChildOf(parent.Kind) ?? NodeKind.Unit;
        var width = TreeCodes.SuffixLength(kind) == 0 ? 2 : TreeCodes.SuffixLength(kind);
        var max = width == 2 ? 99 : 999;
        // Counted per parent, not with Next(): the other entries' calls must not use up a two-digit suffix.
        var used = _childCodes.AddOrUpdate(parent.Code, 1, (_, n) => n + 1);
        return parent.Code + (max - used).ToString(new string('0', width), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string ChildKind(Place parent) => (NodeKinds.ChildOf(parent.Kind) ?? NodeKind.Unit).ToWire();

    /// <summary>A new leaf directly under the node, written straight to the database, for a delete to remove.</summary>
    public async Task<string> LeafUnderAsync(Place parent)
    {
        var code = NewChildCode(parent);
        await app.WithDbAsync(async db =>
        {
            db.Nodes.Add(new TreeNode
            {
                Code = code,
                Name = "leaf",
                ParentId = parent.Id,
                Kind = NodeKinds.ChildOf(parent.Kind) ?? NodeKind.Unit,
                Path = TreeNode.PathUnder(parent.Path, code),
                Depth = parent.Path.Count(c => c == '/'),
            });
            return await db.SaveChangesAsync();
        });
        return code;
    }

    /// <summary>A resident linked to the first unit inside the node's subtree (and outside <see cref="Home"/> unless that is the node).</summary>
    public async Task<Guid> ResidentUnderAsync(Place place) => await app.WithDbAsync(async db =>
    {
        var units = db.Nodes.Where(n => n.Kind == NodeKind.Unit && n.Path.StartsWith(place.Path));
        if (Home is not null && Home.Id != place.Id)
        {
            units = units.Where(n => !n.Path.StartsWith(Home.Path));
        }

        var unitId = await units.OrderBy(n => n.Code).Select(n => n.Id).FirstAsync();
        var user = new LinliUser { UserName = $"m-resident-{Next()}", DisplayName = "居民", Kind = AccountKind.Resident, CreatedAt = DateTimeOffset.UtcNow };
        db.Users.Add(user);
        var consent = new ConsentRecord { UserId = user.Id, Purpose = Consents.HouseholdLink, TextVersion = Consents.HouseholdLinkText.Version, GivenAt = DateTimeOffset.UtcNow };
        db.Consents.Add(consent);
        await db.SaveChangesAsync();
        db.HouseholdLinks.Add(new HouseholdLink { UserId = user.Id, UnitNodeId = unitId, ConsentId = consent.Id, LinkedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return user.Id;
    });

    /// <summary>A role assignment at the node held by a fresh account, for a revoke to remove.</summary>
    public async Task<int> AssignmentAtAsync(Place place) => await app.WithDbAsync(async db =>
    {
        var user = new LinliUser { UserName = $"m-held-{Next()}", DisplayName = "held", Kind = AccountKind.Staff, CreatedAt = DateTimeOffset.UtcNow };
        db.Users.Add(user);
        var assignment = new RoleAssignment { UserId = user.Id, Role = StaffRole.UnitChief, NodeId = place.Id, GrantedAt = DateTimeOffset.UtcNow };
        db.RoleAssignments.Add(assignment);
        await db.SaveChangesAsync();
        return assignment.Id;
    });

    /// <summary>
    /// A new case (state New, assigned to the grid chief role) in a grid inside the node's subtree — outside
    /// <see cref="Home"/> unless that is the node — or in the grid above the node when it lies below a grid.
    /// </summary>
    public async Task<MatrixCase> CaseUnderAsync(Place place) => await app.WithDbAsync(async db =>
    {
        var grids = place.Kind is NodeKind.Grid or NodeKind.Building or NodeKind.Unit
            ? db.Nodes.Where(n => n.Kind == NodeKind.Grid && place.Path.StartsWith(n.Path))
            : db.Nodes.Where(n => n.Kind == NodeKind.Grid && n.Path.StartsWith(place.Path));
        if (Home is not null && Home.Id != place.Id && place.Kind is not (NodeKind.Grid or NodeKind.Building or NodeKind.Unit))
        {
            grids = grids.Where(n => !n.Path.StartsWith(Home.Path));
        }

        var grid = await grids.OrderBy(n => n.Code).FirstAsync();
        var category = await db.CaseCategories.FirstAsync(c => c.Code == "noise");
        var now = DateTimeOffset.UtcNow;
        var @case = new Case
        {
            Receipt = ReceiptCodes.New(), CategoryId = category.Id, Description = "matrix", GridNodeId = grid.Id, GridPath = grid.Path,
            Latitude = 29.53, Longitude = 106.505, State = CaseState.New, ReportedAt = now, RespondBy = now.AddDays(1), ResolveBy = now.AddDays(7),
            AssignedRole = StaffRole.GridChief, AssignedNodeId = grid.Id,
        };
        @case.Photos.Add(new CasePhoto { Stage = PhotoStage.Report, ContentType = "image/jpeg", Content = [0xFF, 0xD8, 0xFF, 0xD9], AddedAt = now });
        db.Cases.Add(@case);
        await db.SaveChangesAsync();
        return new MatrixCase(@case.Id, @case.Receipt, @case.Photos[0].Id);
    });
}

public sealed record MatrixCase(long Number, string Receipt, long PhotoId);
