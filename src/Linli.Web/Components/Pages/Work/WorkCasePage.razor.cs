using System.Globalization;
using Linli.Web.Data;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Cases.Lifecycle;
using Linli.Web.Features.Cases.Work;
using Linli.Web.Features.People;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Components.Pages.Work;

/// <summary>
/// One case for the people working on it, with a plain form per action. The forms post back here (no script needed);
/// each carries a request key so a double tap, or the phone's offline queue sending it again, acts once.
/// </summary>
public partial class WorkCasePage
{
    private static readonly string[] QuickActions = ["accept", "start", "verify", "close"];
    private static readonly string[] NoteActions = ["note", "resolve", "return", "dispatch", "reopen", "cancel"];
    private static readonly NodeKind[] DispatchKinds = [NodeKind.Street, NodeKind.Community, NodeKind.Grid];
    private static readonly StaffRole[] DispatchRoles = [StaffRole.GridChief, StaffRole.CommunityWorker, StaffRole.CommunityPolice, StaffRole.BuildingChief];

    private WorkCase? _case;
    private bool _forbidden;
    private string _requestKey = Guid.NewGuid().ToString();
    private string? _posted;
    private Dictionary<string, string> _errors = [];
    private IFormCollection? _form;
    private List<(string Question, string Value)> _answers = [];
    private List<NamedPlace> _departments = [];
    private List<NamedPlace> _places = [];
    private PlaceSketch? _sketch;

    private sealed record NamedPlace(string Code, string Name, string? NameEn);

    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    [Parameter]
    public long Number { get; set; }

    /// <summary>The action the last form took ("accept", "note", …), confirmed once after the redirect.</summary>
    [SupplyParameterFromQuery]
    public string? Done { get; set; }

    [Inject]
    private WorkQueries Queries { get; set; } = default!;

    [Inject]
    private CaseWorkflow Workflow { get; set; } = default!;

    [Inject]
    private CaseAccess Access { get; set; } = default!;

    [Inject]
    private LinliDb Db { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private IEnumerable<string> ShownActions => QuickActions.Concat(NoteActions).Where(Shows);

    private string GridName => _places.FirstOrDefault(p => p.Code == _case?.GridCode) is { } grid ? Display.Name(grid.Name, grid.NameEn) : _case?.GridCode ?? "";

    protected override async Task OnInitializedAsync()
    {
        var http = HttpContext!;
        if (HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType)
        {
            _form = await http.Request.ReadFormAsync(http.RequestAborted);
            _posted = _form["_handler"];
        }

        await LoadAsync(http.RequestAborted);
    }

    /// <summary>A form is shown when the action is allowed now, and always when it was just posted, so its answer can be shown.</summary>
    private bool Shows(string action) => _case is not null && (_case.AllowedActions.Contains(action) || _posted == action);

    private static bool NoteRequired(string action) => action is "note" or "resolve" or "return" or "reopen" or "cancel";

    private string? Draft(string field) => _form?[field].FirstOrDefault();

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            _case = await Queries.GetAsync(Number, cancellationToken);
        }
        catch (DomainRuleException refused) when (refused.StatusCode == StatusCodes.Status403Forbidden)
        {
            _forbidden = true;
            HttpContext!.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (_case is null)
        {
            HttpContext!.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var category = await Db.CaseCategories.AsNoTracking().Where(x => x.Code == _case.Category.Code).Select(x => x.Attributes).FirstOrDefaultAsync(cancellationToken) ?? [];
        _answers = [.. _case.Answers.Select(a => category.FirstOrDefault(q => q.Code == a.Code) is { } q
            ? (WorkDisplay.Bilingual(q.Description), string.Join(", ", a.Values.Select(v => q.Values.FirstOrDefault(x => x.Key == v)?.Name ?? v)))
            : (a.Code, string.Join(", ", a.Values)))];

        var gridPath = await Db.Nodes.AsNoTracking().Where(n => n.Code == _case.GridCode).Select(n => n.Path).FirstAsync(cancellationToken);
        var codes = gridPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        _places = [.. (await Db.Nodes.AsNoTracking().Where(n => codes.Contains(n.Code) && DispatchKinds.Contains(n.Kind)).OrderByDescending(n => n.Depth)
            .Select(n => new { n.Code, n.Name, n.NameEn }).ToListAsync(cancellationToken)).Select(n => new NamedPlace(n.Code, n.Name, n.NameEn))];
        _departments = [.. (await Db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Code, d.Name, d.NameEn }).ToListAsync(cancellationToken))
            .Select(d => new NamedPlace(d.Code, d.Name, d.NameEn))];

        _sketch = await PlaceSketch.ForAsync(Db, _case.GridCode, _case.Latitude, _case.Longitude, cancellationToken);
    }

    private async Task ActAsync(string name)
    {
        var http = HttpContext!;
        var cancellationToken = http.RequestAborted;
        if (!EnumNames.TryParse<CaseAction>(name, out var action) || _form is null || _case is null)
        {
            return;
        }

        // Keep the key the form came with: if this post is a retry of one that got through, the workflow recognises it.
        _requestKey = Draft("requestKey") is { Length: > 0 } key ? key : _requestKey;
        var photos = await ReportReader.ReadPhotosAsync(_form.Files, cancellationToken);
        if (WorkErrors.CheckNote(Draft("note"), NoteRequired(name), W) is { } noteError)
        {
            _errors["note"] = noteError;
            return;
        }

        if (action == CaseAction.Resolve && _case.ResolutionNeedsPhoto && photos.Count == 0 && _case.AllowedActions.Contains(name))
        {
            _errors["photos"] = W["Error.PhotoRequired"];
            return;
        }

        var tracked = await Workflow.LoadAsync(Number, cancellationToken);
        if (tracked is null)
        {
            return;
        }

        try
        {
            await Workflow.ApplyAsync(tracked, await Access.ActorForAsync(tracked, cancellationToken), new CaseCommand(action)
            {
                Note = Draft("note"),
                Public = Draft("public") != "false",
                Photos = photos,
                DepartmentCode = Draft("departmentCode"),
                Role = Draft("role"),
                NodeCode = Draft("role") is { Length: > 0 } ? Draft("nodeCode") : null,
                RequestKey = _requestKey,
            }, cancellationToken);
        }
        catch (DomainRuleException refused)
        {
            _errors = WorkErrors.From(refused, W);
            Db.ChangeTracker.Clear();
            await LoadAsync(cancellationToken);
            return;
        }

        Navigation.NavigateTo($"/work/cases/{Number}?done={name}");
    }

    private string Actor(WorkEvent e)
    {
        var role = WorkDisplay.RoleName(e.ActorRole);
        var roleName = role switch
        {
            "system" => W["Actor.System"].Value,
            "reporter" => W["Actor.Reporter"].Value,
            "" or "none" => "",
            _ => L["Role." + role].Value,
        };
        return string.Join(" · ", new[] { e.ActorName, roleName }.Where(s => !string.IsNullOrEmpty(s)));
    }

    private string AssignedTo(WorkCase c) =>
        c.AssignedDepartment is { } department ? Target("department:" + department) : Target($"{c.AssignedRole}@{c.AssignedNode}");

    /// <summary>A dispatch or escalation target as the workflow records it ("department:code", "Role@node") in words.</summary>
    private string Target(string target)
    {
        if (target.StartsWith("department:", StringComparison.Ordinal))
        {
            var code = target["department:".Length..];
            return _departments.FirstOrDefault(d => d.Code == code) is { } d ? Display.Name(d.Name, d.NameEn) : code;
        }

        var parts = target.Split('@', 2);
        if (parts.Length != 2 || !EnumNames.TryParse<StaffRole>(parts[0], out _))
        {
            return target;
        }

        var node = _places.FirstOrDefault(p => p.Code == parts[1]);
        return $"{L["Role." + parts[0]]} · {(node is null ? parts[1] : Display.Name(node.Name, node.NameEn))}";
    }

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
