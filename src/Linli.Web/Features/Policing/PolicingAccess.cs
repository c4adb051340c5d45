using Linli.Web.Data;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Policing;

public sealed record PolicingPlace(int Id, string Code, string Name, string? NameEn, NodeKind Kind, string Path);

/// <summary>Who may log and read half-days: the officer who logged one, and coverage holders over its community for reading.</summary>
public sealed class PolicingAccess(LinliDb db, CurrentUser currentUser, ScopeAuthorizer scope)
{
    public Guid? CurrentUserId => currentUser.Id;

    public Guid RequireUser() =>
        currentUser.Id ?? throw new DomainRuleException("user", "sign in first", StatusCodes.Status401Unauthorized);

    public async Task<PolicingPlace?> PlaceAsync(string? code, CancellationToken cancellationToken)
    {
        var trimmed = code?.Trim();
        return string.IsNullOrEmpty(trimmed)
            ? null
            : await db.Nodes.AsNoTracking().Where(n => n.Code == trimmed)
                .Select(n => new PolicingPlace(n.Id, n.Code, n.Name, n.NameEn, n.Kind, n.Path)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The community named by <paramref name="field"/>, which the caller logs policing work in (403 otherwise).</summary>
    public async Task<PolicingPlace> CommunityToLogInAsync(string field, string? code, CancellationToken cancellationToken)
    {
        var community = await PlaceAsync(code, cancellationToken);
        if (community is not { Kind: NodeKind.Community })
        {
            throw new DomainRuleException(field, string.IsNullOrWhiteSpace(code) ? $"{field} is required" : $"no community has the code '{code}'");
        }

        if (!await scope.CanAsync(Permission.LogCommunityPolicing, community.Path, cancellationToken))
        {
            throw new DomainRuleException(field, "You log half-days only in a community where you are its community officer.", StatusCodes.Status403Forbidden);
        }

        return community;
    }

    /// <summary>The caller's own half-day, still in a community they police; 404 when there is none, 403 when it is not theirs.</summary>
    public async Task<PolicingHalfDay> OwnHalfDayAsync(int id, CancellationToken cancellationToken)
    {
        var userId = RequireUser();
        var halfDay = await db.PolicingHalfDays.FirstOrDefaultAsync(h => h.Id == id, cancellationToken)
            ?? throw new DomainRuleException("id", $"no half-day #{id}", StatusCodes.Status404NotFound);
        if (halfDay.OfficerUserId != userId || !await scope.CanAsync(Permission.LogCommunityPolicing, halfDay.CommunityPath, cancellationToken))
        {
            throw new DomainRuleException("id", "Only the officer who logged this half-day adds to it.", StatusCodes.Status403Forbidden);
        }

        return halfDay;
    }

    /// <summary>Whether the caller may read a half-day: it is theirs, or they see policing coverage over its community.</summary>
    public async Task<bool> MayReadAsync(Guid officerUserId, string communityPath, CancellationToken cancellationToken) =>
        currentUser.Id == officerUserId || await scope.CanAsync(Permission.ViewPolicingCoverage, communityPath, cancellationToken);

    /// <summary>The communities at or under the nodes where the caller holds a role that logs policing work.</summary>
    public async Task<IReadOnlyList<PolicingPlace>> MyCommunitiesAsync(CancellationToken cancellationToken)
    {
        var roots = (await scope.RolesGrantingAsync(Permission.LogCommunityPolicing, cancellationToken)).Where(r => r.NodePath is not null).Select(r => r.NodePath!).Distinct().ToList();
        var found = new List<PolicingPlace>();
        foreach (var root in roots)
        {
            found.AddRange(await db.Nodes.AsNoTracking().Where(n => n.Kind == NodeKind.Community && (n.Path.StartsWith(root) || root.StartsWith(n.Path)))
                .OrderBy(n => n.Code).Take(50).Select(n => new PolicingPlace(n.Id, n.Code, n.Name, n.NameEn, n.Kind, n.Path)).ToListAsync(cancellationToken));
        }

        return [.. found.DistinctBy(c => c.Id).OrderBy(c => c.Code)];
    }

    public async Task RequireAnyLogRoleAsync(CancellationToken cancellationToken)
    {
        RequireUser();
        if ((await scope.RolesGrantingAsync(Permission.LogCommunityPolicing, cancellationToken)).Count == 0)
        {
            throw new DomainRuleException("user", "Only community police officers log half-days.", StatusCodes.Status403Forbidden);
        }
    }

    /// <summary>The node named for a coverage view, which the caller must see policing coverage over.</summary>
    public async Task<PolicingPlace> CoverageNodeAsync(string? code, CancellationToken cancellationToken)
    {
        if ((await scope.RolesGrantingAsync(Permission.ViewPolicingCoverage, cancellationToken)).Count == 0)
        {
            throw new DomainRuleException("node", "Only officers, street staff and administrators see policing coverage.", StatusCodes.Status403Forbidden);
        }

        var node = await PlaceAsync(code, cancellationToken)
            ?? throw new DomainRuleException("node", string.IsNullOrWhiteSpace(code) ? "node is required" : $"no node has the code '{code}'");
        if (!await scope.CanAsync(Permission.ViewPolicingCoverage, node.Path, cancellationToken))
        {
            throw new DomainRuleException("node", "This part of the tree is outside your area.", StatusCodes.Status403Forbidden);
        }

        return node;
    }

    /// <summary>The nodes the caller sees coverage over, highest first (for the page's default).</summary>
    public async Task<IReadOnlyList<string>> CoverageRootsAsync(CancellationToken cancellationToken) =>
        [.. (await scope.RolesGrantingAsync(Permission.ViewPolicingCoverage, cancellationToken)).Where(r => r.NodeCode is not null)
            .OrderBy(r => r.NodePath!.Length).Select(r => r.NodeCode!).Distinct()];
}
