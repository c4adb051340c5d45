using Linli.Web.Infrastructure.Auth;

namespace Linli.Tests.Integration.Authorization;

/// <summary>The staff dashboards' entry in the matrix: only over the holder's own subtree, and never for police.</summary>
public static class DashboardsMatrix
{
    public static MatrixEntry[] Entries =>
    [
        // Below a grid the dashboard explains that figures stop at grid level (400), but only to a caller who may see the area.
        new("GET /api/v1/dashboards/", Access.Scoped, Permission.ViewDashboards, async (c, _, t) =>
        {
            var response = await c.GetAsync($"/api/v1/dashboards?node={t.Code}&period=last-month");
            if (t.Kind > Web.Features.Tree.NodeKind.Grid)
            {
                response.Headers.Add("X-Matrix-Expected", "400");
            }

            return response;
        }),
    ];
}
