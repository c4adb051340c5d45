using System.Security.Claims;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.People;

public enum SignInOutcome
{
    SignedIn,
    WrongCredentials,
    LockedOut,
    TwoFactorCodeNeeded,
}

/// <summary>Password sign-in with lockout, and the TOTP step when the account has two-factor on.</summary>
public static class SignIn
{
    public static async Task<Results<Ok<MeResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        SignInRequest request, HttpContext http, UserManager<LinliUser> users, SignInManager<LinliUser> signIn, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Login))
        {
            return Problems.Invalid("login", "enter your user name, mobile number or email");
        }

        var (outcome, user) = await TrySignInAsync(request, users, signIn, cancellationToken);
        return outcome switch
        {
            SignInOutcome.SignedIn => TypedResults.Ok(await Me.DescribeAsync(user!, http, cancellationToken, justSignedInWithSecondFactor: user!.TwoFactorEnabled)),
            SignInOutcome.TwoFactorCodeNeeded => Problems.Invalid("twoFactorCode", "enter the 6-digit code from your authenticator app"),

            // A locked account answers like a wrong password, so nobody learns which logins exist.
            _ => TypedResults.Problem("The details are wrong, or there were too many attempts; try again in a few minutes.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed"),
        };
    }

    /// <summary>Shared by the API and the sign-in page.</summary>
    public static async Task<(SignInOutcome Outcome, LinliUser? User)> TrySignInAsync(
        SignInRequest request, UserManager<LinliUser> users, SignInManager<LinliUser> signIn, CancellationToken cancellationToken)
    {
        var user = await FindAsync(request.Login!, users, cancellationToken);
        if (user is null || string.IsNullOrEmpty(request.Password))
        {
            return (SignInOutcome.WrongCredentials, null);
        }

        var password = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (password.IsLockedOut)
        {
            return (SignInOutcome.LockedOut, null);
        }

        if (!password.Succeeded)
        {
            return (SignInOutcome.WrongCredentials, null);
        }

        List<Claim> claims = [];
        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(request.TwoFactorCode))
            {
                return (SignInOutcome.TwoFactorCodeNeeded, null);
            }

            var code = request.TwoFactorCode.Replace(" ", "", StringComparison.Ordinal);
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.AccessFailedAsync(user);
                return (SignInOutcome.WrongCredentials, null);
            }

            claims.Add(new Claim(LinliClaims.AuthenticationMethod, LinliClaims.MultiFactor));
        }

        await signIn.SignInWithClaimsAsync(user, isPersistent: false, claims);
        return (SignInOutcome.SignedIn, user);
    }

    public static async Task<NoContent> SignOutAsync(SignInManager<LinliUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<LinliUser?> FindAsync(string login, UserManager<LinliUser> users, CancellationToken cancellationToken)
    {
        var byName = await users.FindByNameAsync(login.Trim());
        if (byName is not null || !ContactAddress.TryNormalise(login, out var contact, out var isEmail))
        {
            return byName;
        }

        return isEmail
            ? await users.FindByEmailAsync(contact)
            : await users.Users.FirstOrDefaultAsync(u => u.PhoneNumber == contact, cancellationToken);
    }
}
