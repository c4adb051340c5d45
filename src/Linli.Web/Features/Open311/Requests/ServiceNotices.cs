using System.Globalization;
using Linli.Web.Features.People;

namespace Linli.Web.Features.Open311.Requests;

/// <summary>The plain-language texts of a service request: what to expect (the category's time limits) and who handles it.</summary>
public static class ServiceNotices
{
    public static string For(int respondWithinMinutes, int resolveWithinMinutes) =>
        $"{Zh(respondWithinMinutes)}内响应，{Zh(resolveWithinMinutes)}内办结 / Response within {En(respondWithinMinutes)}, resolution within {En(resolveWithinMinutes)}";

    /// <summary>The department's name, or the role that handles it; never a person, and never the node (which would place sensitive cases).</summary>
    public static string? Agency(string? departmentName, string? departmentNameEn, StaffRole? role) =>
        departmentName is not null ? Both(departmentName, departmentNameEn)
        : role is { } r ? Both(RoleZh(r), RoleEn(r))
        : null;

    private static string Both(string zh, string? en) => string.IsNullOrWhiteSpace(en) || en == zh ? zh : $"{zh} / {en}";

    private static string Zh(int minutes) => minutes switch
    {
        _ when minutes >= 2 * 24 * 60 && minutes % (24 * 60) == 0 => Invariant($"{minutes / (24 * 60)} 天"),
        _ when minutes % 60 == 0 => Invariant($"{minutes / 60} 小时"),
        _ => Invariant($"{minutes} 分钟"),
    };

    private static string En(int minutes) => minutes switch
    {
        _ when minutes >= 2 * 24 * 60 && minutes % (24 * 60) == 0 => Invariant($"{minutes / (24 * 60)} days"),
        _ when minutes % 60 == 0 => Invariant($"{minutes / 60} h"),
        _ => Invariant($"{minutes} min"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string RoleZh(StaffRole role) => role switch
    {
        StaffRole.GridChief => "网格长",
        StaffRole.BuildingChief => "楼长",
        StaffRole.UnitChief => "单元长",
        StaffRole.CommunityWorker => "社区工作者",
        StaffRole.CommunityPolice => "社区民警",
        StaffRole.StreetStaff => "街道工作人员",
        StaffRole.Administrator => "管理员",
        StaffRole.DepartmentHandler => "部门处置人员",
        _ => "社区合伙人",
    };

    private static string RoleEn(StaffRole role) => role switch
    {
        StaffRole.GridChief => "Grid chief",
        StaffRole.BuildingChief => "Building chief",
        StaffRole.UnitChief => "Unit chief",
        StaffRole.CommunityWorker => "Community worker",
        StaffRole.CommunityPolice => "Community police officer",
        StaffRole.StreetStaff => "Street office staff",
        StaffRole.Administrator => "Administrator",
        StaffRole.DepartmentHandler => "Department handler",
        _ => "Community partner",
    };
}
