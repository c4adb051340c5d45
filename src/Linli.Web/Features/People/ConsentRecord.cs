namespace Linli.Web.Features.People;

/// <summary>A resident's consent to one purpose, under one version of its text. Withdrawal is recorded, not erased.</summary>
public sealed class ConsentRecord
{
    public int Id { get; set; }
    public Guid UserId { get; set; }
    public required string Purpose { get; set; }
    public required string TextVersion { get; set; }
    public DateTimeOffset GivenAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
}

/// <summary>A resident's link to the unit (stairwell) they live in, which exists only while its consent stands.</summary>
public sealed class HouseholdLink
{
    public int Id { get; set; }
    public Guid UserId { get; set; }
    public LinliUser? User { get; set; }
    public int UnitNodeId { get; set; }
    public Tree.TreeNode? Unit { get; set; }
    public int ConsentId { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
}
