using Linli.Web.Features.Departments;
using Linli.Web.Features.Tree;

namespace Linli.Web.Features.People;

public enum StaffRole
{
    GridChief,
    BuildingChief,
    UnitChief,
    CommunityWorker,
    StreetStaff,
    CommunityPolice,
    Administrator,
    DepartmentHandler,
    PartnerStaff,
}

/// <summary>
/// A role held at one place: a node of the tree (rights over its subtree only), a department or a partner
/// organisation. A person may hold several.
/// </summary>
public sealed class RoleAssignment
{
    public int Id { get; set; }
    public Guid UserId { get; set; }
    public LinliUser? User { get; set; }
    public StaffRole Role { get; set; }
    public int? NodeId { get; set; }
    public TreeNode? Node { get; set; }
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
    public int? PartnerId { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
    public Guid? GrantedBy { get; set; }

    /// <summary>The three chiefs (三长): grid chief, building chief and unit chief.</summary>
    public static readonly StaffRole[] Chiefs = [StaffRole.GridChief, StaffRole.BuildingChief, StaffRole.UnitChief];

    public static bool IsHeldAtDepartment(StaffRole role) => role == StaffRole.DepartmentHandler;

    public static bool IsHeldAtPartner(StaffRole role) => role == StaffRole.PartnerStaff;

    public static bool RequiresTwoFactor(StaffRole role) => role is StaffRole.CommunityPolice or StaffRole.Administrator;
}
