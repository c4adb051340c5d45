using System.Security.Cryptography;
using Linli.Web.Data;
using Linli.Web.Features.Departments;
using Linli.Web.Features.Partners;
using Linli.Web.Features.People;
using Linli.Web.Features.Tree;
using Linli.Web.Features.Tree.Import;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Demo;

/// <summary>What <see cref="DemoPeople"/> created.</summary>
public sealed record DemoPeopleResult(int People, int WithPassword, int RoleAssignments, int Departments, int Partners);

/// <summary>
/// Puts people into roles on a loaded demo tree. The well-known accounts (<see cref="DemoAccounts"/>) get the demo
/// password through <see cref="UserManager{TUser}"/>; everyone else is bulk-inserted without a password (they would sign in
/// by one-time code), with a confirmed e-mail address under <see cref="DemoAccounts.EmailDomain"/>.
/// Logins of the passwordless people: <c>chief-{code}</c> for grid, building and unit chiefs, <c>police-{code}</c>,
/// <c>worker-{code}</c>, <c>handler-{department}</c>, <c>partner-{n}</c>, <c>resident-{nn}</c>.
/// </summary>
public sealed class DemoPeople(LinliDb db, ILookupNormalizer normalizer, TimeProvider clock)
{
    private const int BatchSize = 5_000;
    private const int StreetResidents = 30;
    private const string PeopleStage = "people";

    private sealed record Person(LinliUser User, RoleAssignment? Role);

    private sealed record NodeId(int Id, NodeKind Kind);

    /// <summary>People for the street dataset. Call once, after the street tree (<see cref="TreeGenerator.GenerateStreet"/>) is imported.</summary>
    public async Task<DemoPeopleResult> CreateForStreetAsync(UserManager<LinliUser> users, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var nodes = await NodesUnderAsync(TreeGenerator.ChongqingCode, cancellationToken);
        var now = clock.GetUtcNow();
        var random = new Random(2023_0501);
        var result = new DemoPeopleResult(0, 0, 0, 0, 0);

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            result = new DemoPeopleResult(0, 0, 0, 0, 0);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var (departments, partners) = await CreateOrganisationsAsync(nodes[TreeGenerator.ShiqiaopuCode].Id, cancellationToken);

            // The well-known accounts, through Identity so that their passwords are hashed as at sign-up.
            foreach (var account in DemoAccounts.All)
            {
                progress?.Report(new ImportProgress("people: demo accounts", result.WithPassword, DemoAccounts.All.Count));
                var user = NewUser(account.Login, account.DisplayName, account.StaffRole is null ? AccountKind.Resident : AccountKind.Staff, now);
                var created = await users.CreateAsync(user, DemoAccounts.Password);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException(
                        $"Could not create the demo account '{account.Login}': {string.Join("; ", created.Errors.Select(e => e.Description))}");
                }

                if (account.StaffRole is { } role)
                {
                    db.RoleAssignments.Add(new RoleAssignment
                    {
                        UserId = user.Id,
                        Role = role,
                        NodeId = account.NodeCode is null ? null : nodes[account.NodeCode].Id,
                        DepartmentId = role == StaffRole.DepartmentHandler ? departments[DemoOrganisations.WaterUtility.Code] : null,
                        PartnerId = role == StaffRole.PartnerStaff ? partners[0] : null,
                        GrantedAt = now,
                    });
                }

                result = result with { People = result.People + 1, WithPassword = result.WithPassword + 1, RoleAssignments = result.RoleAssignments + (account.StaffRole is null ? 0 : 1) };
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();

            // Everyone else, without a password.
            var taken = DemoAccounts.All.Where(a => a.NodeCode is not null).Select(a => (a.NodeCode!, a.StaffRole!.Value)).ToHashSet();
            var people = new List<Person>();
            foreach (var (code, node) in nodes.OrderBy(n => n.Key, StringComparer.Ordinal))
            {
                switch (node.Kind)
                {
                    case NodeKind.Community:
                        AddStaff(people, taken, "police", code, node.Id, StaffRole.CommunityPolice, random, now);
                        AddStaff(people, taken, "worker", code, node.Id, StaffRole.CommunityWorker, random, now);
                        break;
                    case NodeKind.Grid:
                        AddStaff(people, taken, "chief", code, node.Id, StaffRole.GridChief, random, now);
                        break;
                    case NodeKind.Building:
                        AddStaff(people, taken, "chief", code, node.Id, StaffRole.BuildingChief, random, now);
                        break;
                    case NodeKind.Unit:
                        AddStaff(people, taken, "chief", code, node.Id, StaffRole.UnitChief, random, now);
                        break;
                }
            }

            foreach (var department in DemoOrganisations.StreetDepartments.Where(d => d != DemoOrganisations.WaterUtility))
            {
                var user = NewUser("handler-" + department.Code, DemoNames.Person(random), AccountKind.Staff, now);
                people.Add(new Person(user, Assignment(user, StaffRole.DepartmentHandler, now, departmentId: departments[department.Code])));
            }

            for (var p = 1; p < partners.Count; p++)
            {
                var user = NewUser($"partner-{p + 1}", DemoNames.Person(random), AccountKind.Staff, now);
                people.Add(new Person(user, Assignment(user, StaffRole.PartnerStaff, now, partnerId: partners[p])));
            }

            for (var r = 1; r <= StreetResidents; r++)
            {
                people.Add(new Person(NewUser($"resident-{r:D2}", DemoNames.Person(random), AccountKind.Resident, now), null));
            }

            await InsertAsync(people, "people: staff and residents", progress, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            result = result with
            {
                People = result.People + people.Count,
                RoleAssignments = result.RoleAssignments + people.Count(p => p.Role is not null),
                Departments = departments.Count,
                Partners = partners.Count,
            };
        });

        return result;
    }

    /// <summary>
    /// People for the city dataset: a chief at every grid, building and unit, and an administrator at the city, none with a
    /// password. Call once, after the city tree (<see cref="TreeGenerator.GenerateCity"/>) is imported.
    /// </summary>
    public async Task<DemoPeopleResult> CreateForCityAsync(IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var nodes = await NodesUnderAsync(TreeGenerator.ChangchunCode, cancellationToken);
        var now = clock.GetUtcNow();
        var random = new Random(2020_0301);
        var people = new List<Person>(nodes.Count);

        var admin = NewUser(DemoAccounts.CityAdministratorLogin, DemoNames.Person(random), AccountKind.Staff, now);
        people.Add(new Person(admin, Assignment(admin, StaffRole.Administrator, now, nodeId: nodes[TreeGenerator.ChangchunCode].Id)));
        var none = new HashSet<(string, StaffRole)>();
        foreach (var (code, node) in nodes.OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            var role = node.Kind switch
            {
                NodeKind.Grid => StaffRole.GridChief,
                NodeKind.Building => StaffRole.BuildingChief,
                NodeKind.Unit => StaffRole.UnitChief,
                _ => (StaffRole?)null,
            };
            if (role is not null)
            {
                AddStaff(people, none, "chief", code, node.Id, role.Value, random, now);
            }
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await InsertAsync(people, PeopleStage, progress, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

        return new DemoPeopleResult(people.Count, 0, people.Count, 0, 0);
    }

    private async Task<Dictionary<string, NodeId>> NodesUnderAsync(string rootCode, CancellationToken cancellationToken)
    {
        var prefix = "/" + rootCode + "/";
        return await db.Nodes.AsNoTracking().Where(n => n.Path.StartsWith(prefix))
            .Select(n => new { n.Code, n.Id, n.Kind })
            .ToDictionaryAsync(n => n.Code, n => new NodeId(n.Id, n.Kind), StringComparer.Ordinal, cancellationToken);
    }

    private async Task<(Dictionary<string, int> Departments, List<int> Partners)> CreateOrganisationsAsync(int streetId, CancellationToken cancellationToken)
    {
        var departments = DemoOrganisations.StreetDepartments.Select(d => new Department
        {
            Code = d.Code,
            Name = d.Name,
            NameEn = d.NameEn,
            Kind = d.Kind,
            CategoryCodes = [.. d.CategoryCodes],
            Areas = [new DepartmentArea { NodeId = streetId }],
        }).ToList();
        var partners = DemoOrganisations.StreetPartners.Select(p => new PartnerOrganisation { Name = p.Name, Type = p.Type }).ToList();
        db.Departments.AddRange(departments);
        db.Partners.AddRange(partners);
        await db.SaveChangesAsync(cancellationToken);
        return (departments.ToDictionary(d => d.Code, d => d.Id, StringComparer.Ordinal), [.. partners.Select(p => p.Id)]);
    }

    private void AddStaff(
        List<Person> people, HashSet<(string, StaffRole)> taken, string prefix, string code, int nodeId, StaffRole role, Random random, DateTimeOffset now)
    {
        var name = DemoNames.Person(random);
        if (taken.Contains((code, role)))
        {
            return;
        }

        var user = NewUser($"{prefix}-{code}", name, AccountKind.Staff, now);
        people.Add(new Person(user, Assignment(user, role, now, nodeId: nodeId)));
    }

    private static RoleAssignment Assignment(LinliUser user, StaffRole role, DateTimeOffset now, int? nodeId = null, int? departmentId = null, int? partnerId = null) =>
        new() { UserId = user.Id, Role = role, NodeId = nodeId, DepartmentId = departmentId, PartnerId = partnerId, GrantedAt = now };

    /// <summary>A user as Identity would store one created without a password: normalised names, stamps, lockout on.</summary>
    private LinliUser NewUser(string login, string displayName, AccountKind kind, DateTimeOffset now)
    {
        var email = DemoAccounts.EmailOf(login);
        return new LinliUser
        {
            Id = Guid.CreateVersion7(now),
            UserName = login,
            NormalizedUserName = normalizer.NormalizeName(login),
            Email = email,
            NormalizedEmail = normalizer.NormalizeEmail(email),
            EmailConfirmed = true,
            SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            DisplayName = displayName,
            Kind = kind,
            CreatedAt = now,
        };
    }

    private async Task InsertAsync(List<Person> people, string stage, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var done = 0;
            progress?.Report(new ImportProgress(stage, done, people.Count));
            foreach (var batch in people.Chunk(BatchSize))
            {
                db.Users.AddRange(batch.Select(p => p.User));
                db.RoleAssignments.AddRange(batch.Where(p => p.Role is not null).Select(p => p.Role!));
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                done += batch.Length;
                progress?.Report(new ImportProgress(stage, done, people.Count));
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}
