using System.Security.Claims;
using Linli.Web.Data;
using Linli.Web.Features.People;
using Linli.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Channels;

/// <summary>Who is calling, with the roles that let them use channels in this sign-in.</summary>
public sealed record ChannelCaller(Guid UserId, IReadOnlyList<HeldRole> Roles)
{
    public bool UsesChannels => Roles.Count > 0;
}

/// <summary>
/// Loads the caller's channel roles from a principal rather than from the request, because the SignalR hub checks
/// membership on every join, outside any HTTP request. Administrator roles count only after a two-factor sign-in.
/// </summary>
public sealed class ChannelAccess(LinliDb db, IOptions<SecurityOptions> security)
{
    public async Task<ChannelCaller?> CallerAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return null;
        }

        var users = ChannelMembership.Users;
        var roles = await db.RoleAssignments.AsNoTracking().Where(a => a.UserId == userId && a.Node != null && users.Contains(a.Role))
            .Select(a => new HeldRole(a.Id, a.Role, a.Node!.Code, a.Node.Path, a.DepartmentId, a.PartnerId))
            .ToListAsync(cancellationToken);
        var secondFactor = security.Value.DemoWaivesRequiredTwoFactor || principal.HasClaim(LinliClaims.AuthenticationMethod, LinliClaims.MultiFactor);
        return new ChannelCaller(userId, [.. roles.Where(r => !RoleAssignment.RequiresTwoFactor(r.Role) || secondFactor)]);
    }

    public Task<ChannelRef?> ChannelAsync(long id, CancellationToken cancellationToken = default) =>
        db.Channels.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new ChannelRef(c.Id, c.Kind, c.NodeId, c.NodePath, c.CampaignId)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The channel when the caller may use it; a refusal otherwise (404 unknown, 403 not a member).</summary>
    public async Task<(ChannelCaller Caller, ChannelRef Channel)> RequireMemberAsync(ClaimsPrincipal principal, long id, CancellationToken cancellationToken = default)
    {
        var caller = await CallerAsync(principal, cancellationToken);
        if (caller is null || !caller.UsesChannels)
        {
            throw new Infrastructure.Problems.DomainRuleException("channel", "Only chiefs and staff who use channels may do this.", StatusCodes.Status403Forbidden);
        }

        var channel = await ChannelAsync(id, cancellationToken)
            ?? throw new Infrastructure.Problems.DomainRuleException("channel", $"No channel {id}.", StatusCodes.Status404NotFound);
        return ChannelMembership.MayUse(caller.Roles, channel)
            ? (caller, channel)
            : throw new Infrastructure.Problems.DomainRuleException("channel", "You are not a member of this channel.", StatusCodes.Status403Forbidden);
    }
}
