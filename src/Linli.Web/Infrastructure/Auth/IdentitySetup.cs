using Linli.Web.Data;
using Linli.Web.Features.People;
using Microsoft.AspNetCore.Identity;

namespace Linli.Web.Infrastructure.Auth;

public static class IdentitySetup
{
    public static IServiceCollection AddLinliIdentity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section))
            .Validate(o => !o.DemoWaivesRequiredTwoFactor || environment.IsDevelopment(),
                "Security:DemoWaivesRequiredTwoFactor may only be on in the Development environment.")
            .ValidateOnStart();

        services.AddIdentity<LinliUser, IdentityRole<Guid>>(options =>
            {
                // Length over composition rules (NIST SP 800-63B): a long passphrase is easier to type on a phone and harder to guess.
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                options.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<LinliDb>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<LinliClaimsFactory>();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "linli";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/signin";
            cookie.AccessDeniedPath = "/";
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);

            // The API answers 401/403 instead of redirecting to the sign-in page.
            cookie.Events.OnRedirectToLogin = context => Answer(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Answer(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorization();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ScopeAuthorizer>();
        services.AddScoped<RoleGrants>();
        services.AddScoped<OneTimeCodes>();
        if (environment.IsDevelopment() || configuration.GetValue<bool>("Security:UseDevOutbox"))
        {
            services.AddSingleton<DevOutbox>();
            services.AddSingleton<IOneTimeCodeSender>(sp => sp.GetRequiredService<DevOutbox>());
        }
        else
        {
            services.AddSingleton<IOneTimeCodeSender, NoCodeSender>();
        }

        return services;
    }

    private static Task Answer(HttpContext http, string redirectUri, int status)
    {
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        http.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }
}
