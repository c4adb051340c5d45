using System.Net.Http.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Linli.Web.Features.People;
using Linli.Web.Features.Tree;
using Linli.Web.Features.Volunteers;
using Linli.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration.Authorization;

public sealed record MatrixShift(int AssociationId, int ActivityId, int SignupId, string Code);

/// <summary>What the volunteer endpoints of the matrix need: an association, a shift and a sign-up in the target's community.</summary>
public static class VolunteerMatrix
{
    /// <summary>
    /// The community the target lies in (for a node below a community) or the first one under it, outside
    /// <see cref="MatrixWorld.Home"/> unless that is the target.
    /// </summary>
    public static async Task<Place> CommunityForAsync(this MatrixWorld world, Place place) => await world.App.WithDbAsync(async db =>
    {
        var communities = place.Kind >= NodeKind.Community
            ? db.Nodes.Where(n => n.Kind == NodeKind.Community && place.Path.StartsWith(n.Path))
            : db.Nodes.Where(n => n.Kind == NodeKind.Community && n.Path.StartsWith(place.Path));
        if (world.Home is { } home && home.Id != place.Id && place.Kind < NodeKind.Community)
        {
            communities = communities.Where(n => !n.Path.StartsWith(home.Path));
        }

        return await communities.OrderBy(n => n.Code).Select(n => new Place(n.Id, n.Code, n.Kind, n.Path)).FirstAsync();
    });

    public static async Task<int> AssociationUnderAsync(this MatrixWorld world, Place place)
    {
        var community = await world.CommunityForAsync(place);
        return await world.App.WithDbAsync(async db =>
        {
            var association = new VolunteerAssociation
            {
                CommunityNodeId = community.Id, CommunityPath = community.Path, Name = $"矩阵队{world.Next()}", Type = AssociationType.Patrol,
                Status = AssociationStatus.Active, Logo = TestImages.Jpeg(8, 8), CreatedAt = DateTimeOffset.UtcNow,
            };
            db.VolunteerAssociations.Add(association);
            await db.SaveChangesAsync();
            return association.Id;
        });
    }

    /// <summary>A shift starting in ten minutes (check-in is open), with one volunteer signed up who checked in and out an hour ago.</summary>
    public static async Task<MatrixShift> ShiftUnderAsync(this MatrixWorld world, Place place)
    {
        var associationId = await world.AssociationUnderAsync(place);
        return await world.App.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var activity = new VolunteerActivity
            {
                AssociationId = associationId, Kind = ActivityKind.EventDuty, Title = "矩阵执勤", StartsAt = now.AddMinutes(10), EndsAt = now.AddHours(3),
                Capacity = 10, SignedUp = 1, CheckInCode = $"matrixcode{world.Next()}", CreatedAt = now,
            };
            db.VolunteerActivities.Add(activity);
            var userId = await NewMemberAsync(db, world, associationId);
            await db.SaveChangesAsync();
            var signup = new ShiftSignup
            {
                ActivityId = activity.Id, UserId = userId, SignedUpAt = now.AddHours(-2), CheckedInAt = now.AddHours(-2), CheckedOutAt = now.AddHours(-1), Minutes = 60,
            };
            db.ShiftSignups.Add(signup);
            await db.SaveChangesAsync();
            return new MatrixShift(associationId, activity.Id, signup.Id, activity.CheckInCode);
        });
    }

    /// <summary>A nomination this year in the target's community, of a new member.</summary>
    public static async Task<(int NominationId, int NomineeKey, string CommunityCode)> NominationUnderAsync(this MatrixWorld world, Place place)
    {
        var associationId = await world.AssociationUnderAsync(place);
        return await world.App.WithDbAsync(async db =>
        {
            var association = await db.VolunteerAssociations.SingleAsync(a => a.Id == associationId);
            var nominee = await NewMemberAsync(db, world, associationId);
            await db.SaveChangesAsync();
            var key = await db.VolunteerMemberships.Where(m => m.UserId == nominee).Select(m => m.Id).SingleAsync();
            var nomination = new VolunteerNomination
            {
                CommunityNodeId = association.CommunityNodeId, Year = ChinaCalendar.YearOf(DateTimeOffset.UtcNow), NomineeUserId = nominee, NominatedByUserId = nominee,
                Reason = "矩阵", NominatedAt = DateTimeOffset.UtcNow,
            };
            db.VolunteerNominations.Add(nomination);
            await db.SaveChangesAsync();
            var code = await db.Nodes.Where(n => n.Id == association.CommunityNodeId).Select(n => n.Code).SingleAsync();
            return (nomination.Id, key, code);
        });
    }

    public static async Task<HttpResponseMessage> JoinAsync(HttpClient client, int associationId) =>
        await client.PostAsJsonAsync($"/api/v1/volunteers/associations/{associationId}/members", new { consentVersion = Consents.VolunteeringText.Version });

    /// <summary>The caller joins a new association in the target's community and signs up for a shift starting in ten minutes.</summary>
    public static async Task<MatrixShift> SignedUpAsync(this MatrixWorld world, HttpClient client, Place place)
    {
        var shift = await world.ShiftUnderAsync(place);
        await JoinAsync(client, shift.AssociationId);
        await client.PostAsync($"/api/v1/volunteers/activities/{shift.ActivityId}/signups", null);
        return shift;
    }

    public static object NewShift() => new { kind = "elderVisit", title = "走访", startsAt = DateTimeOffset.UtcNow.AddDays(1), endsAt = DateTimeOffset.UtcNow.AddDays(1).AddHours(2), capacity = 3 };

    public static MultipartFormDataContent Logo() => new() { { new ByteArrayContent(TestImages.Jpeg(16, 16)), "logo", "logo.jpg" } };

    public const string Street = TreeGenerator.ShiqiaopuCode;

    public const string Community = DemoAccounts.CommunityCode;

    private static async Task<Guid> NewMemberAsync(Web.Data.LinliDb db, MatrixWorld world, int associationId)
    {
        var user = new LinliUser { UserName = $"m-volunteer-{world.Next()}", DisplayName = "志愿者", Kind = AccountKind.Resident, CreatedAt = DateTimeOffset.UtcNow };
        db.Users.Add(user);
        var consent = new ConsentRecord { UserId = user.Id, Purpose = Consents.Volunteering, TextVersion = Consents.VolunteeringText.Version, GivenAt = DateTimeOffset.UtcNow };
        db.Consents.Add(consent);
        await db.SaveChangesAsync();
        db.VolunteerMemberships.Add(new VolunteerMembership { AssociationId = associationId, UserId = user.Id, ConsentId = consent.Id, JoinedAt = DateTimeOffset.UtcNow });
        return user.Id;
    }
}
