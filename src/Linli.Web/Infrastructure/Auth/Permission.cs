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

    /// <summary>See the cases in the subtree (not the reporters' contacts: those are for the case's handlers).</summary>
    ViewCases,

    /// <summary>Dispatch by hand, merge duplicates, cancel, close.</summary>
    DispatchCases,

    ManageOpen311Keys,

    /// <summary>Create and run volunteer associations, read their rosters (audited), set community targets. Never police.</summary>
    ManageVolunteers,
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
            Permission.ViewCases, Permission.DispatchCases, Permission.ManageOpen311Keys, Permission.ManageVolunteers,
        ],
        [StaffRole.StreetStaff] = [Permission.ViewPeopleInRoles, Permission.EditTree, Permission.ReadResidents, Permission.ViewCases, Permission.DispatchCases, Permission.ManageVolunteers],
        [StaffRole.CommunityWorker] = [Permission.ViewPeopleInRoles, Permission.ReadResidents, Permission.ViewCases, Permission.DispatchCases, Permission.ManageVolunteers],
        [StaffRole.GridChief] = [Permission.ViewPeopleInRoles, Permission.ReadResidents, Permission.ViewCases],
        [StaffRole.BuildingChief] = [Permission.ViewPeopleInRoles, Permission.ReadResidents],
        [StaffRole.UnitChief] = [Permission.ViewPeopleInRoles, Permission.ReadResidents],

        // Policing views never include residents' household links or volunteer rosters (purpose limitation).
        [StaffRole.CommunityPolice] = [Permission.ViewPeopleInRoles],
        [StaffRole.DepartmentHandler] = [],
        [StaffRole.PartnerStaff] = [],
    };

    public static bool Allows(StaffRole role, Permission permission) => Grants[role].Contains(permission);

    public static IEnumerable<StaffRole> RolesGranting(Permission permission) =>
        Grants.Where(g => g.Value.Contains(permission)).Select(g => g.Key);
}
