namespace Linli.Web.Features.Volunteers;

public enum ActivityKind
{
    Patrol,
    EventDuty,
    ElderVisit,
}

/// <summary>One shift of an association: a patrol (with its route), duty at an event, or visits to elderly residents.</summary>
public sealed class VolunteerActivity
{
    public int Id { get; set; }
    public int AssociationId { get; set; }
    public ActivityKind Kind { get; set; }
    public required string Title { get; set; }
    public string? Place { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public int Capacity { get; set; }

    /// <summary>Sign-ups taken; raised only by a conditional UPDATE (<c>SignedUp &lt; Capacity</c>), so a shift is never overfilled.</summary>
    public int SignedUp { get; set; }

    /// <summary>A patrol's route as a GeoJSON LineString (WGS84).</summary>
    public string? RouteGeoJson { get; set; }

    /// <summary>The secret in the check-in QR code the leader shows: scanning it proves the volunteer is there.</summary>
    public required string CheckInCode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum HoursDecision
{
    Pending,
    Approved,
    Declined,
}

/// <summary>A volunteer's place on a shift, their check-in and check-out, and the leader's decision on the hours. Never deleted once checked in.</summary>
public sealed class ShiftSignup
{
    public int Id { get; set; }
    public int ActivityId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset SignedUpAt { get; set; }
    public DateTimeOffset? CheckedInAt { get; set; }
    public DateTimeOffset? CheckedOutAt { get; set; }

    /// <summary>Check-out minus check-in, in whole minutes.</summary>
    public int? Minutes { get; set; }

    public HoursDecision Decision { get; set; }
    public string? DeclineReason { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid? DecidedByUserId { get; set; }

    /// <summary>The leader marked the attendance instead of a QR scan.</summary>
    public bool MarkedByLeader { get; set; }
}
