using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Linli.Web.Components.Pages.Cases;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Linli.Tests.Unit;

/// <summary>The residents' pages' texts: both languages complete, and every intake refusal shown in the resident's language.</summary>
public sealed partial class ResidentPagesTests
{
    private static readonly string Resources = Path.Combine(RepositoryRoot(), "src", "Linli.Web", "Resources");
    private static readonly string Pages = Path.Combine(RepositoryRoot(), "src", "Linli.Web", "Components", "Pages", "Cases");

    [Fact]
    public void Both_languages_have_the_same_keys_and_every_key_the_pages_use()
    {
        var zh = Keys("ResidentResource.resx");
        var en = Keys("ResidentResource.en.resx");
        var used = Directory.EnumerateFiles(Pages).Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => UsedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();
        string[] composed =
        [
            .. Enum.GetNames<CaseState>().Select(s => "Case.Explain." + s),
            .. Enum.GetNames<CaseEventKind>().Select(k => "Case.Event." + k),
            .. Enumerable.Range(1, 5).Select(n => $"Case.Stars.{n}"),
            .. new[] { "verified", "reopened", "rated", "cancelled" }.Select(d => "Case.Done." + d),
            .. new[] { "reopen", "cancel" }.Select(f => "Case.Error.NoteRequired." + f),
            .. new[] { "category", "description", "address", "name", "email", "phone", "photos", "building", "followEmail" }.Select(f => "Report.Label." + f),
        ];

        Assert.Equal(zh.Order(), en.Order());
        var missing = used.Concat(composed).Where(k => !zh.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "missing in ResidentResource.resx: " + string.Join(", ", missing));
        Assert.True(used.Count > 100, $"found only {used.Count} keys in the pages: is the pattern still right?");
    }

    [Fact]
    public void Every_refusal_intake_gives_is_shown_in_chinese_beside_a_control_of_the_form()
    {
        var category = new CategoryDto("water-leak", "漏水", "Water leakage", "water", null, "Utility", 120, 1440, null, null, true, false,
        [
            new("where", "singlevaluelist", true, 1, "漏水位置 / Where is the leak?", null, [new("street", "道路 Street")]),
            new("depth", "number", false, 2, "积水深度 / How deep?", null, []),
            new("since", "datetime", false, 3, "开始时间 / Since when?", null, []),
        ]);
        var errors = new List<SubmissionError>();
        SubmissionRules.CheckText("description", null, 4000, required: true, errors);
        SubmissionRules.CheckText("description", new string('水', 4001), 4000, required: true, errors);
        SubmissionRules.CheckText("address", "<b>北门</b>", SubmissionRules.MaxShortText, required: false, errors);
        SubmissionRules.CheckContact(new CaseSubmission { Name = new string('林', 101), Email = "not-an-email", Phone = "call me" }, errors);
        SubmissionRules.CheckAnswers(Entity(category), new Dictionary<string, IReadOnlyList<string>> { ["depth"] = ["deep"], ["since"] = ["yesterday"] }, errors);
        SubmissionRules.CheckAnswers(Entity(category), new Dictionary<string, IReadOnlyList<string>> { ["where"] = ["sea"] }, errors);
        var photos = new PhotoProcessor(Options.Create(new CasesOptions { MaxPhotoBytes = 10 }));
        photos.Process([new("a.jpg", "image/jpeg", new byte[11]), new("b.jpg", "image/jpeg", [1, 2, 3])], "photos", errors);
        photos.Process([.. Enumerable.Repeat(new IncomingPhoto("a.jpg", "image/jpeg", [1]), 4)], "photos", errors);
        errors.AddRange(
        [
            new("category", "is required"),
            new("category", "unknown category 'lava'"),
            new("buildingCode", "no building has the code '1'"),
            new("location", "give the place: latitude and longitude (a pin on the map), or a building code"),
            new("location", "this place is outside the area Linli serves"),
            new("latitude", "give both latitude and longitude, or neither and a building"),
            new("clientRequestKey", "this request key was already used for a different report"),
        ]);
        string[] controls = ["category", "q-water-leak-where-0", "q-water-leak-depth", "q-water-leak-since", ReportErrors.PlaceId, "address", "description", "photos", "name", "email", "phone", "submit"];

        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        try
        {
            foreach (var error in errors)
            {
                var shown = ReportErrors.Localize(error, category, Localizer());
                Assert.Contains(shown.TargetId, controls);
                Assert.True(Chinese().IsMatch(shown.Message) && !shown.Message.Contains(error.Message, StringComparison.Ordinal), $"{error.Field}: {error.Message} -> {shown.Message}");
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData("是否外溢 / Is sewage overflowing?", "是否外溢", "Is sewage overflowing?")]
    [InlineData("楼内公共区域 Common area", "楼内公共区域", "Common area")]
    [InlineData("户内", "户内", "户内")]
    [InlineData("Other", "Other", "Other")]
    public void Catalogue_texts_written_in_both_languages_show_the_interface_language(string text, string zh, string en)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            Assert.Equal(zh, Bilingual.Pick(text));
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal(en, Bilingual.Pick(text));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static CaseCategory Entity(CategoryDto dto) => new()
    {
        Code = dto.Code,
        Name = dto.Name,
        Group = dto.Group,
        Attributes = [.. dto.Attributes.Select(a => new CategoryAttribute
        {
            Code = a.Code!,
            Datatype = Enum.Parse<AttributeDatatype>(a.Datatype!, ignoreCase: true),
            Required = a.Required,
            Order = a.Order,
            Description = a.Description!,
            Values = [.. (a.Values ?? []).Select(v => new AttributeValue { Key = v.Key!, Name = v.Name! })],
        })],
    };

    private static StringLocalizer<ResidentResource> Localizer() =>
        new(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static HashSet<string> Keys(string file) =>
        [.. XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)];

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Linli.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Linli.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("""(?<![A-Za-z0-9_])[Rr]\["([A-Za-z][A-Za-z0-9.\-]*)"(?:[,\]])""")]
    private static partial Regex UsedKey();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}
