using System.Globalization;
using System.Text.RegularExpressions;
using Linli.Web.Data;
using Linli.Web.Features.Open311.Wire;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Open311.Requests;

/// <summary>GET requests (with every filter), GET one request, and GET the request id behind a token.</summary>
public static partial class ServiceRequestQueries
{
    public static async Task<Open311Result> ListAsync(string format, HttpRequest request, ServiceRequestReader reader, LinliDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var wire = Open311Formats.Parse(format);
        var (filter, errors) = ServiceRequestFilter.Read(request.Query, clock.GetUtcNow());
        if (errors.Count > 0)
        {
            return Open311Errors.Answer(wire, StatusCodes.Status400BadRequest, errors);
        }

        if (filter.Ids.Count == 0 && filter.ServiceCodes.Count > 0)
        {
            var codes = filter.ServiceCodes;
            var known = await db.CaseCategories.AsNoTracking().Where(c => codes.Contains(c.Code)).Select(c => c.Code).ToListAsync(cancellationToken);
            var unknown = codes.Except(known).Select(code => new Open311Error(404, $"service_code '{code}' was not found")).ToList();
            if (unknown.Count > 0)
            {
                return Open311Errors.Answer(wire, StatusCodes.Status404NotFound, unknown);
            }
        }

        return new Open311Result(await reader.ListAsync(filter, cancellationToken), "service_requests", wire);
    }

    public static async Task<Open311Result> GetAsync(string id, string format, ServiceRequestReader reader, CancellationToken cancellationToken)
    {
        var wire = Open311Formats.Parse(format);
        var found = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? await reader.GetAsync(number, cancellationToken) : null;
        return found is null
            ? Open311Errors.NotFound(wire, $"service_request_id '{id}' was not found")
            : new Open311Result(new[] { found }, "service_requests", wire);
    }

    public static async Task<Open311Result> TokenAsync(string token, string format, LinliDb db, CancellationToken cancellationToken)
    {
        var wire = Open311Formats.Parse(format);
        long? id = TokenPattern().IsMatch(token)
            ? await db.Cases.AsNoTracking().Where(c => c.Open311Token == token).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken)
            : null;
        return id is null
            ? Open311Errors.NotFound(wire, $"token '{token}' was not found")
            : new Open311Result(new[] { new TokenAnswer(id.Value.ToString(CultureInfo.InvariantCulture), token) }, "service_requests", wire);
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TokenPattern();
}
