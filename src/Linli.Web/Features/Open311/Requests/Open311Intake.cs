using System.Globalization;
using Linli.Web.Data;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Open311.Wire;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Open311.Requests;

/// <summary>
/// Files an Open311 service request through the same <see cref="CaseIntake"/> as every other channel, so it becomes a
/// normal case, and words intake's refusals in Open311's parameter names.
/// </summary>
public sealed class Open311Intake(CaseIntake intake, RoutingCache routing, LinliDb db, TimeProvider clock)
{
    /// <summary>Intake's field names, and the Open311 parameters they come from.</summary>
    private static readonly Dictionary<string, string> Parameters = new(StringComparer.Ordinal)
    {
        ["category"] = "service_code",
        ["latitude"] = "lat",
        ["longitude"] = "long",
        ["address"] = "address_string",
        ["buildingCode"] = "address_id",
        ["name"] = "first_name, last_name",
        ["location"] = "lat, long",
    };

    public async Task<bool> IsServiceAsync(string serviceCode, CancellationToken cancellationToken) =>
        await routing.CategoryAsync(db, serviceCode, cancellationToken) is not null;

    /// <summary>Intake places a report by its pin when it has one; an address_id sent with the pin must still be a real building.</summary>
    public Task<bool> IsBuildingAsync(string addressId, CancellationToken cancellationToken) =>
        db.Nodes.AnyAsync(n => n.Code == addressId && n.Kind == NodeKind.Building, cancellationToken);

    /// <summary>The posted request, or the errors that refused it (nothing stored then).</summary>
    public async Task<(PostedServiceRequest? Posted, IReadOnlyList<Open311Error> Errors)> SubmitAsync(ServiceRequestForm form, string apiKeyName, CancellationToken cancellationToken)
    {
        var submission = new CaseSubmission
        {
            Category = form.ServiceCode,
            Description = form.Description,
            Latitude = form.Latitude,
            Longitude = form.Longitude,
            Address = form.AddressString,
            BuildingCode = form.AddressId,
            Answers = form.Attributes,
            Name = form.FullName,
            Email = form.Email,
            Phone = form.Phone,
            Source = CaseSource.Open311,
            Open311ApiKeyName = apiKeyName,
            Photos = form.Media,
        };

        IntakeResult result;
        try
        {
            result = await intake.SubmitAsync(submission, cancellationToken);
        }
        catch (SubmissionRejectedException rejected)
        {
            return (null, [.. rejected.Errors.Select(e => new Open311Error(400, Describe(e, form)))]);
        }

        var c = result.Case;
        if (form.MediaUrl is { } mediaUrl)
        {
            await KeepMediaUrlForHandlersAsync(c, mediaUrl, apiKeyName, cancellationToken);
        }

        var notice = ServiceNotices.For(result.Category.RespondWithinMinutes, result.Category.ResolveWithinMinutes);
        return (new PostedServiceRequest(c.Id.ToString(CultureInfo.InvariantCulture), c.Open311Token!, notice, form.AccountId), []);
    }

    /// <summary>
    /// A media_url points at someone else's server: Linli does not fetch it or republish it, but keeps it as a note only
    /// the case's staff see, so a handler can look.
    /// </summary>
    private async Task KeepMediaUrlForHandlersAsync(Case c, Uri mediaUrl, string apiKeyName, CancellationToken cancellationToken)
    {
        db.CaseEvents.Add(new CaseEvent
        {
            CaseId = c.Id,
            At = clock.GetUtcNow(),
            Kind = CaseEventKind.Updated,
            FromState = c.State,
            ToState = c.State,
            ActorRole = $"open311:{apiKeyName}",
            Note = $"media_url: {mediaUrl.AbsoluteUri}",
            IsPublic = false,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Describe(SubmissionError error, ServiceRequestForm form)
    {
        if (error.Field == "location" && form.Latitude is null && form.Longitude is null && form.AddressId is null)
        {
            return form.AddressString is null
                ? "lat, long: give the place as lat and long, or as address_id (a building code of the tree)"
                : "address_string: Linli cannot place a typed address on the map; send lat and long, or address_id (a building code), with it";
        }

        var parameter = error.Field switch
        {
            var f when f.StartsWith("attributes.", StringComparison.Ordinal) => $"attribute[{f["attributes.".Length..]}]",
            var f when f.StartsWith("photos", StringComparison.Ordinal) => "media" + f["photos".Length..],
            var f => Parameters.GetValueOrDefault(f, f),
        };
        return $"{parameter}: {error.Message}";
    }
}
