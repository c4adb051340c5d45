using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Linli.Web.Infrastructure.Web;

public static class Localization
{
    public static readonly CultureInfo[] Supported = [new("zh-CN"), new("en")];

    /// <summary>zh-CN unless the browser or the language switch (a cookie) asks for English.</summary>
    public static IApplicationBuilder UseLinliLocalization(this IApplicationBuilder app) =>
        app.UseRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("zh-CN");
            options.SupportedCultures = Supported;
            options.SupportedUICultures = Supported;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
        });
}
