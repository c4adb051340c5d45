using System.Globalization;
using Linli.Web.Components;
using Linli.Web.Data;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Volunteers;
using Linli.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.SafetyTips;

/// <summary>
/// Takes a tip from anyone, signed in or not, and stores only what the tip says: never the account, the network
/// address, the browser or the device. Every field is checked and all problems answered at once; nothing is stored
/// on refusal. The receipt is returned once and only its hash is kept.
/// </summary>
public sealed class TipSubmissions(LinliDb db, TipPlaces places, TipGuard guard, TimeProvider clock)
{
    public async Task<SubmittedTip> SubmitAsync(SubmitTipRequest r, CancellationToken cancellationToken)
    {
        var errors = new List<SubmissionError>();
        if (!EnumNames.TryParse<TipKind>(r.Kind, out var kind))
        {
            errors.Add(new("kind", "kind must be fraud, theft, drugs, publicSafety or other"));
        }

        var what = TipText.Check("what", r.What, TipLimits.What, required: true, errors);
        var whereNote = TipText.Check("whereNote", r.WhereNote, TipLimits.WhereNote, required: false, errors);
        var now = clock.GetUtcNow();
        var occurredOn = CheckDate(r.OccurredOn, now, errors);
        TipTimeOfDay? timeOfDay = null;
        if (!string.IsNullOrWhiteSpace(r.TimeOfDay))
        {
            if (EnumNames.TryParse<TipTimeOfDay>(r.TimeOfDay, out var parsed))
            {
                timeOfDay = parsed;
            }
            else
            {
                errors.Add(new("timeOfDay", "timeOfDay must be morning, afternoon, evening or night"));
            }
        }

        if (r.AssociationId is { } associationId &&
            !await db.VolunteerAssociations.AnyAsync(a => a.Id == associationId && a.Status == AssociationStatus.Active, cancellationToken))
        {
            errors.Add(new("associationId", "choose an active volunteer association from the list, or none"));
        }

        var place = await places.ResolveAsync(r.NodeCode, r.Latitude, r.Longitude, errors, cancellationToken);
        if (errors.Count > 0)
        {
            throw new SubmissionRejectedException(errors);
        }

        // Counted only once the tip is acceptable, so a mistyped form does not use up the network's allowance.
        guard.CountSubmission();
        var receipt = TipReceipts.New();
        db.SafetyTips.Add(new SafetyTip
        {
            Kind = kind,
            What = what!,
            OccurredOn = occurredOn!.Value,
            TimeOfDay = timeOfDay,
            PlaceNodeId = place!.NodeId,
            PlacePath = place.Path,
            CommunityNodeId = place.CommunityId,
            DistrictNodeId = place.DistrictId,
            Latitude = string.IsNullOrWhiteSpace(r.NodeCode) ? r.Latitude : null,
            Longitude = string.IsNullOrWhiteSpace(r.NodeCode) ? r.Longitude : null,
            WhereNote = whereNote,
            StationDepartmentId = place.StationId,
            VolunteerAssociationId = r.AssociationId,
            ReceiptHash = TipReceipts.Hash(receipt),
            SubmittedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new SubmittedTip(receipt, now, place.CommunityName, place.CommunityNameEn, place.Station, place.StationEn);
    }

    private static DateOnly? CheckDate(string? text, DateTimeOffset now, List<SubmissionError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new("occurredOn", "is required (yyyy-MM-dd)"));
            return null;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new("occurredOn", "must be a date as yyyy-MM-dd"));
            return null;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Display.ChinaTime).DateTime);
        if (date > today || date < today.AddDays(-TipLimits.MaxDaysAgo))
        {
            errors.Add(new("occurredOn", $"must be today or within the last {TipLimits.MaxDaysAgo} days"));
            return null;
        }

        return date;
    }
}
