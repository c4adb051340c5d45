using Linli.Web.Features.Cases;

namespace Linli.Web.Components.Pages.Work;

/// <summary>How the workbench words a case: which deadline it is working to, and the bilingual texts of the catalogue.</summary>
public static class WorkDisplay
{
    /// <summary>Before acceptance a case is due to be responded to; after, to be resolved.</summary>
    public static string DueKey(string state) =>
        state is nameof(CaseState.New) or nameof(CaseState.Dispatched) or nameof(CaseState.Returned) ? "Due.Respond" : "Due.Resolve";

    /// <summary>Catalogue questions are written "中文 / English": the half for the interface's language.</summary>
    public static string Bilingual(string text)
    {
        var parts = text.Split(" / ", 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 && Display.IsEnglish ? parts[1] : parts[0];
    }

    /// <summary>"GridChief@500107001001001" → "GridChief"; "reporter" and "system" stay as they are.</summary>
    public static string RoleName(string? actorRole) => actorRole is null ? "" : actorRole.Split('@')[0];

    public static string CategoryName(CategoryRef category) => Display.Name(category.Name, category.NameEn);
}
