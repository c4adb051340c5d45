using System.Security.Cryptography;
using System.Text;
using Linli.Web.Data;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Volunteers;

/// <summary>
/// A volunteer's part in a shift: sign up (refused when full), check in and out with the leader's QR code, or the
/// leader marks it; then the leader approves or declines the hours. A declined record is kept, never deleted.
/// </summary>
public sealed class Shifts(LinliDb db, VolunteerAccess access, Activities activities, TimeProvider clock, IOptions<VolunteersOptions> options)
{
    public async Task<SignupDto> SignUpAsync(int activityId, CancellationToken cancellationToken)
    {
        var userId = access.RequireUser();
        var activity = await db.VolunteerActivities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId, cancellationToken)
            ?? throw new DomainRuleException("id", $"no volunteer activity #{activityId}", StatusCodes.Status404NotFound);
        if (!await db.VolunteerMemberships.AnyAsync(m => m.AssociationId == activity.AssociationId && m.UserId == userId, cancellationToken))
        {
            throw new DomainRuleException("association", "join the association before signing up for its shifts", StatusCodes.Status403Forbidden);
        }

        var now = clock.GetUtcNow();
        if (activity.EndsAt <= now)
        {
            throw new DomainRuleException("activity", "this shift is over", StatusCodes.Status409Conflict);
        }

        if (await db.ShiftSignups.AnyAsync(s => s.ActivityId == activityId && s.UserId == userId, cancellationToken))
        {
            throw new DomainRuleException("activity", "you are already signed up for this shift", StatusCodes.Status409Conflict);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // One conditional UPDATE takes a place, so two volunteers racing for the last one cannot both get it.
        var taken = await db.VolunteerActivities.Where(a => a.Id == activityId && a.SignedUp < a.Capacity)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.SignedUp, a => a.SignedUp + 1), cancellationToken);
        if (taken == 0)
        {
            throw new DomainRuleException("activity", $"this shift is full: all {activity.Capacity} places are taken", StatusCodes.Status409Conflict);
        }

        var signup = new ShiftSignup { ActivityId = activityId, UserId = userId, SignedUpAt = now };
        db.ShiftSignups.Add(signup);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new DomainRuleException("activity", "you are already signed up for this shift", StatusCodes.Status409Conflict);
        }

        await transaction.CommitAsync(cancellationToken);
        return ToDto(signup, activity);
    }

    /// <summary>Gives the place back, until the volunteer has checked in; after that the record stays.</summary>
    public async Task<bool> CancelAsync(int activityId, CancellationToken cancellationToken)
    {
        var userId = access.RequireUser();
        var signup = await db.ShiftSignups.FirstOrDefaultAsync(s => s.ActivityId == activityId && s.UserId == userId, cancellationToken);
        if (signup is null)
        {
            return false;
        }

        if (signup.CheckedInAt is not null)
        {
            throw new DomainRuleException("activity", "you have checked in: the record of this shift is kept", StatusCodes.Status409Conflict);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ShiftSignups.Remove(signup);
        await db.SaveChangesAsync(cancellationToken);
        await db.VolunteerActivities.Where(a => a.Id == activityId).ExecuteUpdateAsync(u => u.SetProperty(a => a.SignedUp, a => a.SignedUp - 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The volunteer scanned the leader's code: check in from shortly before the start until the end.</summary>
    public async Task<SignupDto> CheckInAsync(int activityId, string? code, CancellationToken cancellationToken)
    {
        var (signup, activity) = await ScannedAsync(activityId, code, cancellationToken);
        var now = clock.GetUtcNow();
        if (signup.CheckedInAt is not null)
        {
            throw new DomainRuleException("activity", "you have already checked in", StatusCodes.Status409Conflict);
        }

        if (now < activity.StartsAt.AddMinutes(-options.Value.CheckInOpensMinutesBefore) || now > activity.EndsAt)
        {
            throw new DomainRuleException("activity", $"check-in opens {options.Value.CheckInOpensMinutesBefore} minutes before the shift and closes at its end", StatusCodes.Status409Conflict);
        }

        signup.CheckedInAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(signup, activity);
    }

    public async Task<SignupDto> CheckOutAsync(int activityId, string? code, CancellationToken cancellationToken)
    {
        var (signup, activity) = await ScannedAsync(activityId, code, cancellationToken);
        var now = clock.GetUtcNow();
        if (signup.CheckedInAt is not { } checkedIn)
        {
            throw new DomainRuleException("activity", "check in first", StatusCodes.Status409Conflict);
        }

        if (signup.CheckedOutAt is not null)
        {
            throw new DomainRuleException("activity", "you have already checked out", StatusCodes.Status409Conflict);
        }

        if (now > activity.EndsAt.AddMinutes(options.Value.CheckOutClosesMinutesAfter))
        {
            throw new DomainRuleException("activity", "check-out by code has closed: ask the leader to record your time", StatusCodes.Status409Conflict);
        }

        signup.CheckedOutAt = now;
        signup.Minutes = WholeMinutes(checkedIn, now);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(signup, activity);
    }

    /// <summary>The leader records the times for someone who could not scan (no phone, a flat battery).</summary>
    public async Task MarkAttendanceAsync(int activityId, int signupId, AttendanceRequest r, CancellationToken cancellationToken)
    {
        await activities.ForManagerAsync(activityId, cancellationToken);
        var signup = await SignupAsync(activityId, signupId, cancellationToken);
        if (signup.Decision != HoursDecision.Pending)
        {
            throw new DomainRuleException("signupId", "the hours are already decided; the record is final", StatusCodes.Status409Conflict);
        }

        if (r.CheckedInAt is not { } checkedIn)
        {
            throw new DomainRuleException("checkedInAt", "checkedInAt is required");
        }

        if (r.CheckedOutAt is { } checkedOut && (checkedOut <= checkedIn || checkedOut - checkedIn > TimeSpan.FromHours(24)))
        {
            throw new DomainRuleException("checkedOutAt", "checkedOutAt must be after checkedInAt and at most 24 hours later");
        }

        if (checkedIn > clock.GetUtcNow() || r.CheckedOutAt > clock.GetUtcNow())
        {
            throw new DomainRuleException("checkedInAt", "attendance cannot be recorded in advance");
        }

        signup.CheckedInAt = checkedIn.ToUniversalTime();
        signup.CheckedOutAt = r.CheckedOutAt?.ToUniversalTime();
        signup.Minutes = r.CheckedOutAt is { } o ? WholeMinutes(checkedIn, o) : null;
        signup.MarkedByLeader = true;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DecideHoursAsync(int activityId, int signupId, HoursRequest r, CancellationToken cancellationToken)
    {
        await activities.ForManagerAsync(activityId, cancellationToken);
        var signup = await SignupAsync(activityId, signupId, cancellationToken);
        var decision = r.Decision?.Trim().ToLowerInvariant() switch
        {
            "approve" or "approved" => HoursDecision.Approved,
            "decline" or "declined" => HoursDecision.Declined,
            _ => throw new DomainRuleException("decision", "decision must be approve or decline"),
        };
        var reason = VolunteerRules.Text("reason", r.Reason, 500, required: decision == HoursDecision.Declined);
        if (signup.Minutes is null)
        {
            throw new DomainRuleException("signupId", "there are no hours yet: the volunteer has not checked in and out", StatusCodes.Status409Conflict);
        }

        if (signup.Decision != HoursDecision.Pending)
        {
            throw new DomainRuleException("signupId", $"the hours were already {signup.Decision.ToString().ToLowerInvariant()}; the record is final", StatusCodes.Status409Conflict);
        }

        signup.Decision = decision;
        signup.DeclineReason = decision == HoursDecision.Declined ? reason : null;
        signup.DecidedAt = clock.GetUtcNow();
        signup.DecidedByUserId = access.UserId;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<List<SignupDto>> MineAsync(Guid userId, CancellationToken cancellationToken) =>
        (await db.ShiftSignups.AsNoTracking().Where(s => s.UserId == userId)
            .Join(db.VolunteerActivities, s => s.ActivityId, a => a.Id, (s, a) => new { s, a.Title, a.StartsAt })
            .OrderByDescending(x => x.StartsAt).Take(200).ToListAsync(cancellationToken))
        .ConvertAll(x => new SignupDto(x.s.Id, x.s.ActivityId, x.Title, x.StartsAt, x.s.CheckedInAt, x.s.CheckedOutAt, x.s.Minutes, x.s.Decision.ToString(), x.s.DeclineReason));

    private async Task<(ShiftSignup Signup, VolunteerActivity Activity)> ScannedAsync(int activityId, string? code, CancellationToken cancellationToken)
    {
        var userId = access.RequireUser();
        var activity = await db.VolunteerActivities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId, cancellationToken)
            ?? throw new DomainRuleException("id", $"no volunteer activity #{activityId}", StatusCodes.Status404NotFound);
        if (string.IsNullOrWhiteSpace(code) ||
            !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(code.Trim().ToLowerInvariant()), Encoding.UTF8.GetBytes(activity.CheckInCode)))
        {
            throw new DomainRuleException("code", "this is not the check-in code of the shift: scan the leader's QR code again");
        }

        var signup = await db.ShiftSignups.FirstOrDefaultAsync(s => s.ActivityId == activityId && s.UserId == userId, cancellationToken)
            ?? throw new DomainRuleException("activity", "you are not signed up for this shift", StatusCodes.Status409Conflict);
        return (signup, activity);
    }

    private async Task<ShiftSignup> SignupAsync(int activityId, int signupId, CancellationToken cancellationToken) =>
        await db.ShiftSignups.FirstOrDefaultAsync(s => s.Id == signupId && s.ActivityId == activityId, cancellationToken)
        ?? throw new DomainRuleException("signupId", $"no sign-up #{signupId} on this shift", StatusCodes.Status404NotFound);

    private static int WholeMinutes(DateTimeOffset from, DateTimeOffset to) => (int)Math.Floor((to - from).TotalMinutes);

    private static SignupDto ToDto(ShiftSignup s, VolunteerActivity a) =>
        new(s.Id, a.Id, a.Title, a.StartsAt, s.CheckedInAt, s.CheckedOutAt, s.Minutes, s.Decision.ToString(), s.DeclineReason);
}
