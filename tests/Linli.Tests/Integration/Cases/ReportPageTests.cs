using System.Net;
using System.Text.RegularExpressions;
using Linli.Tests.Infrastructure;
using Linli.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.Integration.Cases;

/// <summary>The residents' pages as a browser without script uses them: plain form posts with an antiforgery token.</summary>
public sealed partial class ReportPageTests
{
    [Theory, BothDatabases]
    public async Task A_refused_report_comes_back_422_with_field_errors_and_its_values_and_a_double_submit_files_one_case(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var browser = app.Anonymous();
        var form = await OpenAsync(browser, "/report");
        var key = RequestKey().Match(form).Groups[1].Value;

        var refused = await PostAsync(browser, "/report", form, new()
        {
            ["_handler"] = "report", ["clientRequestKey"] = key, ["category"] = "water-leak", ["buildingQuery"] = DemoAccounts.BuildingCode,
            ["name"] = "林小满", ["email"] = "not-an-email", ["description"] = "",
        }, ("photos", "notes.jpg", "not a photo"u8.ToArray()));
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("id=\"description-error\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"email-error\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"photos-error\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"q-water-leak-where-error\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/report#description\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"林小满\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"not-an-email\"", page, StringComparison.Ordinal);
        Assert.Matches($"value=\"{DemoAccounts.BuildingCode}\" checked", page);
        Assert.Contains($"value=\"{key}\"", page, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Cases.CountAsync()));

        var report = new Dictionary<string, string>
        {
            ["_handler"] = "report", ["clientRequestKey"] = key, ["category"] = "water-leak", ["q.water-leak.where"] = "street",
            ["q.sewer-blockage.overflowing"] = "yes", ["buildingCode"] = DemoAccounts.BuildingCode, ["description"] = "楼下路面冒水", ["anonymous"] = "true",
        };
        var first = await PostAsync(browser, "/report", form, report, ("photos", "leak.jpg", TestImages.JpegWithGpsExif(40, 30)));
        var again = await PostAsync(browser, "/report", form, report, ("photos", "leak.jpg", TestImages.JpegWithGpsExif(40, 30)));

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Matches(@"^/cases/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\?filed=true$", first.Headers.Location!.OriginalString);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        var stored = await app.WithDbAsync(db => db.Cases.Include(c => c.Photos).SingleAsync());
        Assert.Equal(Linli.Web.Features.Cases.CaseSource.Web, stored.Source);
        Assert.True(stored.ReporterAnonymous);
        Assert.Equal(["street"], stored.Answers.Single().Values);
        Assert.False(TestImages.ContainsExif(stored.Photos.Single().Content));

        var casePage = await browser.GetStringAsync(first.Headers.Location);
        Assert.Contains(stored.Receipt, casePage, StringComparison.Ordinal);
        Assert.Contains("id=\"receipt-code\"", casePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_stores_nothing()
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite);
        using var body = new MultipartFormDataContent
        {
            { new StringContent("report"), "_handler" },
            { new StringContent("noise"), "category" },
            { new StringContent("太吵了"), "description" },
            { new StringContent(DemoAccounts.BuildingCode), "buildingCode" },
        };

        var response = await app.Anonymous().PostAsync("/report", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task A_building_name_that_matches_several_asks_to_choose_and_a_follow_needs_an_email()
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite);
        var earlier = (await app.Anonymous().FileAsync(await app.ReportAsync("water-leak"))).GetProperty("number").GetInt64();
        var browser = app.Anonymous();
        var form = await OpenAsync(browser, "/report");

        var several = await PostAsync(browser, "/report", form, new()
        {
            ["_handler"] = "report", ["category"] = "noise", ["buildingQuery"] = "1号楼", ["description"] = "半夜施工",
        });
        var followWithoutEmail = await PostAsync(browser, "/report", form, new()
        {
            ["_handler"] = "report", ["category"] = "water-leak", ["buildingCode"] = DemoAccounts.BuildingCode, ["follow"] = earlier.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var follow = await PostAsync(browser, "/report", form, new()
        {
            ["_handler"] = "report", ["category"] = "water-leak", ["follow"] = earlier.ToString(System.Globalization.CultureInfo.InvariantCulture), ["followEmail"] = "Follower@Example.org",
        });

        var choose = await several.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, several.StatusCode);
        Assert.Contains("找到多个楼栋，请从列表中选择一个。", choose, StringComparison.Ordinal);
        Assert.True(Regex.Count(choose, "name=\"buildingCode\"") > 2);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, followWithoutEmail.StatusCode);
        Assert.Contains("id=\"follow-email-error\"", await followWithoutEmail.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, follow.StatusCode);
        Assert.Equal($"/report?followed={earlier}", follow.Headers.Location!.OriginalString);
        Assert.Equal(1, await app.WithDbAsync(db => db.CaseFollowers.CountAsync(f => f.CaseId == earlier && f.Email == "Follower@Example.org")));
        Assert.Equal(1, await app.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task Only_new_reports_count_against_the_rate_limit_not_reading_the_form()
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["RateLimits:ReportsPerMinute"] = "1" });
        var browser = app.Anonymous();
        var form = await OpenAsync(browser, "/report");
        await OpenAsync(browser, "/report");

        var report = new Dictionary<string, string> { ["_handler"] = "report", ["category"] = "noise", ["buildingCode"] = DemoAccounts.BuildingCode, ["description"] = "半夜施工" };
        var first = await PostAsync(browser, "/report", form, report);
        var second = await PostAsync(browser, "/report", form, report);

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/report")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task The_case_page_refuses_a_rating_without_stars_and_records_a_complete_one(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var filed = await app.Anonymous().FileAsync(await app.ReportAsync("noise"));
        var (number, receipt) = (filed.GetProperty("number").GetInt64(), filed.GetProperty("receipt").GetString()!);
        var chief = await app.SignedInAsync("gridchief");
        var worker = await app.SignedInAsync("worker");
        await chief.ActAsync(number, "accept");
        await chief.ActAsync(number, "resolve", new { note = "已协调施工方停工 Works stopped at night" });
        await chief.ActAsync(number, "verify");
        await worker.ActAsync(number, "close");
        var browser = app.Anonymous();
        var path = $"/cases/{receipt}";
        var page = await OpenAsync(browser, path);

        var incomplete = await PostAsync(browser, path, page, new() { ["_handler"] = "rate", ["solved"] = "yes", ["comment"] = "还行" });
        var complete = await PostAsync(browser, path, page, new() { ["_handler"] = "rate", ["stars"] = "5", ["solved"] = "yes", ["comment"] = "很快" });

        var refused = await incomplete.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        Assert.Contains("id=\"rate-stars-1-error\"", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"yes\" checked", refused, StringComparison.Ordinal);
        Assert.Contains(">还行</textarea>", refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, complete.StatusCode);
        Assert.Equal($"{path}?done=rated#status", complete.Headers.Location!.OriginalString);
        var rated = await app.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == number));
        Assert.Equal((5, true, "很快"), (rated.RatingStars, rated.RatingSolved, rated.RatingComment));
        var shown = await browser.GetStringAsync(path);
        Assert.Contains("5 星（满分 5 星）", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("很快", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receipt_is_looked_up_however_it_is_typed_and_an_unknown_one_is_a_404_page()
    {
        await using var app = await LinliApp.StartAsync(DatabaseKind.Sqlite);
        var receipt = (await app.Anonymous().FileAsync(await app.ReportAsync("noise"))).GetProperty("receipt").GetString()!;
        var browser = app.Anonymous();

        var loose = await browser.GetAsync("/cases?receipt=" + Uri.EscapeDataString(receipt.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant()));
        var unknown = await browser.GetAsync("/cases?receipt=ZZZZ-ZZZZ-ZZZZ");
        var notACode = await browser.GetAsync("/cases?receipt=hello");
        var noPage = await browser.GetAsync("/cases/ZZZZ-ZZZZ-ZZZZ");

        Assert.Equal(HttpStatusCode.Redirect, loose.StatusCode);
        Assert.Equal($"/cases/{receipt}", loose.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("没有反映使用这个回执编码", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, notACode.StatusCode);
        Assert.Contains("这不是回执编码", await notACode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, noPage.StatusCode);
        Assert.Contains("没有找到这条反映", await noPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>GETs a page with a form and returns its HTML (the client keeps the antiforgery cookie).</summary>
    private static async Task<string> OpenAsync(HttpClient browser, string path)
    {
        var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts the fields as multipart/form-data, as a browser sends the form, with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, string page, Dictionary<string, string> fields, params (string Field, string FileName, byte[] Content)[] files)
    {
        using var body = new MultipartFormDataContent { { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            body.Add(new StringContent(value), name);
        }

        foreach (var (field, fileName, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            body.Add(part, field, fileName);
        }

        return await browser.PostAsync(path, body);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"clientRequestKey\" id=\"client-request-key\" value=\"([^\"]+)\"")]
    private static partial Regex RequestKey();
}
