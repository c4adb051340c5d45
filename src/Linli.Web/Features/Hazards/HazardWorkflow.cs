using System.Globalization;
using Linli.Web.Data;
using Linli.Web.Features.Audit;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Partners;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Hazards;

/// <summary>Set the responsible party (a name, or a partner organisation) and the deadline; verifies a resident's report.</summary>
public sealed record AssignHazardRequest(string? ResponsibleParty, int? ResponsiblePartnerId = null, string? Deadline = null, string? Severity = null, string? Note = null);

/// <summary>What was done to rectify it; the multipart form may add <c>photos</c>.</summary>
public sealed record RectifyHazardRequest(string? Note);

/// <summary>Passed eliminates the hazard; failed reopens it with a new deadline (given, or the default by severity).</summary>
public sealed record ReinspectHazardRequest(bool? Passed, string? Note = null, string? Deadline = null);

public sealed record DismissHazardRequest(string? Note);

/// <summary>
/// The moves of a hazard, for staff with <see cref="Permission.ManageHazards"/> over its place: assign (found, assigned,
/// reopened → assigned), rectify (assigned, reopened → rectified), re-inspect (rectified → eliminated, or → reopened with
/// a new deadline), dismiss (found → dismissed: not a hazard). Wrong person → 403, wrong state → 409 naming what is
/// allowed now, a concurrent change → 409.
/// </summary>
public sealed class HazardWorkflow(LinliDb db, HazardAccess access, CurrentUser currentUser, PhotoProcessor photos, HazardDeadlines deadlines, AuditLog audit)
{
    public const string RecordType = "Hazard";

    public async Task AssignAsync(long number, AssignHazardRequest request, CancellationToken cancellationToken = default)
    {
        var hazard = await LoadAsync(number, "assign", cancellationToken);
        var errors = new List<SubmissionError>();
        var party = HazardChecks.Text("responsibleParty", request.ResponsibleParty, HazardLimits.Party, required: false, errors);
        if (request.ResponsiblePartnerId is { } partnerId)
        {
            if (!await db.Partners.AnyAsync(p => p.Id == partnerId && p.Status == PartnerStatus.Active, cancellationToken))
            {
                errors.Add(new("responsiblePartnerId", $"no active partner organisation has the id {partnerId}"));
            }
        }
        else if (party is null && !errors.Any(e => e.Field == "responsibleParty"))
        {
            errors.Add(new("responsibleParty", "responsibleParty is required: who must rectify it (or responsiblePartnerId)"));
        }

        var severity = HazardChecks.Choice("severity", request.Severity, required: false, hazard.Severity, errors);
        var deadline = deadlines.Parse(request.Deadline, "deadline", errors);
        var note = HazardChecks.Text("note", request.Note, HazardLimits.Text, required: false, errors);
        HazardChecks.ThrowIfAny(errors);

        // A changed severity on a hazard not yet assigned moves its default deadline with it.
        if (deadline is null && severity != hazard.Severity && hazard.State == HazardState.Found)
        {
            deadline = deadlines.DefaultFrom(hazard.FoundAt, severity);
        }

        hazard.Severity = severity;
        hazard.ResponsibleParty = party;
        hazard.ResponsiblePartnerId = request.ResponsiblePartnerId;
        hazard.Deadline = deadline ?? hazard.Deadline;
        hazard.NeedsVerification = false;
        hazard.State = HazardState.Assigned;
        await SaveAsync(hazard, HazardEventKind.Assigned, note, hazard.Deadline, cancellationToken);
    }

    public async Task RectifyAsync(long number, RectifyHazardRequest request, IReadOnlyList<IncomingPhoto> incoming, CancellationToken cancellationToken = default)
    {
        var hazard = await LoadAsync(number, "rectify", cancellationToken);
        var errors = new List<SubmissionError>();
        var note = HazardChecks.Text("note", request.Note, HazardLimits.Text, required: true, errors);
        var processed = photos.Process(incoming, "photos", errors);
        HazardChecks.ThrowIfAny(errors);

        var now = deadlines.Now;
        hazard.State = HazardState.Rectified;
        hazard.RectifiedAt = now;
        foreach (var photo in processed)
        {
            hazard.Photos.Add(new HazardPhoto
            {
                Stage = HazardPhotoStage.Rectification, ContentType = ProcessedPhoto.ContentType, Content = photo.Content, Width = photo.Width, Height = photo.Height, AddedAt = now,
            });
        }

        await SaveAsync(hazard, HazardEventKind.Rectified, note, null, cancellationToken);
    }

    public async Task ReinspectAsync(long number, ReinspectHazardRequest request, CancellationToken cancellationToken = default)
    {
        var hazard = await LoadAsync(number, "reinspect", cancellationToken);
        var errors = new List<SubmissionError>();
        if (request.Passed is null)
        {
            errors.Add(new("passed", "passed is required: true eliminates the hazard, false sends it back to rectification"));
        }

        var note = HazardChecks.Text("note", request.Note, HazardLimits.Text, required: request.Passed == false, errors);
        var deadline = deadlines.Parse(request.Deadline, "deadline", errors);
        if (request.Passed == true && deadline is not null)
        {
            errors.Add(new("deadline", "a new deadline is only for a failed re-inspection"));
        }

        HazardChecks.ThrowIfAny(errors);

        var now = deadlines.Now;
        if (request.Passed == true)
        {
            hazard.State = HazardState.Eliminated;
            hazard.EliminatedAt = now;
            await SaveAsync(hazard, HazardEventKind.ReinspectionPassed, note, null, cancellationToken);
            return;
        }

        hazard.State = HazardState.Reopened;
        hazard.FailedReinspections++;
        hazard.RectifiedAt = null;
        hazard.Deadline = deadline ?? deadlines.DefaultFrom(now, hazard.Severity);
        await SaveAsync(hazard, HazardEventKind.ReinspectionFailed, note, hazard.Deadline, cancellationToken);
    }

    public async Task DismissAsync(long number, DismissHazardRequest request, CancellationToken cancellationToken = default)
    {
        var hazard = await LoadAsync(number, "dismiss", cancellationToken);
        var errors = new List<SubmissionError>();
        var note = HazardChecks.Text("note", request.Note, HazardLimits.Text, required: true, errors);
        HazardChecks.ThrowIfAny(errors);

        hazard.State = HazardState.Dismissed;
        hazard.NeedsVerification = false;
        await SaveAsync(hazard, HazardEventKind.Dismissed, note, null, cancellationToken);
    }

    /// <summary>The actions allowed in a state, for those who may manage it.</summary>
    public static IReadOnlyList<string> AllowedIn(HazardState state) => state switch
    {
        HazardState.Found => ["assign", "dismiss"],
        HazardState.Assigned => ["assign", "rectify"],
        HazardState.Reopened => ["assign", "rectify"],
        HazardState.Rectified => ["reinspect"],
        _ => [],
    };

    private async Task<Hazard> LoadAsync(long number, string action, CancellationToken cancellationToken)
    {
        var hazard = await db.Hazards.FirstOrDefaultAsync(h => h.Id == number, cancellationToken)
            ?? throw new DomainRuleException("number", $"No hazard #{number}.", StatusCodes.Status404NotFound);
        if (!await access.MayManageAsync(hazard.NodePath, cancellationToken))
        {
            throw new DomainRuleException("number", $"Hazard #{number} is managed by the community's workers and police officer, and street staff over it.", StatusCodes.Status403Forbidden);
        }

        if (!AllowedIn(hazard.State).Contains(action))
        {
            var allowed = AllowedIn(hazard.State) is { Count: > 0 } now ? string.Join(", ", now) : "nothing (it is closed)";
            throw new DomainRuleException("state", $"Hazard #{number} is {hazard.State}: cannot {action}. Allowed now: {allowed}.", StatusCodes.Status409Conflict);
        }

        return hazard;
    }

    private async Task SaveAsync(Hazard hazard, HazardEventKind kind, string? note, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        hazard.Version++;
        db.HazardEvents.Add(new HazardEvent
        {
            HazardId = hazard.Id, At = deadlines.Now, Kind = kind, ActorUserId = currentUser.Id, ActorName = currentUser.Name, Note = note, Deadline = deadline,
        });
        await audit.RecordAsync(AuditAction.Update, "hazard: " + kind, [new AuditedRecord(RecordType, hazard.Id.ToString(CultureInfo.InvariantCulture), null, hazard.NodePath)], cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new DomainRuleException("version", $"Hazard #{hazard.Id} was changed by someone else meanwhile; look at it again.", StatusCodes.Status409Conflict);
        }
    }
}
