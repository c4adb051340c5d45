using Microsoft.AspNetCore.Diagnostics;

namespace Linli.Web.Components.Pages.Cases;

public static class PageStatus
{
    /// <summary>
    /// Answers 404 with this page's own content (it says what was wrong and offers the lookup form again). Set
    /// directly, a 404 makes Blazor leave the body to the status code pages, which would show the generic error page;
    /// so the code is applied as the response starts, and the status code pages are told to stand aside.
    /// </summary>
    public static void NotFoundWithThisPage(HttpContext? http)
    {
        if (http is null)
        {
            return;
        }

        if (http.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        http.Response.OnStarting(() =>
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }
}
