using Linli.Web.Data;
using Linli.Web.Features.Departments;
using Linli.Web.Features.FollowUps;
using Linli.Web.Features.Mediation;
using Linli.Web.Features.Policing;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Demo;

/// <summary>
/// Follow-ups of the demo street's household visits and concluded mediations, most of them answered, so the
/// satisfaction pages show figures on first start. Their tokens are thrown away: these links cannot be opened.
/// </summary>
public static class DemoFollowUps
{
    private static readonly int[] Stars = [5, 4, 5, 3, 4, 5, 2, 4, 5, 4, 5, 1];

    public static async Task SeedAsync(LinliDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var street = await db.Nodes.Where(n => n.Code == TreeGenerator.ShiqiaopuCode).Select(n => n.Path).SingleAsync(cancellationToken);
        var stations = await PoliceStations.ListAsync(db, cancellationToken);
        var visits = await db.PolicingVisits.AsNoTracking()
            .Where(v => v.Kind == VisitKind.Household && v.UnitNodeId != null && v.HalfDay!.CommunityPath.StartsWith(street) && v.CreatedAt < now.AddHours(-1))
            .OrderByDescending(v => v.CreatedAt).ThenBy(v => v.Id).Take(24)
            .Select(v => new { v.Id, v.CreatedAt, v.HalfDay!.OfficerUserId, v.HalfDay.CommunityNodeId, UnitPath = db.Nodes.Where(n => n.Id == v.UnitNodeId).Select(n => n.Path).First() })
            .ToListAsync(cancellationToken);
        var n = 0;
        foreach (var v in visits)
        {
            var station = PoliceStations.Of(stations, v.UnitPath);
            db.FollowUps.Add(Answered(FollowUpSource.Visit, v.Id, "demo:household", station?.Id, station is null ? v.CommunityNodeId : null, v.UnitPath, v.OfficerUserId, v.CreatedAt.AddHours(1), now, n++));
        }

        var mediations = await db.Mediations.AsNoTracking()
            .Where(m => m.Outcome != null && m.NodePath.StartsWith(street))
            .OrderBy(m => m.Id)
            .Select(m => new
            {
                m.Id, m.NodeId, m.NodePath, m.OutcomeAt,
                Mediator = m.Mediators.Where(x => x.Capacity != MediatorCapacity.Volunteer).OrderBy(x => x.NamedAt).Select(x => (Guid?)x.UserId).FirstOrDefault(),
                Parties = m.Parties.Where(p => p.ContactPhone != null).Select(p => p.Id).ToList(),
            })
            .ToListAsync(cancellationToken);
        foreach (var m in mediations)
        {
            foreach (var party in m.Parties)
            {
                db.FollowUps.Add(Answered(FollowUpSource.Mediation, m.Id, $"party:{party}", null, m.NodeId, m.NodePath, m.Mediator, (m.OutcomeAt ?? now).AddHours(1), now, n++));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every fourth is left unanswered, so the response rate is not 100%.</summary>
    private static FollowUp Answered(
        FollowUpSource source, long itemId, string recipient, int? department, int? office, string path, Guid? officer, DateTimeOffset sentAt, DateTimeOffset now, int n)
    {
        var sent = sentAt < now ? sentAt : now;
        var answered = n % 4 != 3;
        return new FollowUp
        {
            Source = source, ItemId = itemId, RecipientKey = recipient, TokenHash = FollowUpTokens.Hash(FollowUpTokens.New()),
            DepartmentId = department, UnitNodeId = office, AreaPath = path, OfficerUserId = officer, SentAt = sent, ExpiresAt = sent.AddDays(14),
            Stars = answered ? Stars[n % Stars.Length] : null, AnsweredAt = answered ? Min(sent.AddHours(3), now) : null,
        };
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
