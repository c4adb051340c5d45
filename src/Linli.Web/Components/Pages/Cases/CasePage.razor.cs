using System.Globalization;
using Linli.Web.Data;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Cases.Lifecycle;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Linli.Web.Components.Pages.Cases;

/// <summary>
/// The public case page: what anyone holding the receipt sees (the same <see cref="PublicCaseView"/> as the API, so no
/// personal data), and the reporter's actions on it as plain form posts that answer 303 back to the page.
/// </summary>
public sealed partial class CasePage
{
    [Inject]
    private LinliDb Db { get; set; } = default!;

    [Inject]
    private CaseWorkflow Workflow { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IOptions<CasesOptions> Options { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    [Parameter]
    public string Receipt { get; set; } = "";

    /// <summary>"true" right after filing: shows the receipt panel.</summary>
    [SupplyParameterFromQuery]
    public string? Filed { get; set; }

    /// <summary>What the last form did ("verified", "reopened", "rated", "cancelled"), confirmed once after the redirect.</summary>
    [SupplyParameterFromQuery]
    public string? Done { get; set; }

    private readonly FormErrors _errors = new();
    private readonly Dictionary<string, string?> _posted = new(StringComparer.Ordinal);
    private PublicCaseView? _view;
    private DateTimeOffset _now;
    private string? _redirectTo;

    private CancellationToken Aborted => HttpContext?.RequestAborted ?? default;

    private string CategoryName => _view is null ? "" : Display.Name(_view.Category.Name, _view.Category.NameEn);

    private string StateName => CaseStateText.Name(_view!.State);

    private bool IsWaitingForHandler => _view!.State is nameof(CaseState.New) or nameof(CaseState.Dispatched) or nameof(CaseState.Returned);

    private string PageUrl => Navigation.BaseUri + "cases/" + _view!.Receipt;

    private string Where
    {
        get
        {
            var view = _view!;
            var places = new[] { view.Address, view.Community is { } c ? Display.Name(c.Name, c.NameEn) : null, view.Grid is { } g ? Display.Name(g.Name, g.NameEn) : null };
            var text = string.Join(" · ", places.Where(p => !string.IsNullOrWhiteSpace(p)));
            return text.Length == 0 ? "—" : text;
        }
    }

    protected override async Task OnInitializedAsync()
    {
        _now = Clock.GetUtcNow();
        var receipt = ReceiptCodes.Normalize(Receipt);
        _view = receipt is null ? null : await PublicCaseViews.ForReceiptAsync(Db, receipt, _now, Options.Value.ReopenWindowDays, Aborted);
        if (_view is null)
        {
            PageStatus.NotFoundWithThisPage(HttpContext);
        }
    }

    private Task VerifyAsync() => ActAsync(CaseAction.Verify, "verify", "verified");

    private Task ReopenAsync() => ActAsync(CaseAction.Reopen, "reopen", "reopened");

    private Task CancelAsync() => ActAsync(CaseAction.Cancel, "cancel", "cancelled");

    private async Task ActAsync(CaseAction action, string form, string done)
    {
        var posted = await ReadAsync(form, "note");
        if (await LoadAsync() is not { } c)
        {
            return;
        }

        try
        {
            await Workflow.ApplyAsync(c, CaseActor.Reporter(c.ReporterUserId), new CaseCommand(action) { Note = posted["note"] }, Aborted);
            SeeOther(done);
        }
        catch (DomainRuleException refused)
        {
            Refuse(form, refused);
        }
    }

    private async Task RateAsync()
    {
        var posted = await ReadAsync("rate", "stars", "solved", "comment");
        var stars = int.TryParse(posted["stars"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= 5 ? s : 0;
        bool? solved = posted["solved"] switch { "yes" => true, "no" => false, _ => null };
        if (stars == 0)
        {
            _errors.Add("rate-stars-1", R["Case.Error.Stars"]);
        }

        if (solved is null)
        {
            _errors.Add("rate-solved-yes", R["Case.Error.Solved"]);
        }

        if (_errors.Any || await LoadAsync() is not { } c)
        {
            Unprocessable();
            return;
        }

        try
        {
            await Workflow.RateAsync(c, stars, solved!.Value, posted["comment"], Aborted);
            SeeOther("rated");
        }
        catch (DomainRuleException refused)
        {
            Refuse("rate", refused);
        }
    }

    private async Task<Dictionary<string, string?>> ReadAsync(string form, params string[] fields)
    {
        var values = await HttpContext!.Request.ReadFormAsync(Aborted);
        var posted = fields.ToDictionary(f => f, f => (string?)values[f].ToString(), StringComparer.Ordinal);
        foreach (var (field, value) in posted)
        {
            _posted[$"{form}.{field}"] = value;
        }

        return posted;
    }

    private async Task<Case?> LoadAsync() => _view is null ? null : await Workflow.LoadByReceiptAsync(_view.Receipt, Aborted);

    /// <summary>Puts the workflow's refusal next to the control that can fix it, in the resident's language.</summary>
    private void Refuse(string form, DomainRuleException refused)
    {
        var message = refused.Message;
        var (target, text) = refused.Field switch
        {
            "note" when message.Contains("is required", StringComparison.Ordinal) => ($"{form}-note", R["Case.Error.NoteRequired." + form].Value),
            "note" or "comment" when message.Contains("plain text", StringComparison.Ordinal) => ($"{form}-{refused.Field}", R["Case.Error.Html"].Value),
            "note" or "comment" when message.Contains("at most", StringComparison.Ordinal) => ($"{form}-{refused.Field}", R["Case.Error.TooLong"].Value),
            "action" when message.Contains("within", StringComparison.Ordinal) => ($"{form}-submit", R["Case.Error.ReopenWindow", Options.Value.ReopenWindowDays].Value),
            "stars" when message.Contains("already", StringComparison.Ordinal) => ("rate-submit", R["Case.Error.AlreadyRated"].Value),
            "stars" => ("rate-stars-1", R["Case.Error.Stars"].Value),
            "case" => ($"{form}-submit", R["Case.Error.Changed"].Value),
            _ => ($"{form}-submit", R["Case.Error.NotNow"].Value),
        };
        _errors.Add(target, text);
        Unprocessable();
    }

    private void Unprocessable() => HttpContext!.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;

    private void SeeOther(string done)
    {
        _redirectTo = $"/cases/{_view!.Receipt}?done={done}#status";
        HttpContext!.Response.StatusCode = StatusCodes.Status303SeeOther;
        HttpContext.Response.Headers.Location = _redirectTo;
    }

    private string EventName(string kind) => R["Case.Event." + kind] is { ResourceNotFound: false } name ? name : kind;
}
