using System.Globalization;
using Linli.Web.Features.Open311.Wire;
using Microsoft.Extensions.Primitives;

namespace Linli.Web.Features.Open311.Requests;

/// <summary>
/// The query of GET requests. Ids, when given, override everything else (as the spec says). Otherwise reports filed
/// in a window of at most 90 days (the last 90 by default), newest first, at most 1,000.
/// </summary>
public sealed record ServiceRequestFilter(IReadOnlyList<long> Ids, IReadOnlyList<string> ServiceCodes, DateTimeOffset From, DateTimeOffset? To, bool? Open)
{
    public const int MaxRequests = 1000;
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(90);

    /// <summary>Reads the query; the errors are Open311's 400s, each naming its parameter.</summary>
    public static (ServiceRequestFilter Filter, List<Open311Error> Errors) Read(IQueryCollection query, DateTimeOffset now)
    {
        var errors = new List<Open311Error>();
        var ids = new List<long>();
        foreach (var text in Values(query["service_request_id"]))
        {
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                ids.Add(id);
            }
            else
            {
                errors.Add(new(400, $"service_request_id: '{text}' is not a service request id (a number)"));
            }
        }

        if (ids.Count > MaxRequests)
        {
            errors.Add(new(400, $"service_request_id: at most {MaxRequests} ids at once"));
        }

        var start = ReadDate(query, "start_date", errors);
        var end = ReadDate(query, "end_date", errors);
        var (from, to) = (start, end) switch
        {
            ({ } s, { } e) => (s, (DateTimeOffset?)e),
            ({ } s, null) => (s, s + MaxSpan),
            (null, { } e) => (e - MaxSpan, e),
            _ => (now - MaxSpan, null),
        };
        if (start is not null && end is not null && end < start)
        {
            errors.Add(new(400, "end_date: is before start_date"));
        }
        else if (to - from > MaxSpan)
        {
            errors.Add(new(400, "start_date, end_date: a search may not span more than 90 days"));
        }

        var statuses = Values(query["status"]).Select(s => s.ToLowerInvariant()).ToHashSet();
        foreach (var unknown in statuses.Where(s => s is not ("open" or "closed")))
        {
            errors.Add(new(400, $"status: '{unknown}' is not a status; use open, closed or both (comma delimited)"));
        }

        bool? open = statuses.Contains("open") == statuses.Contains("closed") ? null : statuses.Contains("open");
        var filter = new ServiceRequestFilter(ids, [.. Values(query["service_code"]).Distinct()], from, to, open);
        return (filter, errors);
    }

    /// <summary>A parameter "can be declared multiple times, comma delimited": both are read, and empty ones are no filter.</summary>
    private static IEnumerable<string> Values(StringValues given) =>
        given.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static DateTimeOffset? ReadDate(IQueryCollection query, string name, List<Open311Error> errors)
    {
        var text = query[name].ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (W3cDates.TryParse(text, out var at))
        {
            // PostgreSQL's timestamptz takes only UTC offsets; the instant is the same.
            return at.ToUniversalTime();
        }

        errors.Add(new(400, $"{name}: '{text}' is not a W3C date-time such as 2026-01-01T00:00:00+08:00"));
        return null;
    }
}
