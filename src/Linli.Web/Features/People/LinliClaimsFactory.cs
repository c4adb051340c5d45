using System.Security.Claims;
using Linli.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.People;

/// <summary>Adds the display name and account kind to the sign-in cookie so pages need no lookup to greet the user.</summary>
public sealed class LinliClaimsFactory(UserManager<LinliUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<LinliUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(LinliUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(LinliClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(LinliClaims.AccountKind, user.Kind.ToString()));
        return identity;
    }
}
