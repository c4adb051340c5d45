namespace Linli.Web.Features.People;

public sealed record ConsentText(string Purpose, string Version, string TextZh, string TextEn);

/// <summary>
/// The consent texts in force. A new wording gets a new version; records keep the version the resident agreed to.
/// </summary>
public static class Consents
{
    public const string HouseholdLink = "household-link";

    public static readonly ConsentText HouseholdLinkText = new(
        HouseholdLink,
        "2026-11-01",
        "我同意将我的账户与所选单元关联，仅用于本社区网格员、楼长、单元长和社区工作者联系我、为我提供服务。我可以随时撤回，撤回后关联立即删除。",
        "I agree to link my account to the chosen unit, only so that my grid, building and unit chiefs and community workers can contact and serve me. I can withdraw at any time and the link is removed at once.");

    public const string Volunteering = "volunteering";

    public static readonly ConsentText VolunteeringText = new(
        Volunteering,
        "2026-11-24",
        "我同意加入该志愿者协会：协会负责人和所在社区的社区工作者、街道工作人员可以看到我的姓名、联系方式以及我填写的技能和空闲时间，用于安排志愿服务；我的姓名和服务时长可以出现在本社区的志愿者排行和评选中。这些信息不提供给公安。我可以随时退出，退出后立即从名册中删除。",
        "I agree to join this volunteer association: its leader and the community workers and street staff of the community may see my name, my contact and the skills and availability I give, to organise volunteering; my name and hours may appear in the community's volunteer rankings and awards. None of this is given to the police. I can leave at any time and am removed from the roster at once.");

    public const string CareRegister = "care-register";

    public static readonly ConsentText CareRegisterText = new(
        CareRegister,
        "2026-11-24",
        "我同意将本户登记在应急关爱名单中：本社区的社区工作者、街道工作人员，以及在应急行动中负责本单元的网格长、楼长、单元长（仅在行动期间）可以看到联系人姓名、联系方式、需要关爱的原因和备注，用于在紧急情况下联系和帮助本户。这些信息不提供给公安，不在地图或公开统计中显示。登记到期或行动结束后自动删除；我可以随时撤回，撤回后立即删除。",
        "I agree to put this household on the emergency care register: the community workers and street staff of the community, and the grid, building and unit chiefs responsible for this unit during an emergency campaign (only while it runs), may see the contact's name, the contact, why the household needs care and the note, to reach and help the household in an emergency. None of this is given to the police or shown on a map or in public figures. The entry is deleted when it expires or the campaign ends; I can withdraw at any time and it is deleted at once.");

    public static IReadOnlyList<ConsentText> Current { get; } = [HouseholdLinkText, VolunteeringText, CareRegisterText];
}
