using Linli.Web.Data;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Departments;
using Linli.Web.Features.Notifications;
using Linli.Web.Features.Policing;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.FollowUps;

/// <summary>
/// One follow-up run: finds cases closed, household visits made and mediations concluded between
/// <c>LookBackDays</c> and <c>DelayMinutes</c> ago that have no follow-up yet, and sends each recipient a rating link
/// through the <see cref="Notifier"/> (which holds FollowUp messages through quiet hours). The follow-up rows and their
/// messages commit together, one item at a time; a unique index on (source, item, recipient) keeps a racing second
/// run from asking anyone twice.
/// </summary>
public sealed class FollowUpSender(LinliDb db, Notifier notifier, JobLeases leases, TimeProvider clock, IOptions<FollowUpsOptions> options, IOptions<NotificationOptions> links)
{
    public const string LeaseName = "follow-ups";
    private const int PageSize = 200;

    private sealed record Recipient(string Key, Guid? UserId, string? Address);

    private sealed record Item(FollowUpSource Source, long Id, string AreaPath, int? DepartmentId, int? UnitNodeId, Guid? OfficerUserId, long? CaseId, List<Recipient> Recipients);

    /// <summary>A run as the loop makes it: only while this instance holds the lease. Returns the follow-ups sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default) =>
        await leases.TryAcquireAsync(LeaseName, TimeSpan.FromSeconds(options.Value.IntervalSeconds * 3), cancellationToken) ? await SendDueAsync(cancellationToken) : 0;

    /// <summary>The run itself, without the lease.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var (from, until) = (now.AddDays(-o.LookBackDays), now.AddMinutes(-o.DelayMinutes));
        var sent = 0;
        if (o.Cases)
        {
            sent += await SendAsync(after => ClosedCasesAsync(from, until, after, cancellationToken), now, cancellationToken);
        }

        if (o.Visits)
        {
            var stations = await PoliceStations.ListAsync(db, cancellationToken);
            sent += await SendAsync(after => HouseholdVisitsAsync(stations, from, until, after, cancellationToken), now, cancellationToken);
        }

        if (o.Mediations)
        {
            sent += await SendAsync(after => ConcludedMediationsAsync(from, until, after, cancellationToken), now, cancellationToken);
        }

        return sent;
    }

    private async Task<int> SendAsync(Func<long, Task<List<Item>>> page, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sent = 0;
        long after = 0;
        while (true)
        {
            var items = await page(after);
            foreach (var item in items)
            {
                sent += await SendAsync(item, now, cancellationToken);
            }

            if (items.Count < PageSize)
            {
                return sent;
            }

            after = items[^1].Id;
        }
    }

    private async Task<int> SendAsync(Item item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var validDays = options.Value.ValidDays;
        var count = 0;
        foreach (var recipient in item.Recipients)
        {
            var token = FollowUpTokens.New();
            var link = $"{links.Value.PublicBaseUrl.TrimEnd('/')}/rate/{token}";
            var notice = new Notice(NoticePurpose.FollowUp, FollowUpMessages.Subject, FollowUpMessages.Body(item.Source, item.Id, link, validDays), link, item.CaseId);
            var addressed = recipient.UserId is { } userId
                ? (await notifier.ToUsersAsync([userId], notice, cancellationToken)).Count > 0
                : notifier.ToAddress(recipient.Address!, notice) is not null;
            if (!addressed)
            {
                continue;
            }

            db.FollowUps.Add(new FollowUp
            {
                Source = item.Source, ItemId = item.Id, RecipientKey = recipient.Key, TokenHash = FollowUpTokens.Hash(token),
                DepartmentId = item.DepartmentId, UnitNodeId = item.UnitNodeId, AreaPath = item.AreaPath, OfficerUserId = item.OfficerUserId,
                SentAt = now, ExpiresAt = now.AddDays(validDays),
            });
            count++;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return count;
        }
        catch (DbUpdateException)
        {
            // Another run sent this item's follow-ups first; its messages stand, these are dropped.
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    private async Task<List<Item>> ClosedCasesAsync(DateTimeOffset from, DateTimeOffset until, long after, CancellationToken cancellationToken)
    {
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.Id > after && c.State == CaseState.Closed && c.ClosedAt >= from && c.ClosedAt <= until && c.RatedAt == null
                && !c.Category!.IsSensitive && (c.ReporterUserId != null || c.ReporterEmail != null || c.ReporterPhone != null)
                && !db.FollowUps.Any(f => f.Source == FollowUpSource.Case && f.ItemId == c.Id))
            .OrderBy(c => c.Id).Take(PageSize)
            .Select(c => new { c.Id, c.GridPath, c.GridNodeId, c.AssignedDepartmentId, c.AssignedNodeId, c.HandlerUserId, c.ReporterUserId, c.ReporterEmail, c.ReporterPhone })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(c => new Item(
            FollowUpSource.Case, c.Id, c.GridPath, c.AssignedDepartmentId, c.AssignedDepartmentId is null ? c.AssignedNodeId ?? c.GridNodeId : null, c.HandlerUserId, c.Id,
            [new Recipient("reporter", c.ReporterUserId, c.ReporterEmail ?? c.ReporterPhone)]))];
    }

    private async Task<List<Item>> HouseholdVisitsAsync(IReadOnlyList<PoliceStation> stations, DateTimeOffset from, DateTimeOffset until, long after, CancellationToken cancellationToken)
    {
        var rows = await db.PolicingVisits.AsNoTracking()
            .Where(v => v.Id > after && v.Kind == VisitKind.Household && v.UnitNodeId != null && v.CreatedAt >= from && v.CreatedAt <= until
                && db.HouseholdLinks.Any(h => h.UnitNodeId == v.UnitNodeId)
                && !db.FollowUps.Any(f => f.Source == FollowUpSource.Visit && f.ItemId == v.Id))
            .OrderBy(v => v.Id).Take(PageSize)
            .Select(v => new
            {
                v.Id, v.HalfDay!.OfficerUserId, v.HalfDay.CommunityNodeId,
                UnitPath = db.Nodes.Where(n => n.Id == v.UnitNodeId).Select(n => n.Path).First(),
                Residents = db.HouseholdLinks.Where(h => h.UnitNodeId == v.UnitNodeId).Select(h => h.UserId).ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(v =>
        {
            var station = PoliceStations.Of(stations, v.UnitPath);
            var residents = v.Residents.Where(r => r != v.OfficerUserId).Distinct().Select(r => new Recipient($"user:{r}", r, null)).ToList();
            return new Item(FollowUpSource.Visit, v.Id, v.UnitPath, station?.Id, station is null ? v.CommunityNodeId : null, v.OfficerUserId, null, residents);
        })];
    }

    private async Task<List<Item>> ConcludedMediationsAsync(DateTimeOffset from, DateTimeOffset until, long after, CancellationToken cancellationToken)
    {
        var rows = await db.Mediations.AsNoTracking()
            .Where(m => m.Id > after && m.Outcome != null && m.OutcomeAt >= from && m.OutcomeAt <= until
                && m.Parties.Any(p => p.ContactPhone != null)
                && !db.FollowUps.Any(f => f.Source == FollowUpSource.Mediation && f.ItemId == m.Id))
            .OrderBy(m => m.Id).Take(PageSize)
            .Select(m => new
            {
                m.Id, m.NodeId, m.NodePath,
                Mediator = m.Mediators.Where(x => x.Capacity != Mediation.MediatorCapacity.Volunteer).OrderBy(x => x.NamedAt).Select(x => (Guid?)x.UserId).FirstOrDefault(),
                Phones = m.Parties.Where(p => p.ContactPhone != null).Select(p => new { p.Id, p.ContactPhone }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var communities = await CommunitiesAsync(rows.Select(r => r.NodePath), cancellationToken);
        return [.. rows.Select(m => new Item(
            FollowUpSource.Mediation, m.Id, m.NodePath, null, communities.GetValueOrDefault(m.NodePath, m.NodeId), m.Mediator, null,
            [.. m.Phones.Select(p => new Recipient($"party:{p.Id}", null, p.ContactPhone))]))];
    }

    /// <summary>The community committee over each path: a mediation is rated as its community office's work.</summary>
    private async Task<Dictionary<string, int>> CommunitiesAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var distinct = paths.Distinct().ToList();
        var codes = distinct.SelectMany(p => p.Split('/', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList();
        var communities = await db.Nodes.AsNoTracking().Where(n => n.Kind == NodeKind.Community && codes.Contains(n.Code))
            .Select(n => new { n.Id, n.Path }).ToListAsync(cancellationToken);
        return distinct.Select(p => (Path: p, Community: communities.FirstOrDefault(c => p.StartsWith(c.Path, StringComparison.Ordinal))))
            .Where(x => x.Community is not null).ToDictionary(x => x.Path, x => x.Community!.Id);
    }
}
