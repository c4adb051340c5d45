using System.Security.Claims;
using System.Text.Encodings.Web;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Linli.Web.Features.People;

/// <summary>TOTP enrolment with any authenticator app; required before police and administrator roles count.</summary>
public static class TwoFactor
{
    public static async Task<Results<Ok<TwoFactorSetup>, UnauthorizedHttpResult, ProblemHttpResult>> SetupAsync(
        ClaimsPrincipal principal, UserManager<LinliUser> users)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        // A new key while two-factor is on would leave the person's app producing codes that no longer work.
        if (user.TwoFactorEnabled)
        {
            return Problems.Conflict("Two-factor sign-in is already on for this account.");
        }

        await users.ResetAuthenticatorKeyAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        var label = UrlEncoder.Default.Encode($"Linli:{user.UserName}");
        return TypedResults.Ok(new TwoFactorSetup(key, $"otpauth://totp/{label}?secret={key}&issuer=Linli&digits=6"));
    }

    public static async Task<Results<NoContent, ValidationProblem, UnauthorizedHttpResult>> EnableAsync(
        TwoFactorCodeRequest request, ClaimsPrincipal principal, UserManager<LinliUser> users, SignInManager<LinliUser> signIn)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        var code = request.Code?.Replace(" ", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(code) || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return Problems.Invalid("code", "the code does not match; check the time on your phone and try the current code");
        }

        await users.SetTwoFactorEnabledAsync(user, true);

        // The person has just proved the second factor, so this sign-in counts as two-factor from now on.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(LinliClaims.AuthenticationMethod, LinliClaims.MultiFactor)]);
        return TypedResults.NoContent();
    }
}
