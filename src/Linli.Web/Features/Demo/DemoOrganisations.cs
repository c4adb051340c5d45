using Linli.Web.Features.Departments;
using Linli.Web.Features.Partners;

namespace Linli.Web.Features.Demo;

public sealed record DemoDepartment(string Code, string Name, string NameEn, DepartmentKind Kind, IReadOnlyList<string> CategoryCodes);

public sealed record DemoPartner(string Name, string NameEn, PartnerType Type);

/// <summary>The departments and community partners of the demo street. Every department covers the whole street.</summary>
public static class DemoOrganisations
{
    public static readonly DemoDepartment WaterUtility = new("water-utility", "九龙坡区供水服务中心", "Jiulongpo Water Utility",
        DepartmentKind.WaterUtility, ["water-leak", "sewer-blockage", "water-outage", "water-quality"]);

    public static readonly DemoPartner Bank = new("重庆银行石桥铺支行", "Bank of Chongqing, Shiqiaopu Branch", PartnerType.Commercial);

    public static IReadOnlyList<DemoDepartment> StreetDepartments { get; } =
    [
        WaterUtility,
        new("power-supply", "国网九龙坡供电中心", "Jiulongpo Power Supply", DepartmentKind.Power, ["power-outage", "exposed-wiring", "streetlight"]),
        new("gas-supply", "重庆燃气九龙坡分公司", "Chongqing Gas, Jiulongpo Branch", DepartmentKind.Gas, ["gas-leak", "gas-outage"]),
        new("housing", "九龙坡区住房和城乡建设委员会", "Jiulongpo Housing and Construction Commission", DepartmentKind.Housing,
            ["building-hazard", "lift-fault", "roof-leak", "property-dispute"]),
        new("market-supervision", "九龙坡区市场监督管理局石桥铺所", "Jiulongpo Market Supervision, Shiqiaopu Office", DepartmentKind.MarketSupervision,
            ["food-safety", "price-complaint", "unlicensed-business"]),
        new("shiqiaopu-police", "石桥铺派出所", "Shiqiaopu Police Station", DepartmentKind.PoliceStation,
            ["fraud-risk", "public-order", "safety-tip"]),
        new("sanitation", "石桥铺街道环卫所", "Shiqiaopu Sanitation Office", DepartmentKind.Sanitation,
            ["waste", "street-cleaning", "illegal-dumping"]),
    ];

    public static IReadOnlyList<DemoPartner> StreetPartners { get; } =
    [
        Bank,
        new("渝州物业管理有限公司", "Yuzhou Property Management Co.", PartnerType.Property),
        new("石桥铺派出所", "Shiqiaopu Police Station", PartnerType.Institution),
        new("石桥铺小学", "Shiqiaopu Primary School", PartnerType.Institution),
        new("九龙坡区阳光公益服务中心", "Jiulongpo Sunshine Charity Centre", PartnerType.PublicWelfare),
        new("石桥铺星光影城", "Starlight Cinema Shiqiaopu", PartnerType.Commercial),
        new("石桥铺农贸市场", "Shiqiaopu Farmers' Market", PartnerType.Commercial),
        new("石桥铺小区业主委员会", "Shiqiaopu Estate Owners' Committee", PartnerType.Autonomous),
    ];
}
