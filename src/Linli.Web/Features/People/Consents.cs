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

    public static IReadOnlyList<ConsentText> Current { get; } = [HouseholdLinkText];
}
