using Microsoft.AspNetCore.Localization;

namespace Linli.Web.Infrastructure.Web;

public static class LanguageSwitch
{
    /// <summary>GET /language?culture=en&amp;returnUrl=/ sets the culture cookie and goes back, so the switch works without script.</summary>
    public static void MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/language", (string? culture, string? returnUrl, HttpContext http) =>
        {
            var chosen = Localization.Supported.FirstOrDefault(c => c.Name == culture)?.Name ?? "zh-CN";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            var target = returnUrl is not null && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/";
            return TypedResults.LocalRedirect(target);
        }).ExcludeFromDescription();
}
