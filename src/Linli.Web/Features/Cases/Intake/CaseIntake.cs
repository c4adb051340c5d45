using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Linli.Web.Data;
using Linli.Web.Features.Cases.Dispatch;
using Linli.Web.Features.Tree;
using Linli.Web.Features.Volunteers;
using Linli.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Cases.Intake;

/// <summary>What intake answers: the case, and whether this call created it or found the one an earlier try created.</summary>
public sealed record IntakeResult(Case Case, CaseCategory Category, bool Created, string? DispatchedTo);

/// <summary>
/// Turns a submission from any channel into a stored, routed case: checks every field, places it in the tree, strips the
/// photos, dispatches it by the rules and queues the reporter's notification, all in one transaction.
/// </summary>
public sealed class CaseIntake(
    LinliDb db, SpatialIndexHolder index, PhotoProcessor photoProcessor, CurrentUser currentUser, ScopeAuthorizer scope,
    IntakeWriter writer, RoutingCache routing, TimeProvider clock, IOptions<CasesOptions> options)
{
    public async Task<IntakeResult> SubmitAsync(CaseSubmission s, CancellationToken cancellationToken = default)
    {
        var errors = new List<SubmissionError>();
        var requestKey = HashRequestKey(s.ClientRequestKey, errors);
        var fingerprint = requestKey is null ? null : Fingerprint(s);
        if (requestKey is not null && await FindRetryAsync(requestKey, fingerprint!, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        await CheckSourceAsync(s, cancellationToken);
        var category = string.IsNullOrWhiteSpace(s.Category)
            ? null
            : await routing.CategoryAsync(db, s.Category.Trim(), cancellationToken);
        if (category is null)
        {
            errors.Add(new("category", string.IsNullOrWhiteSpace(s.Category) ? "is required" : $"unknown category '{s.Category}'"));
        }

        SubmissionRules.CheckText("description", s.Description, options.Value.MaxDescriptionLength, required: true, errors);
        SubmissionRules.CheckText("address", s.Address, SubmissionRules.MaxShortText, required: false, errors);
        SubmissionRules.CheckContact(s, errors);
        var place = await LocateAsync(s, errors, cancellationToken);
        var answers = category is null ? [] : SubmissionRules.CheckAnswers(category, s.Answers, errors);
        var photos = photoProcessor.Process(s.Photos, "photos", errors);
        if (errors.Count > 0)
        {
            throw new SubmissionRejectedException(errors);
        }

        var (latitude, longitude, location) = place!.Value;
        var grid = await routing.GridAsync(db, location.Grid.Code, cancellationToken);
        var target = await routing.DispatchTargetAsync(db, category!, grid.Path, cancellationToken);
        var reporter = Reporter.Of(s, currentUser);
        var now = clock.GetUtcNow();
        Case Build()
        {
            var @case = NewCase(s, reporter, category!, answers, latitude, longitude, location, grid.Id, grid.Path, now);
            @case.ClientRequestKey = requestKey;
            @case.RequestFingerprint = fingerprint;
            @case.Photos.AddRange(photos.Select(p => new CasePhoto
            {
                Stage = PhotoStage.Report, ContentType = ProcessedPhoto.ContentType, Content = p.Content, Width = p.Width, Height = p.Height, AddedAt = now,
            }));
            Record(@case, CaseEventKind.Reported, null, CaseState.New, now, null);
            if (target is not null)
            {
                AutoDispatch(@case, target, now);
            }

            return @case;
        }

        try
        {
            // Answered only once the commit holding the case is done; the reporter's message commits with it.
            var stored = await writer.WriteAsync(Build, category!);
            return new IntakeResult(stored, category!, Created: true, target?.Describe);
        }
        catch (DbUpdateException) when (requestKey is not null)
        {
            // Two tries with the same key raced; the unique index let one through. Answer with that one.
            return await FindRetryAsync(requestKey, fingerprint!, cancellationToken) ?? throw new InvalidOperationException("The request key's case vanished.");
        }
    }

    /// <summary>Who reported, read on the request: the case itself is built on the writer's thread.</summary>
    private sealed record Reporter(bool ByStaff, Guid? UserId, string? UserName)
    {
        public static Reporter Of(CaseSubmission s, CurrentUser user) => new(s.Source is CaseSource.Staff or CaseSource.Patrol, user.Id, user.Name);
    }

    private async Task CheckSourceAsync(CaseSubmission s, CancellationToken cancellationToken)
    {
        if (s.Source is CaseSource.Staff or CaseSource.Patrol &&
            !(await currentUser.RolesAsync(cancellationToken)).Any(r => scope.IsUsable(r.Role)))
        {
            throw new SubmissionRejectedException([new("source", "only staff and chiefs file reports on a resident's behalf or from a patrol")], StatusCodes.Status403Forbidden);
        }

        if (s.Source != CaseSource.Volunteer && s.VolunteerAssociationId is not null)
        {
            throw new SubmissionRejectedException([new("associationId", "only a report with source volunteer names an association")]);
        }

        if (s.Source == CaseSource.Volunteer && !await VolunteerReports.MayReportForAsync(db, currentUser.Id, s.VolunteerAssociationId, cancellationToken))
        {
            throw new SubmissionRejectedException(
                [new("associationId", "a volunteer report names an active association the signed-in volunteer is a member of")],
                currentUser.Id is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden);
        }
    }

    private static Case NewCase(CaseSubmission s, Reporter reporter, CaseCategory category, List<CaseAnswer> answers, double latitude, double longitude, Location location, int gridId, string gridPath, DateTimeOffset now)
    {
        var byStaff = reporter.ByStaff;
        var @case = new Case
        {
            Receipt = ReceiptCodes.New(),
            CategoryId = category.Id,
            Description = s.Description!.Trim(),
            Answers = answers,
            Source = s.Source,
            State = CaseState.New,
            Latitude = latitude,
            Longitude = longitude,
            Address = Clean(s.Address),
            GridNodeId = gridId,
            GridPath = gridPath,
            BuildingCode = s.BuildingCode?.Trim() ?? location.NearestBuilding?.Building.Code,
            ReporterUserId = byStaff ? null : reporter.UserId,
            ReporterName = Clean(s.Name) ?? (byStaff ? null : reporter.UserName),
            ReporterEmail = Clean(s.Email),
            ReporterPhone = Clean(s.Phone),
            ReporterAnonymous = s.Anonymous,
            FiledByUserId = byStaff ? reporter.UserId : null,
            ReportedAt = now,
            RespondBy = now.AddMinutes(category.RespondWithinMinutes),
            ResolveBy = now.AddMinutes(category.ResolveWithinMinutes),
            Open311ApiKeyName = s.Open311ApiKeyName,
            VolunteerAssociationId = s.Source == CaseSource.Volunteer ? s.VolunteerAssociationId : null,
            Open311Token = s.Source == CaseSource.Open311 ? ReceiptCodes.NewToken() : null,
        };
        if (@case.ReporterEmail is not null || @case.ReporterUserId is not null)
        {
            @case.Followers.Add(new CaseFollower { UserId = @case.ReporterUserId, Email = @case.ReporterEmail, IsReporter = true, Since = now });
        }

        return @case;
    }

    private static void AutoDispatch(Case @case, DispatchTarget target, DateTimeOffset now)
    {
        @case.AssignedDepartmentId = target.DepartmentId;
        @case.AssignedRole = target.Role;
        @case.AssignedNodeId = target.NodeId;
        @case.State = CaseState.Dispatched;
        @case.DispatchedAt = now;
        Record(@case, CaseEventKind.Dispatched, CaseState.New, CaseState.Dispatched, now, null, escalatedTo: target.Describe);
    }

    private static void Record(Case @case, CaseEventKind kind, CaseState? from, CaseState to, DateTimeOffset at, string? note, string? escalatedTo = null)
    {
        var e = new CaseEvent { Kind = kind, FromState = from, ToState = to, At = at, ActorRole = "system", Note = note, IsPublic = true, EscalatedTo = escalatedTo };
        @case.Events.Add(e);
    }

    /// <summary>The position of the report: the pin, or the middle of the building chosen instead.</summary>
    private async Task<(double Latitude, double Longitude, Location Location)?> LocateAsync(CaseSubmission s, List<SubmissionError> errors, CancellationToken cancellationToken)
    {
        double latitude, longitude;
        if (s.Latitude.HasValue != s.Longitude.HasValue)
        {
            errors.Add(new(s.Latitude.HasValue ? "longitude" : "latitude", "give both latitude and longitude, or neither and a building"));
            return null;
        }

        if (s.Latitude is { } lat && s.Longitude is { } lon)
        {
            if (!SpatialIndex.IsValidCoordinate(lat, lon))
            {
                errors.Add(new("latitude", "latitude must be within ±90 and longitude within ±180"));
                return null;
            }

            (latitude, longitude) = (lat, lon);
        }
        else if (!string.IsNullOrWhiteSpace(s.BuildingCode))
        {
            var building = await db.Nodes.AsNoTracking().Where(n => n.Code == s.BuildingCode.Trim() && n.Kind == NodeKind.Building)
                .Select(n => n.Geometry).FirstOrDefaultAsync(cancellationToken);
            if (building is null)
            {
                errors.Add(new("buildingCode", $"no building has the code '{s.BuildingCode}'"));
                return null;
            }

            var centre = building.InteriorPoint;
            (latitude, longitude) = (centre.Y, centre.X);
        }
        else
        {
            errors.Add(new("location", "give the place: latitude and longitude (a pin on the map), or a building code"));
            return null;
        }

        var location = (await index.GetAsync(cancellationToken)).Locate(latitude, longitude);
        if (location is null)
        {
            errors.Add(new("location", "this place is outside the area Linli serves"));
            return null;
        }

        return (latitude, longitude, location);
    }

    private static string? HashRequestKey(string? key, List<SubmissionError> errors)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        if (key.Length > 100)
        {
            errors.Add(new("clientRequestKey", "is at most 100 characters"));
            return null;
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    private async Task<IntakeResult?> FindRetryAsync(string requestKey, string fingerprint, CancellationToken cancellationToken)
    {
        var earlier = await db.Cases.AsNoTracking().Include(c => c.Category).FirstOrDefaultAsync(c => c.ClientRequestKey == requestKey, cancellationToken);
        if (earlier is null)
        {
            return null;
        }

        if (earlier.RequestFingerprint != fingerprint)
        {
            throw new SubmissionRejectedException([new("clientRequestKey", "this request key was already used for a different report")], StatusCodes.Status409Conflict);
        }

        return new IntakeResult(earlier, earlier.Category!, Created: false, null);
    }

    /// <summary>What the client sent, hashed: a retry must be the same report, so a leaked key cannot fetch someone's receipt.</summary>
    private static string Fingerprint(CaseSubmission s)
    {
        var canonical = JsonSerializer.Serialize(new
        {
            s.Category, s.Description, s.Latitude, s.Longitude, s.Address, s.BuildingCode, s.Name, s.Email, s.Phone, s.Anonymous, s.Source, s.VolunteerAssociationId,
            Answers = s.Answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new { a.Key, a.Value }),
            Photos = s.Photos.Select(p => Convert.ToHexStringLower(SHA256.HashData(p.Content))),
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
