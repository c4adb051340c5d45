using System.Globalization;
using Linli.Web.Data;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Components.Pages.Work;

/// <summary>
/// Staff file a report found on patrol or on a resident's behalf. The form's fields are the intake API's own names
/// (questions are "q.{category}.{code}", one set per category), so the phone's offline queue can send the same form to
/// POST /api/v1/cases when the connection returns.
/// </summary>
public partial class WorkReportPage
{
    private const int MaxBuildings = 300;

    private readonly string _requestKey = Guid.NewGuid().ToString();
    private List<CaseCategory> _categories = [];
    private List<(string Code, string Name)> _buildings = [];
    private Dictionary<string, string> _errors = [];
    private IFormCollection? _form;
    private (long Number, string? Receipt)? _filed;

    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    /// <summary>The number of the case just filed, after the redirect.</summary>
    [SupplyParameterFromQuery]
    public long? Filed { get; set; }

    [Inject]
    private LinliDb Db { get; set; } = default!;

    [Inject]
    private CaseIntake Intake { get; set; } = default!;

    [Inject]
    private CurrentUser Current { get; set; } = default!;

    [Inject]
    private ScopeAuthorizer Scope { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var http = HttpContext!;
        var cancellationToken = http.RequestAborted;
        if (HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType)
        {
            _form = await http.Request.ReadFormAsync(cancellationToken);
        }

        _categories = await Db.CaseCategories.AsNoTracking().OrderBy(c => c.Group).ThenBy(c => c.Code).ToListAsync(cancellationToken);
        _buildings = await BuildingsInScopeAsync(cancellationToken);
        if (Filed is { } number && Current.Id is { } me)
        {
            // The receipt is the resident's secret: only the person who filed the report sees it again here.
            var filed = await Db.Cases.AsNoTracking().Where(c => c.Id == number && c.FiledByUserId == me).Select(c => c.Receipt).FirstOrDefaultAsync(cancellationToken);
            _filed = (number, filed);
        }
    }

    private string? Value(string field) => _form?[field].FirstOrDefault();

    private IReadOnlyList<string> Values(string field) => _form is null ? [] : [.. _form[field].Where(v => v is not null).Select(v => v!)];

    private string? Invalid(string field) => _errors.ContainsKey(field) ? "true" : null;

    private string? ErrorId(string field) => _errors.ContainsKey(field) ? field + "-error" : null;

    private string AnchorOf(string field) => field.StartsWith("attributes.", StringComparison.Ordinal)
        ? $"q-{Value("category")}-{field["attributes.".Length..]}-field"
        : field == WorkErrors.Form ? "category" : field switch
        {
            "location" => "building-code",
            _ => field,
        };

    private async Task ReportAsync()
    {
        var http = HttpContext!;
        var cancellationToken = http.RequestAborted;
        if (_form is null)
        {
            return;
        }

        try
        {
            var submission = await ReadAsync(_form, cancellationToken);
            var result = await Intake.SubmitAsync(submission, cancellationToken);
            Navigation.NavigateTo($"/work/report?filed={result.Case.Id}");
        }
        catch (SubmissionRejectedException refused)
        {
            _errors = WorkErrors.From(refused, W);
        }
    }

    private async Task<CaseSubmission> ReadAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        var category = Value("category")?.Trim() ?? "";
        var prefix = $"q.{category}.";
        var answers = form.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(k => k[prefix.Length..], k => (IReadOnlyList<string>)[.. form[k].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!)]);
        return new CaseSubmission
        {
            Category = category,
            Description = Value("description"),
            Latitude = Number("latitude"),
            Longitude = Number("longitude"),
            Address = Value("address"),
            BuildingCode = string.IsNullOrWhiteSpace(Value("buildingCode")) ? null : Value("buildingCode"),
            Answers = answers.Where(a => a.Value.Count > 0).ToDictionary(),
            Name = Value("name"),
            Email = Value("email"),
            Phone = Value("phone"),
            Anonymous = Value("anonymous") == "true",
            ClientRequestKey = Value("clientRequestKey"),
            Source = Value("source") == "staff" ? CaseSource.Staff : CaseSource.Patrol,
            Photos = await ReportReader.ReadPhotosAsync(form.Files, cancellationToken),
        };
    }

    private double? Number(string field)
    {
        var text = Value(field);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new SubmissionRejectedException([new(field, "must be a number")]);
    }

    /// <summary>The buildings under the places where the caller holds a role, offered as suggestions for the building code.</summary>
    private async Task<List<(string Code, string Name)>> BuildingsInScopeAsync(CancellationToken cancellationToken)
    {
        var paths = (await Current.RolesAsync(cancellationToken)).Where(r => Scope.IsUsable(r.Role) && r.NodePath is not null).Select(r => r.NodePath!).Distinct().ToList();
        var buildings = new List<(string Code, string Name)>();
        foreach (var path in paths)
        {
            var found = await Db.Nodes.AsNoTracking().Where(n => n.Kind == NodeKind.Building && n.Path.StartsWith(path)).OrderBy(n => n.Code)
                .Take(MaxBuildings - buildings.Count).Select(n => new { n.Code, n.Name, n.NameEn }).ToListAsync(cancellationToken);
            buildings.AddRange(found.Select(b => (b.Code, Display.Name(b.Name, b.NameEn))));
            if (buildings.Count >= MaxBuildings)
            {
                break;
            }
        }

        return [.. buildings.DistinctBy(b => b.Code)];
    }
}
