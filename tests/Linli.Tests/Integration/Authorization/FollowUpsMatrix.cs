using System.Net.Http.Json;
using Linli.Web.Infrastructure.Auth;

namespace Linli.Tests.Integration.Authorization;

/// <summary>Follow-ups' and satisfaction figures' entries in the matrix.</summary>
public static class FollowUpsMatrix
{
    // A well-formed token that no follow-up has: anyone may try a link, and an unknown one is not found.
    private const string UnknownToken = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    public static MatrixEntry[] Entries =>
    [
        Expect(new("GET /api/v1/followups/{token}", Access.Public, null, (c, _, _) => c.GetAsync($"/api/v1/followups/{UnknownToken}")), 404),
        Expect(new("POST /api/v1/followups/{token}", Access.Public, null, (c, _, _) => c.PostAsJsonAsync($"/api/v1/followups/{UnknownToken}", new { stars = 5 })), 404),
        new("GET /api/v1/satisfaction/", Access.Public, null, (c, _, t) => c.GetAsync($"/api/v1/satisfaction?node={t.Code}&period=last-90-days")),
        new("GET /api/v1/satisfaction/officers", Access.Scoped, Permission.ViewSatisfaction, (c, _, t) => c.GetAsync($"/api/v1/satisfaction/officers?node={t.Code}")),
    ];

    private static MatrixEntry Expect(MatrixEntry entry, int status) => entry with
    {
        Call = async (c, w, t) =>
        {
            var response = await entry.Call(c, w, t);
            response.Headers.Add("X-Matrix-Expected", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return response;
        },
    };
}
