namespace Linli.Web.Components.Pages.Cases;

/// <summary>
/// The problems found with a posted form, by the id of the control each belongs to: one list feeds the error summary at
/// the top, and each control asks for its own message, <c>aria-invalid</c> and <c>aria-describedby</c>.
/// </summary>
public sealed class FormErrors
{
    private readonly List<FieldError> _all = [];

    public IReadOnlyList<FieldError> All => _all;

    public bool Any => _all.Count > 0;

    public void Add(string targetId, string message) => _all.Add(new FieldError(targetId, message));

    public void Add(FieldError error) => _all.Add(error);

    /// <summary>Puts the errors in the order their controls appear, so the summary reads like the form.</summary>
    public void SortBy(Func<string, int> position)
    {
        var sorted = _all.Select((e, i) => (e, i)).OrderBy(x => position(x.e.TargetId)).ThenBy(x => x.i).Select(x => x.e).ToList();
        _all.Clear();
        _all.AddRange(sorted);
    }

    /// <summary>The messages about one control, or null when it is fine.</summary>
    public string? For(string id)
    {
        var messages = _all.Where(e => e.TargetId == id).Select(e => e.Message).Distinct().ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    public string? Invalid(string id) => For(id) is null ? null : "true";

    /// <summary>The control's hint and its error message, for <c>aria-describedby</c>.</summary>
    public string? DescribedBy(string id, string? hintId = null)
    {
        var ids = new[] { hintId, For(id) is null ? null : ErrorId(id) }.Where(x => x is not null);
        var text = string.Join(" ", ids);
        return text.Length == 0 ? null : text;
    }

    public static string ErrorId(string id) => id + "-error";
}
