using System.Net;
using System.Net.Http.Json;
using Linli.Tests.Infrastructure;
using Linli.Tests.Integration.AntiFraud;
using Linli.Web.Features.SafetyTips;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Integration.SafetyTips.TipsWorld;

namespace Linli.Tests.Integration.SafetyTips;

public sealed class TipSubmissionTests
{
    private const string Address = "203.0.113.77";
    private const string Browser = "TipsterPhone/9.9 (unique-agent-5f1c)";

    [Theory, BothDatabases]
    public async Task An_anonymous_tip_stores_no_account_address_or_device_and_none_reaches_the_logs(DatabaseKind kind)
    {
        var logs = new LogCapture();
        await using var app = await StartAsync(kind, logs: logs);

        // A signed-in resident sending from a known address and browser: none of it may stick to the tip.
        var resident = await app.SignedInAsync("resident");
        resident.DefaultRequestHeaders.Add(ClientIpHeader, Address);
        resident.DefaultRequestHeaders.UserAgent.ParseAdd(Browser);
        var residentId = (await app.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "resident"))).Id.ToString();
        var receipt = await resident.SubmittedAsync(Tip());
        var viewed = await resident.FollowUpAsync(receipt);
        Assert.Equal(HttpStatusCode.OK, viewed.StatusCode);
        Assert.Equal("no-store", viewed.Headers.CacheControl?.ToString());

        var id = await app.TipIdAsync(receipt);
        var (tip, messages) = await app.WithDbAsync(async db => (await db.SafetyTips.AsNoTracking().SingleAsync(t => t.Id == id), await db.SafetyTipMessages.CountAsync(m => m.TipId == id)));
        var columns = await app.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(SafetyTip))!.GetProperties().Select(p => p.Name).Order().ToList()));

        // The row holds what the tip says and nothing about who sent it; the receipt itself only as a hash.
        Assert.Equal(
            ["AwaitingStation", "CommunityNodeId", "DeletionWarnedAt", "DistrictNodeId", "Id", "Kind", "Latitude", "LinkedCaseId", "Longitude", "OccurredOn",
             "Outcome", "OutcomeAt", "OutcomeNote", "PlaceNodeId", "PlacePath", "QuestionOpen", "ReceiptHash", "StationDepartmentId", "SubmittedAt", "TimeOfDay",
             "TriagedAt", "Version", "VolunteerAssociationId", "What", "WhereNote"], columns);
        var values = string.Join('|', typeof(SafetyTip).GetProperties().Where(p => p.Name != nameof(SafetyTip.Messages) && p.Name != nameof(SafetyTip.Place))
            .Select(p => p.GetValue(tip)?.ToString() ?? ""));
        Assert.DoesNotContain(Address, values, StringComparison.Ordinal);
        Assert.DoesNotContain("unique-agent", values, StringComparison.Ordinal);
        Assert.DoesNotContain(residentId, values, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(receipt, values, StringComparison.Ordinal);
        Assert.Equal(TipReceipts.Hash(receipt), tip.ReceiptHash);
        Assert.Equal(0, messages);
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.RecordType == TipTriage.RecordType)));

        // Every log line of every category, at Trace, for the submission and the follow-up.
        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, l => l.Contains("/api/v1/tips", StringComparison.Ordinal));
        Assert.DoesNotContain(Address, logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("unique-agent", logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(receipt, logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(receipt.Replace("-", "", StringComparison.Ordinal), logs.All, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_tip_is_routed_to_its_community_and_police_station_and_a_point_is_located_in_the_tree(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var anonymous = app.Anonymous();
        var (lat, lon) = await app.CentreOfAsync(Web.Features.Demo.DemoAccounts.BuildingCode);

        var response = await anonymous.SubmitAsync(new { kind = "publicSafety", what = "<script>alert(1)</script>楼道里<b>堆满</b>纸箱，挡住消防通道。", occurredOn = Today(), latitude = lat, longitude = lon });
        var body = await response.JsonAsync();
        var receipt = body.GetProperty("receipt").GetString()!;
        var tip = await app.WithDbAsync(async db => await db.SafetyTips.AsNoTracking().Include(t => t.Place).SingleAsync(t => t.Id == db.SafetyTips.Max(x => x.Id)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$", receipt);
        Assert.Equal("石桥铺社区", body.GetProperty("communityName").GetString());
        Assert.Equal("石桥铺派出所", body.GetProperty("station").GetString());
        Assert.Equal("alert(1)楼道里堆满纸箱，挡住消防通道。", tip.What);
        Assert.Equal(Web.Features.Tree.NodeKind.Grid, tip.Place!.Kind);
        Assert.StartsWith(tip.Place.Path, (await app.WithDbAsync(db => db.Nodes.SingleAsync(n => n.Code == Web.Features.Demo.DemoAccounts.BuildingCode))).Path, StringComparison.Ordinal);
        Assert.Equal(lat, tip.Latitude);
        Assert.NotNull(tip.StationDepartmentId);
    }

    [Theory, BothDatabases]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_stored(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var anonymous = app.Anonymous();
        var before = await app.WithDbAsync(db => db.SafetyTips.CountAsync());

        var fields = await (await anonymous.SubmitAsync(new
        {
            kind = "gossip", what = "他的身份证号是 11010119900307451X，住在楼上", occurredOn = "2099-01-01", timeOfDay = "3", nodeCode = "500107001", whereNote = new string('东', 201), associationId = 999_999,
        })).ErrorFieldsAsync();
        var tooLong = await (await anonymous.SubmitAsync(new { kind = "other", what = new string('长', TipLimits.What + 1), occurredOn = Today(), nodeCode = Community })).ErrorFieldsAsync();
        var both = await (await anonymous.SubmitAsync(new { kind = "other", what = "x", occurredOn = Today(), nodeCode = Community, latitude = 29.5, longitude = 106.5 })).ErrorFieldsAsync();
        var onlyTags = await (await anonymous.SubmitAsync(new { kind = "other", what = "<b></b>", occurredOn = Today(), nodeCode = Community })).ErrorFieldsAsync();
        var photo = await anonymous.PostAsJsonAsync("/api/v1/tips", new { kind = "other", what = "x", occurredOn = Today(), nodeCode = Community, photos = new[] { "abc" } });

        Assert.Equal(["associationId", "kind", "nodeCode", "occurredOn", "timeOfDay", "what", "whereNote"], fields);
        Assert.Equal(["what"], tooLong);
        Assert.Equal(["nodeCode"], both);
        Assert.Equal(["what"], onlyTags);

        // There is no photo field: an unknown property is ignored, never stored.
        Assert.Equal(HttpStatusCode.Created, photo.StatusCode);
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.SafetyTips.CountAsync()));
    }
}
