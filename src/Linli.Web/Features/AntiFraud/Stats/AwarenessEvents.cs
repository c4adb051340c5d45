using System.Globalization;
using Linli.Web.Data;
using Linli.Web.Features.AntiFraud.Alerts;
using Linli.Web.Features.AntiFraud.Alliance;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Time;

namespace Linli.Web.Features.AntiFraud.Stats;

public sealed record RecordAwarenessEventRequest(string? CommunityCode, string? Title, string? Date, string? Place, int? Attendance);

public sealed record AwarenessEventView(int Id, string CommunityCode, string Title, DateOnly Date, string Place, int Attendance);

/// <summary>Records awareness events (a free anti-fraud film screening, a talk) for a community the caller manages.</summary>
public sealed class AwarenessEvents(LinliDb db, AllianceMembers alliance, CurrentUser currentUser, TimeProvider clock)
{
    public const int MaxAttendance = 100_000;

    public async Task<AwarenessEventView> RecordAsync(RecordAwarenessEventRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.CommunityCode))
        {
            errors.Add(new("communityCode", "communityCode is required"));
        }

        Add(errors, "title", AlertRules.Text(request.Title, 200, required: true, "title"));
        Add(errors, "place", AlertRules.Text(request.Place, 200, required: true, "place"));
        var date = default(DateOnly);
        if (string.IsNullOrWhiteSpace(request.Date))
        {
            errors.Add(new("date", "date is required (yyyy-MM-dd)"));
        }
        else if (!DateOnly.TryParseExact(request.Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors.Add(new("date", "date is a date, yyyy-MM-dd"));
        }
        else if (date > ChinaCalendar.Today(clock.GetUtcNow()))
        {
            errors.Add(new("date", "record an event once it has taken place: the date cannot be in the future"));
        }

        if (request.Attendance is null)
        {
            errors.Add(new("attendance", "attendance is required (how many people came)"));
        }
        else if (request.Attendance is < 0 or > MaxAttendance)
        {
            errors.Add(new("attendance", $"attendance is between 0 and {MaxAttendance}"));
        }

        if (errors.Count > 0)
        {
            throw new AlertRejectedException(errors);
        }

        var community = await alliance.ManagedNodeAsync(request.CommunityCode!, "communityCode", cancellationToken);
        if (community.Kind != NodeKind.Community)
        {
            throw new AlertRejectedException([new("communityCode", $"{community.Code} is a {community.Kind.ToWire()}; awareness events are recorded per community")]);
        }

        var recorded = new AwarenessEvent
        {
            CommunityNodeId = community.Id, CommunityPath = community.Path, Title = request.Title!.Trim(), Date = date, Place = request.Place!.Trim(),
            Attendance = request.Attendance!.Value, RecordedBy = currentUser.Id, RecordedAt = clock.GetUtcNow(),
        };
        db.AwarenessEvents.Add(recorded);
        await db.SaveChangesAsync(cancellationToken);
        return new AwarenessEventView(recorded.Id, community.Code, recorded.Title, recorded.Date, recorded.Place, recorded.Attendance);
    }

    private static void Add(List<FieldError> errors, string field, string? message)
    {
        if (message is not null)
        {
            errors.Add(new(field, message));
        }
    }
}

