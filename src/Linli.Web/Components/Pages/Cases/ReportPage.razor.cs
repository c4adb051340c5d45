using Linli.Web.Data;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Cases.Lifecycle;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Components.Pages.Cases;

/// <summary>
/// The resident's report form. It is one plain multipart form that works without script: the submit button files the
/// report through <see cref="CaseIntake"/> and answers 303 to the case page; "Find" looks up buildings and "Follow"
/// follows a nearby report, and each of them, like a refused report, shows the form again with everything kept.
/// </summary>
public sealed partial class ReportPage
{
    [Inject]
    private LinliDb Db { get; set; } = default!;

    [Inject]
    private CaseIntake Intake { get; set; } = default!;

    [Inject]
    private CaseWorkflow Workflow { get; set; } = default!;

    [Inject]
    private CurrentUser Current { get; set; } = default!;

    [Inject]
    private IOptions<CasesOptions> Options { get; set; } = default!;

    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    /// <summary>Set after a resident followed a nearby report instead of filing one. A string, so odd input cannot fail the page.</summary>
    [SupplyParameterFromQuery]
    public string? Followed { get; set; }

    /// <summary>Lets a link open the form with a category chosen (/report?category=streetlight).</summary>
    [SupplyParameterFromQuery(Name = "category")]
    public string? CategoryCode { get; set; }

    private ReportForm Form { get; set; } = new();

    private CasesOptions Limits => Options.Value;

    private readonly FormErrors _errors = new();
    private List<CategoryDto> _categories = [];
    private List<BuildingChoice> _buildings = [];
    private IReadOnlyList<NearbyCase> _nearby = [];
    private bool _searched;
    private bool _photosNotKept;
    private string? _followEmail;
    private string? _mapStartCode;
    private string? _redirectTo;

    private CancellationToken Aborted => HttpContext?.RequestAborted ?? default;

    private string PhotosDescribedBy => string.Join(" ", new[] { "photos-hint", _photosNotKept ? "photos-again" : null, _errors.DescribedBy("photos") }.Where(x => x is not null));

    protected override async Task OnInitializedAsync()
    {
        _categories = (await CategoryQueries.ListAsync(Db, Aborted)).Value ?? [];
        _mapStartCode = await ReportPlaces.MapStartCodeAsync(Db, Aborted);
        if (CategoryCode is not null && _categories.Any(c => c.Code == CategoryCode))
        {
            Form.Category = CategoryCode;
        }
    }

    private async Task SubmitAsync()
    {
        var form = await HttpContext!.Request.ReadFormAsync(Aborted);
        Form = ReportForm.Read(form);
        _followEmail = form["followEmail"];
        if (long.TryParse(form["follow"], out var follow))
        {
            await FollowAsync(follow, string.IsNullOrWhiteSpace(_followEmail) ? Form.Email : _followEmail);
        }
        else if (form["intent"] == "find-building")
        {
            await FindBuildingsAsync();
        }
        else
        {
            await FileAsync(form.Files);
        }

        if (_redirectTo is null)
        {
            await PrepareAgainAsync();
            _errors.SortBy(PositionInForm);
        }
    }

    /// <summary>Where a control sits in the form, top to bottom.</summary>
    private static int PositionInForm(string id) => id switch
    {
        "category" => 0,
        _ when id.StartsWith("q-", StringComparison.Ordinal) => 1,
        ReportErrors.PlaceId => 2,
        "address" => 3,
        "follow-email" => 4,
        "description" => 5,
        "photos" => 6,
        "name" => 7,
        "email" => 8,
        "phone" => 9,
        _ => 10,
    };

    private async Task FileAsync(IFormFileCollection files)
    {
        if (!await ResolveTypedBuildingAsync())
        {
            return;
        }

        var category = _categories.FirstOrDefault(c => c.Code == Form.Category?.Trim());
        var photos = await ReportReader.ReadPhotosAsync(files, Aborted);
        try
        {
            var result = await Intake.SubmitAsync(Form.ToSubmission(category, photos), Aborted);
            SeeOther($"/cases/{result.Case.Receipt}?filed=true");
        }
        catch (SubmissionRejectedException rejected)
        {
            foreach (var error in rejected.Errors)
            {
                _errors.Add(ReportErrors.Localize(error, category, R));
            }

            if (rejected.Errors.Any(e => e.Field == "clientRequestKey"))
            {
                // This form was filed once already with other details; the resident may mean a second report.
                Form.ClientRequestKey = ReportForm.NewRequestKey();
            }

            _photosNotKept = photos.Count > 0;
            HttpContext!.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
    }

    /// <summary>
    /// Without a pin, a building typed into the search box counts: its code as it is, or a name that finds exactly one
    /// building. Several matches are shown to choose from. False when the form must come back first.
    /// </summary>
    private async Task<bool> ResolveTypedBuildingAsync()
    {
        var query = Form.BuildingQuery?.Trim();
        if (Form.HasPin || !string.IsNullOrWhiteSpace(Form.BuildingCode) || string.IsNullOrEmpty(query))
        {
            return true;
        }

        if (ReportPlaces.LooksLikeCode(query))
        {
            Form.BuildingCode = query;
            return true;
        }

        await FindBuildingsAsync();
        if (_buildings is [var only])
        {
            Form.BuildingCode = only.Code;
            return true;
        }

        _errors.Add(ReportErrors.PlaceId, _buildings.Count == 0 ? R["Report.Error.NoBuildingFound", query] : R["Report.Error.ChooseBuilding"]);
        HttpContext!.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return false;
    }

    private async Task FindBuildingsAsync()
    {
        _searched = true;
        _buildings = await ReportPlaces.FindBuildingsAsync(Db, Form.BuildingQuery, Aborted);
        if (_buildings is [var only] && string.IsNullOrWhiteSpace(Form.BuildingCode))
        {
            Form.BuildingCode = only.Code;
        }
    }

    private async Task FollowAsync(long number, string? email)
    {
        var errors = new List<SubmissionError>();
        SubmissionRules.CheckContact(new CaseSubmission { Email = email }, errors);
        if (errors.Count > 0 || (Current.Id is null && string.IsNullOrWhiteSpace(email)))
        {
            _errors.Add("follow-email", R["Report.Error.FollowEmail", number]);
            HttpContext!.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return;
        }

        var target = await Workflow.LoadAsync(number, Aborted);
        try
        {
            if (target is null || target.Category!.IsSensitive)
            {
                throw new DomainRuleException("case", "no such case");
            }

            await Workflow.FollowAsync(target, Current.Id, string.IsNullOrWhiteSpace(email) ? null : email.Trim(), Aborted);
            SeeOther($"/report?followed={number}");
        }
        catch (DomainRuleException)
        {
            _errors.Add("follow-email", R["Report.Error.FollowClosed", number]);
            HttpContext!.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
    }

    /// <summary>What the form shows again besides the typed values: the chosen building, search results and nearby reports.</summary>
    private async Task PrepareAgainAsync()
    {
        var code = Form.BuildingCode?.Trim();
        if (!string.IsNullOrEmpty(code) && _buildings.All(b => b.Code != code))
        {
            if (await ReportPlaces.BuildingAsync(Db, code, Aborted) is { } chosen)
            {
                _buildings.Insert(0, chosen);
            }
            else
            {
                // An unknown code goes back into the search box, where the resident can correct it.
                (Form.BuildingQuery, Form.BuildingCode, code) = (string.IsNullOrWhiteSpace(Form.BuildingQuery) ? code : Form.BuildingQuery, null, null);
            }
        }

        var category = string.IsNullOrWhiteSpace(Form.Category)
            ? null
            : await Db.CaseCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Code == Form.Category, Aborted);
        if (category is not null && await PlaceAsync(code) is var (latitude, longitude))
        {
            _nearby = await NearbyCases.FindAsync(Db, category, latitude, longitude, Limits.DuplicateRadiusMeters, Aborted);
        }
    }

    private async Task<(double, double)?> PlaceAsync(string? buildingCode)
    {
        if (ReportForm.ParseCoordinate(Form.Latitude) is { } lat && ReportForm.ParseCoordinate(Form.Longitude) is { } lon)
        {
            return (lat, lon);
        }

        if (string.IsNullOrEmpty(buildingCode))
        {
            return null;
        }

        var geometry = await Db.Nodes.AsNoTracking().Where(n => n.Code == buildingCode && n.Kind == Features.Tree.NodeKind.Building)
            .Select(n => n.Geometry).FirstOrDefaultAsync(Aborted);
        return geometry is null ? null : (geometry.InteriorPoint.Y, geometry.InteriorPoint.X);
    }

    /// <summary>Post/redirect/get with 303 See Other, which tells every client to follow with a GET.</summary>
    private void SeeOther(string path)
    {
        _redirectTo = path;
        HttpContext!.Response.StatusCode = StatusCodes.Status303SeeOther;
        HttpContext.Response.Headers.Location = path;
    }

    /// <summary>The demo catalogue's groups, most often reported first; other groups follow, and "other" is always last.</summary>
    private static readonly string[] GroupOrder = ["water", "public-facilities", "environment", "traffic", "safety", "community", "care"];

    private static int GroupRank(string group) =>
        group == "other" ? int.MaxValue : Array.IndexOf(GroupOrder, group) is var i and >= 0 ? i : GroupOrder.Length;

    private string GroupName(string group) =>
        R["Report.Group." + group] is { ResourceNotFound: false } name ? name : group;
}
