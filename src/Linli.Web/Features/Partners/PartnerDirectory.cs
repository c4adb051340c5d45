using System.Globalization;
using System.Text;
using Linli.Web.Data;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Partners;

/// <summary>
/// What anyone may see of partners: the active ones serving a community, their offers and events, and aggregate ratings.
/// Suspended partners and withdrawn offers are left out; no resident's name or sign-up is ever shown.
/// </summary>
public sealed class PartnerDirectory(LinliDb db, TimeProvider clock)
{
    public sealed record Community(int Id, string Code, string Name, string? NameEn, string Path);

    public async Task<Community> CommunityAsync(string? code, CancellationToken cancellationToken)
    {
        var community = string.IsNullOrWhiteSpace(code)
            ? null
            : await db.Nodes.AsNoTracking().Where(n => n.Code == code.Trim() && n.Kind == NodeKind.Community)
                .Select(n => new Community(n.Id, n.Code, n.Name, n.NameEn, n.Path)).SingleOrDefaultAsync(cancellationToken);
        return community ?? throw new DomainRuleException("community", string.IsNullOrWhiteSpace(code) ? "community (a community's code) is required" : $"no community has the code '{code}'");
    }

    public async Task<DirectoryResponse> ForCommunityAsync(string? code, CancellationToken cancellationToken)
    {
        var community = await CommunityAsync(code, cancellationToken);
        var ancestors = AncestorPaths(community.Path);
        var now = clock.GetUtcNow();
        var year = PartnerRules.YearOf(now);
        var rows = await db.Partners.AsNoTracking()
            .Where(p => p.Status == PartnerStatus.Active && p.Areas.Any(a => ancestors.Contains(a.Node!.Path)))
            .OrderBy(p => p.Type).ThenBy(p => p.Name)
            .Select(p => new
            {
                p.Id, p.Name, p.NameEn, p.Type, p.Subtype, p.Description,
                Signed = p.Signatures.Any(),
                Services = p.Offers.Count(o => !o.Withdrawn && o.StartsAt == null),
                Events = p.Offers.Count(o => !o.Withdrawn && o.StartsAt > now && o.CommunityNodeId == community.Id),
                Ratings = db.PartnerRatings.Where(r => r.PartnerId == p.Id && r.Year == year).Select(r => r.Stars).ToList(),
            })
            .ToListAsync(cancellationToken);
        var partners = rows.Select(p => new DirectoryPartner(p.Id, p.Name, p.NameEn, p.Type.ToString(), p.Subtype, p.Description, p.Signed,
            p.Services, p.Events, p.Ratings.Count, p.Ratings.Count == 0 ? null : Math.Round(p.Ratings.Average(), 2))).ToList();
        return new DirectoryResponse(community.Code, community.Name, year, partners);
    }

    /// <summary>One active partner's public page: facts, services, upcoming events with the places left, ratings this year.</summary>
    public async Task<PublicPartner> PartnerAsync(int id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var year = PartnerRules.YearOf(now);
        var p = await db.Partners.AsNoTracking().Where(p => p.Id == id && p.Status == PartnerStatus.Active)
            .Select(p => new
            {
                p.Id, p.Name, p.NameEn, p.Type, p.Subtype, p.Description, Signed = p.Signatures.Any(),
                Areas = p.Areas.OrderBy(a => a.Node!.Code).Select(a => new AreaDto(a.Node!.Code, a.Node.Name, a.Node.NameEn)).ToList(),
                Ratings = db.PartnerRatings.Where(r => r.PartnerId == p.Id && r.Year == year).Select(r => r.Stars).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken) ?? throw PartnerRules.NotFound("id", $"partner {id}");
        var offers = await PartnerOffers.Project(db, db.PartnerOffers.Where(o => o.PartnerId == id && !o.Withdrawn && (o.StartsAt == null || o.EndsAt > now))
            .OrderBy(o => o.StartsAt).ThenBy(o => o.Id)).ToListAsync(cancellationToken);
        return new PublicPartner(p.Id, p.Name, p.NameEn, p.Type.ToString(), p.Subtype, p.Description, p.Signed, p.Areas, p.Ratings.Count,
            p.Ratings.Count == 0 ? null : Math.Round(p.Ratings.Average(), 2), [.. offers.Where(o => !o.IsEvent)], [.. offers.Where(o => o.IsEvent)]);
    }

    /// <summary>The events of active partners in a community in one month ("2026-05", China time), by start.</summary>
    public async Task<CalendarResponse> CalendarAsync(string? code, string? month, CancellationToken cancellationToken)
    {
        var community = await CommunityAsync(code, cancellationToken);
        var label = string.IsNullOrWhiteSpace(month) ? PartnerRules.InChina(clock.GetUtcNow()).ToString("yyyy-MM", CultureInfo.InvariantCulture) : month.Trim();
        var start = PartnerRules.MonthStart(label) ?? throw new DomainRuleException("month", "month is written yyyy-MM, e.g. 2026-05");
        var end = PartnerRules.NextMonth(start);
        return new CalendarResponse(community.Code, label, await EventsAsync(community.Id, start, end, cancellationToken));
    }

    public async Task<List<CalendarEvent>> EventsAsync(int communityId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        await db.PartnerOffers.AsNoTracking()
            .Where(o => o.CommunityNodeId == communityId && !o.Withdrawn && o.Partner!.Status == PartnerStatus.Active && o.StartsAt >= from && o.StartsAt < to)
            .OrderBy(o => o.StartsAt).ThenBy(o => o.Id)
            .Select(o => new CalendarEvent(o.Id, o.PartnerId, o.Partner!.Name, o.Partner.NameEn, o.Kind.ToString(), o.Title, o.StartsAt!.Value, o.EndsAt!.Value,
                o.Place, o.Capacity - o.Taken))
            .ToListAsync(cancellationToken);

    /// <summary>The community's partner events from a month ago on, as an iCalendar feed (RFC 5545) to subscribe to.</summary>
    public async Task<string> ICalendarAsync(string? code, CancellationToken cancellationToken)
    {
        var community = await CommunityAsync(code, cancellationToken);
        var now = clock.GetUtcNow();
        var events = await EventsAsync(community.Id, now.AddDays(-31), now.AddYears(1), cancellationToken);
        var ics = new StringBuilder();
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, "PRODID:-//Linli//Community partners//ZH");
        Line(ics, "CALSCALE:GREGORIAN");
        Line(ics, "X-WR-CALNAME:" + Escape(community.Name + " 社区合伙人活动"));
        foreach (var e in events)
        {
            Line(ics, "BEGIN:VEVENT");
            Line(ics, $"UID:partner-offer-{e.OfferId}@linli");
            Line(ics, "DTSTAMP:" + Utc(now));
            Line(ics, "DTSTART:" + Utc(e.StartsAt));
            Line(ics, "DTEND:" + Utc(e.EndsAt));
            Line(ics, "SUMMARY:" + Escape(e.Title));
            Line(ics, "LOCATION:" + Escape(e.Place ?? ""));
            Line(ics, "DESCRIPTION:" + Escape(e.PartnerName));
            Line(ics, $"URL:/partners/{e.PartnerId}");
            Line(ics, "END:VEVENT");
        }

        Line(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    /// <summary>"/500000/500107/500107001/" → itself and every ancestor's path.</summary>
    public static List<string> AncestorPaths(string path)
    {
        var codes = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return [.. Enumerable.Range(1, codes.Length).Select(n => "/" + string.Join('/', codes.Take(n)) + "/")];
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Writes a content line, folded after 75 octets as RFC 5545 asks (never inside a UTF-8 character).</summary>
    private static void Line(StringBuilder ics, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                ics.Append("\r\n ");
                octets = 1;
            }

            ics.Append(rune.ToString());
            octets += size;
        }

        ics.Append("\r\n");
    }
}
