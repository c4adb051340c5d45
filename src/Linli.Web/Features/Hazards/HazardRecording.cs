using Linli.Web.Data;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Volunteers;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Hazards;

/// <summary>What staff record: the JSON body of <c>POST /api/v1/hazards</c>; the multipart form has the same names plus <c>photos</c>.</summary>
public sealed record RecordHazardRequest(
    string? Kind, string? Severity, string? Description, string? NodeCode, double? Latitude = null, double? Longitude = null,
    string? Address = null, string? Deadline = null, int? VisitId = null);

/// <summary>What a signed-in resident or volunteer reports (<c>POST /api/v1/hazards/reports</c>).</summary>
public sealed record ReportHazardRequest(string? Kind, string? Description, string? NodeCode, double? Latitude = null, double? Longitude = null, string? Address = null);

public sealed record RecordedHazard(long Number, string State, DateTimeOffset Deadline);

/// <summary>
/// The two ways a hazard arrives: staff with <see cref="Permission.ReportHazards"/> over the place record it (found, with
/// a deadline by severity unless they set one); a signed-in resident or volunteer reports it, and it waits for staff to
/// verify. Every field is checked and every problem named at once; nothing is stored on refusal.
/// </summary>
public sealed class HazardRecording(LinliDb db, HazardPlaces places, HazardAccess access, CurrentUser currentUser, PhotoProcessor photos, HazardDeadlines deadlines)
{
    public async Task<RecordedHazard> RecordAsync(RecordHazardRequest request, IReadOnlyList<IncomingPhoto> incoming, CancellationToken cancellationToken = default)
    {
        var errors = new List<SubmissionError>();
        var place = await places.ResolveAsync(request.NodeCode, request.Latitude, request.Longitude, errors, cancellationToken);
        var source = place is null ? null : await access.SourceAtAsync(place.Path, cancellationToken);
        if (place is not null && source is null)
        {
            throw new DomainRuleException("nodeCode", $"Your roles do not let you record hazards at {place.Code}.", StatusCodes.Status403Forbidden);
        }

        var kind = HazardChecks.Choice("kind", request.Kind, required: true, HazardKind.Fire, errors);
        var severity = HazardChecks.Choice("severity", request.Severity, required: false, HazardSeverity.General, errors);
        var description = HazardChecks.Text("description", request.Description, HazardLimits.Text, required: true, errors);
        var address = HazardChecks.Text("address", request.Address, HazardLimits.Address, required: false, errors);
        var deadline = deadlines.Parse(request.Deadline, "deadline", errors);
        if (request.VisitId is <= 0)
        {
            errors.Add(new("visitId", "visitId is the positive number of a policing visit"));
        }

        var processed = photos.Process(incoming, "photos", errors);
        HazardChecks.ThrowIfAny(errors);

        var now = deadlines.Now;
        var hazard = New(place!, kind, severity, description!, address, source!.Value, now, deadline ?? deadlines.DefaultFrom(now, severity), processed);
        hazard.FoundByUserId = currentUser.Id;
        hazard.FoundByName = currentUser.Name;
        hazard.SourceVisitId = request.VisitId;
        hazard.Events.Add(new HazardEvent { At = now, Kind = HazardEventKind.Found, ActorUserId = currentUser.Id, ActorName = currentUser.Name, Deadline = hazard.Deadline });
        return await SaveAsync(hazard, cancellationToken);
    }

    public async Task<RecordedHazard> ReportAsync(ReportHazardRequest request, IReadOnlyList<IncomingPhoto> incoming, CancellationToken cancellationToken = default)
    {
        if (currentUser.Id is not { } me)
        {
            throw new DomainRuleException("account", "Sign in to report a hazard.", StatusCodes.Status401Unauthorized);
        }

        var errors = new List<SubmissionError>();
        var place = await places.ResolveAsync(request.NodeCode, request.Latitude, request.Longitude, errors, cancellationToken);
        var kind = HazardChecks.Choice("kind", request.Kind, required: true, HazardKind.Fire, errors);
        var description = HazardChecks.Text("description", request.Description, HazardLimits.Text, required: true, errors);
        var address = HazardChecks.Text("address", request.Address, HazardLimits.Address, required: false, errors);
        var processed = photos.Process(incoming, "photos", errors);
        HazardChecks.ThrowIfAny(errors);

        var now = deadlines.Now;
        var source = await IsVolunteerAtAsync(me, place!.Path, cancellationToken) ? HazardSource.Volunteer : HazardSource.Resident;
        var hazard = New(place, kind, HazardSeverity.General, description!, address, source, now, deadlines.DefaultFrom(now, HazardSeverity.General), processed);
        hazard.NeedsVerification = true;
        hazard.Events.Add(new HazardEvent { At = now, Kind = HazardEventKind.Reported, Deadline = hazard.Deadline });
        return await SaveAsync(hazard, cancellationToken);
    }

    /// <summary>Whether the person is on the roster of an association of the place's community (the path's first four codes).</summary>
    private async Task<bool> IsVolunteerAtAsync(Guid userId, string nodePath, CancellationToken cancellationToken)
    {
        var codes = nodePath.Trim('/').Split('/');
        var communityPath = "/" + string.Join('/', codes.Take(4)) + "/";
        return await db.VolunteerMemberships.AnyAsync(m => m.UserId == userId &&
            db.VolunteerAssociations.Any(a => a.Id == m.AssociationId && a.CommunityPath == communityPath && a.Status == AssociationStatus.Active), cancellationToken);
    }

    private static Hazard New(HazardPlace place, HazardKind kind, HazardSeverity severity, string description, string? address, HazardSource source,
        DateTimeOffset now, DateTimeOffset deadline, IReadOnlyList<ProcessedPhoto> processed) => new()
        {
            Kind = kind, Severity = severity, Description = description, NodeId = place.NodeId, NodePath = place.Path,
            Latitude = place.Latitude, Longitude = place.Longitude, Address = address, Source = source, FoundAt = now,
            Deadline = deadline, State = HazardState.Found,
            Photos = [.. processed.Select(p => new HazardPhoto
            {
                Stage = HazardPhotoStage.Found, ContentType = ProcessedPhoto.ContentType, Content = p.Content, Width = p.Width, Height = p.Height, AddedAt = now,
            })],
        };

    private async Task<RecordedHazard> SaveAsync(Hazard hazard, CancellationToken cancellationToken)
    {
        db.Hazards.Add(hazard);
        await db.SaveChangesAsync(cancellationToken);
        return new RecordedHazard(hazard.Id, hazard.State.ToString(), hazard.Deadline);
    }
}
