using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.People;

/// <summary>Residents sign up with a phone or email they prove with a one-time code; a name and that contact are all Linli asks.</summary>
public static class SignUp
{
    public static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> SendCodeAsync(
        CodeRequest request, OneTimeCodes codes, CancellationToken cancellationToken)
    {
        if (!ContactAddress.TryNormalise(request.Destination, out var destination, out _))
        {
            return Problems.Invalid("destination", "enter a mobile number (e.g. 13800138000 or +8613800138000) or an email address");
        }

        if (!codes.CanSend)
        {
            return TypedResults.Problem("No SMS or email sender is configured, so codes cannot be sent.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (!await codes.IssueAsync(destination, cancellationToken))
        {
            return TypedResults.Problem("Too many codes were requested for this number or address; try again in an hour.", statusCode: StatusCodes.Status429TooManyRequests);
        }

        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Results<Created<MeResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        SignUpRequest request, OneTimeCodes codes, UserManager<LinliUser> users, SignInManager<LinliUser> signIn, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!ContactAddress.TryNormalise(request.Destination, out var destination, out var isEmail))
        {
            return Problems.Invalid("destination", "enter a mobile number or an email address");
        }

        var name = request.DisplayName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            return Problems.Invalid("displayName", "a name is required (at most 100 characters)");
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            return Problems.Invalid("password", "a password is required");
        }

        var check = await codes.ConsumeAsync(destination, request.Code, cancellationToken);
        if (check != CodeCheck.Valid)
        {
            return Problems.Invalid("code", check == CodeCheck.TooManyAttempts
                ? "too many wrong codes; request a new one"
                : "the code is wrong or has expired");
        }

        // Only after the code proves the address is held do we say whether an account already uses it.
        if (await users.Users.AnyAsync(u => u.UserName == destination || u.Email == destination || u.PhoneNumber == destination, cancellationToken))
        {
            return Problems.Conflict("An account already uses this number or address; sign in instead.");
        }

        var user = new LinliUser
        {
            UserName = destination,
            DisplayName = name,
            Kind = AccountKind.Resident,
            CreatedAt = clock.GetUtcNow(),
            Email = isEmail ? destination : null,
            EmailConfirmed = isEmail,
            PhoneNumber = isEmail ? null : destination,
            PhoneNumberConfirmed = !isEmail,
        };
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            return Problems.Invalid("password", string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return TypedResults.Created("/api/v1/account/me", new MeResponse(
            user.Id, user.DisplayName, user.Kind.ToString(), user.Email, user.PhoneNumber, false, false, [], null));
    }
}
