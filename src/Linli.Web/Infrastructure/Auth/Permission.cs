using Linli.Web.Features.People;

namespace Linli.Web.Infrastructure.Auth;

/// <summary>What a role lets its holder do inside the subtree where it is held.</summary>
public enum Permission
{
    ViewPeopleInRoles,
    EditTree,
    ImportTree,
    ManageStaff,
    ReadResidents,
    SearchAudit,
    ManageDepartments,
    ManageCategories,
}

/// <summary>The one table of which role grants which permission. Scope (own subtree only) is applied on top of it.</summary>
public static class RolePermissions
{
    private static readonly Dictionary<StaffRole, Permission[]> Grants = new()
    {
        [StaffRole.Administrator] =
        [
            Permission.ViewPeopleInRoles, Permission.EditTree, Permission.ImportTree, Permission.ManageStaff,
            Permission.ReadResidents, Permission.SearchAudit, Permission.ManageDepartments, Permission.ManageCategories,
        ],
        [StaffRole.StreetStaff] = [Permission.ViewPeopleInRoles, Permission.EditTree, Permission.ReadResidents],
        [StaffRole.CommunityWorker] = [Permission.ViewPeopleInRoles, Permission.ReadResidents],
        [StaffRole.GridChief] = [Permission.ViewPeopleInRoles, Permission.ReadResidents],
        [StaffRole.BuildingChief] = [Permission.ViewPeopleInRoles, Permission.ReadResidents],
        [StaffRole.UnitChief] = [Permission.ViewPeopleInRoles, Permission.ReadResidents],

        // Policing views never include residents' household links (purpose limitation).
        [StaffRole.CommunityPolice] = [Permission.ViewPeopleInRoles],
        [StaffRole.DepartmentHandler] = [],
        [StaffRole.PartnerStaff] = [],
    };

    public static bool Allows(StaffRole role, Permission permission) => Grants[role].Contains(permission);

    public static IEnumerable<StaffRole> RolesGranting(Permission permission) =>
        Grants.Where(g => g.Value.Contains(permission)).Select(g => g.Key);
}
