using System.Globalization;
using Linli.Web.Data;
using Linli.Web.Features.AntiFraud.Alerts;
using Linli.Web.Components;
using Linli.Web.Features.Audit;
using Linli.Web.Infrastructure;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.AntiFraud.Orders;

public sealed record RecordVisitRequest(string? Outcome, decimal? MoneyProtected, string? Advice, string? FollowUp, string? FollowUpOn);

public sealed record CloseOrderRequest(string? Note);

/// <summary>
/// The moves of an order: record a visit (open or visited → visited; a further visit may follow "unreachable"), close
/// (visited → closed, recording who and when). Wrong person → 403, wrong state → 409 saying what is allowed now, a
/// concurrent change → 409.
/// </summary>
public sealed class DissuasionWorkflow(LinliDb db, OrderAccess access, CurrentUser currentUser, AuditLog audit, TimeProvider clock)
{

    public async Task RecordVisitAsync(long number, RecordVisitRequest request, CancellationToken cancellationToken = default)
    {
        var (order, viewer) = await LoadForActionAsync(number, cancellationToken);
        if (order.State == DissuasionState.Closed)
        {
            throw Conflict(order, "visit");
        }

        var visit = CheckVisit(request);
        var now = clock.GetUtcNow();
        order.Outcome = visit.Outcome;
        order.MoneyProtected = visit.MoneyProtected;
        order.Advice = visit.Advice;
        order.FollowUp = visit.FollowUp;
        order.FollowUpOn = visit.FollowUpOn;
        order.VisitedAt = now;
        order.VisitedBy = currentUser.Id;
        order.VisitedByName = currentUser.Name;
        order.State = DissuasionState.Visited;
        order.Events.Add(new DissuasionEvent { At = now, Kind = DissuasionEventKind.Visited, ActorUserId = currentUser.Id, ActorName = currentUser.Name, ActorRole = viewer.ActingAs, Outcome = visit.Outcome });
        await SaveAsync(order, AuditAction.Update, viewer, cancellationToken);
    }

    public async Task CloseAsync(long number, CloseOrderRequest request, CancellationToken cancellationToken = default)
    {
        var (order, viewer) = await LoadForActionAsync(number, cancellationToken);
        if (order.State != DissuasionState.Visited)
        {
            throw Conflict(order, "close");
        }

        if (AlertRules.Text(request.Note, AlertLimits.Text, required: false, "note") is { } noteError)
        {
            throw new AlertRejectedException([new("note", noteError)]);
        }

        var now = clock.GetUtcNow();
        order.State = DissuasionState.Closed;
        order.ClosedAt = now;
        order.ClosedBy = currentUser.Id;
        order.ClosedByName = currentUser.Name;
        order.CloseNote = AlertRules.Trimmed(request.Note);
        order.Events.Add(new DissuasionEvent { At = now, Kind = DissuasionEventKind.Closed, ActorUserId = currentUser.Id, ActorName = currentUser.Name, ActorRole = viewer.ActingAs });
        await SaveAsync(order, AuditAction.Update, viewer, cancellationToken);
    }

    private sealed record CheckedVisit(VisitOutcome Outcome, long? MoneyProtected, string? Advice, FollowUpKind FollowUp, DateOnly? FollowUpOn);

    private CheckedVisit CheckVisit(RecordVisitRequest request)
    {
        var errors = new List<FieldError>();
        var outcome = default(VisitOutcome);
        if (string.IsNullOrWhiteSpace(request.Outcome))
        {
            errors.Add(new("outcome", "outcome is required: dissuaded, alreadyLost, notFraud or unreachable"));
        }
        else if (!EnumNames.TryParse(Plain(request.Outcome), out outcome))
        {
            errors.Add(new("outcome", "outcome must be dissuaded, alreadyLost, notFraud or unreachable"));
        }

        if (AlertRules.Amount(request.MoneyProtected, "moneyProtected") is { } moneyError)
        {
            errors.Add(new("moneyProtected", moneyError));
        }

        if (AlertRules.Text(request.Advice, AlertLimits.Text, required: false, "advice") is { } adviceError)
        {
            errors.Add(new("advice", adviceError));
        }

        var followUp = FollowUpKind.None;
        if (!string.IsNullOrWhiteSpace(request.FollowUp) && !EnumNames.TryParse(Plain(request.FollowUp), out followUp))
        {
            errors.Add(new("followUp", "followUp must be none, nextTransactionCheck or callBack"));
        }

        DateOnly? followUpOn = null;
        if (!string.IsNullOrWhiteSpace(request.FollowUpOn))
        {
            if (!DateOnly.TryParseExact(request.FollowUpOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(new("followUpOn", "followUpOn is a date, yyyy-MM-dd"));
            }
            else if (date < DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Display.ChinaTime).DateTime))
            {
                errors.Add(new("followUpOn", "followUpOn cannot be in the past"));
            }
            else if (followUp != FollowUpKind.CallBack)
            {
                errors.Add(new("followUpOn", "followUpOn is only for a callBack follow-up"));
            }
            else
            {
                followUpOn = date;
            }
        }
        else if (followUp == FollowUpKind.CallBack)
        {
            errors.Add(new("followUpOn", "a callBack follow-up needs the date of the call (followUpOn)"));
        }

        if (errors.Count > 0)
        {
            throw new AlertRejectedException(errors);
        }

        return new CheckedVisit(outcome, request.MoneyProtected is { } money ? (long)money : null, AlertRules.Trimmed(request.Advice), followUp, followUpOn);
    }

    /// <summary>"already-lost", "already_lost" and "alreadyLost" all name AlreadyLost.</summary>
    private static string Plain(string value) => value.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);

    private async Task<(DissuasionOrder Order, OrderViewer Viewer)> LoadForActionAsync(long number, CancellationToken cancellationToken)
    {
        var order = await db.DissuasionOrders.Include(o => o.Events).FirstOrDefaultAsync(o => o.Id == number, cancellationToken)
            ?? throw new DomainRuleException("number", $"No dissuasion order #{number}.", StatusCodes.Status404NotFound);
        var viewer = await access.ViewerAsync(new OrderScope(order.CommunityPath, order.CommunityNodeId, order.EscalationLevel, order.PartnerId), cancellationToken);
        if (!viewer.MayAct)
        {
            throw new DomainRuleException("number", $"Dissuasion order #{number} is for its community's workers and police officer (and supervisors once it is overdue).", StatusCodes.Status403Forbidden);
        }

        return (order, viewer);
    }

    private static DomainRuleException Conflict(DissuasionOrder order, string action)
    {
        var allowed = order.State switch
        {
            DissuasionState.Open => "visit",
            DissuasionState.Visited => "visit, close",
            _ => "nothing (it is closed)",
        };
        var why = action == "close" && order.State == DissuasionState.Open ? " Record the visit first." : "";
        return new DomainRuleException("state", $"Order #{order.Id} is {order.State}: cannot {action}.{why} Allowed now: {allowed}.", StatusCodes.Status409Conflict);
    }

    private async Task SaveAsync(DissuasionOrder order, AuditAction action, OrderViewer viewer, CancellationToken cancellationToken)
    {
        order.Version++;
        await audit.RecordAsync(action, viewer.Purpose, [new AuditedRecord(OrderQueries.RecordType, order.Id.ToString(CultureInfo.InvariantCulture), null, order.CommunityPath)], cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new DomainRuleException("version", $"Order #{order.Id} was changed by someone else meanwhile; look at it again.", StatusCodes.Status409Conflict);
        }
    }
}
