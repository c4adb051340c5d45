namespace Linli.Web.Features.Volunteers;

/// <summary>
/// A resident on an association's roster, while their consent stands. Leaving deletes the row (the consent record
/// keeps when it was withdrawn); the hours they served stay with their sign-ups.
/// </summary>
public sealed class VolunteerMembership
{
    public int Id { get; set; }
    public int AssociationId { get; set; }
    public Guid UserId { get; set; }
    public int ConsentId { get; set; }

    /// <summary>Optional, in the volunteer's own words: "first aid, sign language".</summary>
    public string? Skills { get; set; }

    /// <summary>Optional: "weekday evenings".</summary>
    public string? Availability { get; set; }

    public DateTimeOffset JoinedAt { get; set; }
}
