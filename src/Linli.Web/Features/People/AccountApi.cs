namespace Linli.Web.Features.People;

public static class AccountApi
{
    public static RouteGroupBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/api/v1/account").WithTags("Account");
        account.MapPost("/codes", SignUp.SendCodeAsync).RequireRateLimiting("codes");
        account.MapPost("/signup", SignUp.HandleAsync).RequireRateLimiting("sign-in");
        account.MapPost("/signin", SignIn.HandleAsync).RequireRateLimiting("sign-in");
        account.MapPost("/signout", SignIn.SignOutAsync);

        var signedIn = account.MapGroup("/").RequireAuthorization();
        signedIn.MapGet("/me", Me.HandleAsync);
        signedIn.MapPost("/two-factor/setup", TwoFactor.SetupAsync);
        signedIn.MapPost("/two-factor/enable", TwoFactor.EnableAsync);
        return account;
    }
}
