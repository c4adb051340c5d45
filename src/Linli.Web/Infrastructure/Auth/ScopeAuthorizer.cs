using Linli.Web.Features.People;
using Microsoft.Extensions.Options;

namespace Linli.Web.Infrastructure.Auth;

public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Lets police and administrator demo accounts sign in without TOTP. For the local demo only: it is false unless
    /// appsettings.Development.json turns it on, and Linli refuses to start with it outside Development.
    /// </summary>
    public bool DemoWaivesRequiredTwoFactor { get; set; }
}

/// <summary>
/// The one rule for staff rights: a role held at a node grants its permissions over that node's subtree only — never
/// over siblings or ancestors. Police and administrator roles count only after a two-factor sign-in.
/// </summary>
public sealed class ScopeAuthorizer(CurrentUser currentUser, IOptions<SecurityOptions> security)
{
    public async Task<bool> CanAsync(Permission permission, string nodePath, CancellationToken cancellationToken = default) =>
        (await RolesGrantingAsync(permission, cancellationToken)).Any(r => r.NodePath is not null && nodePath.StartsWith(r.NodePath, StringComparison.Ordinal));

    /// <summary>For what is city-wide (the category catalogue, records with no place in the tree): the role must be held at a root.</summary>
    public async Task<bool> CanAtRootAsync(Permission permission, CancellationToken cancellationToken = default) =>
        (await RolesGrantingAsync(permission, cancellationToken)).Any(r => r.IsAtRoot);

    /// <summary>The held roles that grant <paramref name="permission"/> and are usable in this sign-in.</summary>
    public async Task<IReadOnlyList<HeldRole>> RolesGrantingAsync(Permission permission, CancellationToken cancellationToken = default)
    {
        var roles = await currentUser.RolesAsync(cancellationToken);
        return [.. roles.Where(r => RolePermissions.Allows(r.Role, permission) && IsUsable(r.Role))];
    }

    /// <summary>Whether the held role is usable now: police and administrator roles need a second factor.</summary>
    public bool IsUsable(StaffRole role) =>
        !RoleAssignment.RequiresTwoFactor(role) || security.Value.DemoWaivesRequiredTwoFactor ||
        currentUser.Principal.HasClaim(LinliClaims.AuthenticationMethod, LinliClaims.MultiFactor);

    public async Task<bool> NeedsTwoFactorSetupAsync(CancellationToken cancellationToken = default) =>
        (await currentUser.RolesAsync(cancellationToken)).Any(r => !IsUsable(r.Role));
}
