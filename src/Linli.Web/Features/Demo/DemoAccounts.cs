using Linli.Web.Features.People;

namespace Linli.Web.Features.Demo;

/// <summary>
/// A demo sign-in of the street dataset. <see cref="NodeCode"/> is the tree node where the role is held (null for a
/// department, a partner or a resident); <see cref="Where"/> says the same for people.
/// </summary>
public sealed record DemoAccount(string Login, StaffRole? StaffRole, string DisplayName, string Where, string? NodeCode)
{
    /// <summary>The role's name ("GridChief"), or "Resident" for the account without a role.</summary>
    public string Role => StaffRole?.ToString() ?? nameof(AccountKind.Resident);

    public string Email => DemoAccounts.EmailOf(Login);
}

/// <summary>The well-known demo accounts of the street dataset, which all share one password.</summary>
public static class DemoAccounts
{
    public const string Password = "Linli-demo-2026";
    public const string EmailDomain = "demo.linli.local";

    public const string CommunityCode = TreeGenerator.ShiqiaopuCode + "001";
    public const string GridCode = CommunityCode + "001";
    public const string BuildingCode = GridCode + "001";
    public const string UnitCode = BuildingCode + "01";

    /// <summary>The city dataset's administrator (at 220100). It has no password: it signs in by one-time code.</summary>
    public const string CityAdministratorLogin = "admin-changchun";

    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new("admin", StaffRole.Administrator, "王建国", "重庆市 Chongqing (500000)", TreeGenerator.ChongqingCode),
        new("street", StaffRole.StreetStaff, "李秀英", "石桥铺街道 Shiqiaopu Street (500107001)", TreeGenerator.ShiqiaopuCode),
        new("worker", StaffRole.CommunityWorker, "张丽华", $"石桥铺社区 Shiqiaopu Community ({CommunityCode})", CommunityCode),
        new("police", StaffRole.CommunityPolice, "刘伟", $"石桥铺社区 Shiqiaopu Community ({CommunityCode})", CommunityCode),
        new("gridchief", StaffRole.GridChief, "陈海燕", $"第1网格 Grid 1 ({GridCode})", GridCode),
        new("buildingchief", StaffRole.BuildingChief, "杨志强", $"1号楼 Building 1 ({BuildingCode})", BuildingCode),
        new("unitchief", StaffRole.UnitChief, "赵桂英", $"1单元 Unit 1 ({UnitCode})", UnitCode),
        new("handler", StaffRole.DepartmentHandler, "黄涛", $"{DemoOrganisations.WaterUtility.Name} {DemoOrganisations.WaterUtility.NameEn}", null),
        new("partner", StaffRole.PartnerStaff, "周敏", $"{DemoOrganisations.Bank.Name} {DemoOrganisations.Bank.NameEn}", null),
        new("resident", null, "吴晓东", "石桥铺街道 Shiqiaopu Street (resident, no role)", null),
    ];

    public static string EmailOf(string login) => $"{login}@{EmailDomain}";
}
