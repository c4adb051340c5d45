using System.Net;
using System.Net.Http.Json;
using Linli.Tests.Infrastructure;
using Linli.Tests.Integration.AntiFraud;
using Linli.Web.Features.People;
using Linli.Web.Features.SafetyTips;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.Integration.SafetyTips.TipsWorld;

namespace Linli.Tests.Integration.SafetyTips;

public sealed class TipFollowUpAndTriageTests
{
    [Theory, BothDatabases]
    public async Task The_officer_asks_the_tipster_answers_with_the_receipt_and_sees_the_outcome(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var tipster = app.Anonymous();
        var (fresh, awaiting) = await CountsAsync(app, Community);
        var receipt = await tipster.SubmittedAsync(Tip(Web.Features.Demo.DemoAccounts.BuildingCode));
        var id = await app.TipIdAsync(receipt);
        var police = await app.SignedInAsync("police");

        var inbox = await (await police.GetAsync("/api/v1/tips/inbox")).JsonAsync();
        var summaryNew = await CountsAsync(app, Community);
        var earlyAnswer = await tipster.AnswerAsync(receipt, "我还想补充。");
        var asked = await police.PostAsJsonAsync($"/api/v1/tips/{id}/questions", new { text = "电瓶一般在几点被拆？ At what time are the batteries taken?" });
        var seen = await (await tipster.FollowUpAsync(receipt.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal))).JsonAsync();
        var answered = await tipster.AnswerAsync(receipt, "大概凌晨三点，车棚门锁坏了。 About 3 a.m.; the shed's lock is broken.");
        var summaryAwaiting = await CountsAsync(app, Community);
        var officerView = await (await police.GetAsync($"/api/v1/tips/{id}")).JsonAsync();
        var outcome = await police.PostAsJsonAsync($"/api/v1/tips/{id}/outcome", new { outcome = "closed", note = "已加装门锁。 A new lock was fitted." });
        var final = await (await tipster.FollowUpAsync(receipt)).JsonAsync();
        var afterClose = await tipster.AnswerAsync(receipt, "谢谢");
        var unknown = await tipster.FollowUpAsync("00000-00000-00000-00000");

        Assert.Contains(inbox.EnumerateArray(), t => t.GetProperty("id").GetInt64() == id && t.GetProperty("status").GetString() == "new");
        Assert.Equal(new TipCounts(fresh + 1, awaiting), summaryNew);
        Assert.Equal(HttpStatusCode.Conflict, earlyAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal("awaitingTipster", seen.GetProperty("status").GetString());
        Assert.True(seen.GetProperty("questionOpen").GetBoolean());
        Assert.Equal("电瓶一般在几点被拆？ At what time are the batteries taken?", seen.GetProperty("messages")[0].GetProperty("text").GetString());
        Assert.False(seen.GetProperty("messages")[0].TryGetProperty("officerUserId", out _));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(new TipCounts(fresh, awaiting + 1), summaryAwaiting);
        Assert.Equal("awaitingStation", officerView.GetProperty("status").GetString());
        Assert.Equal(2, officerView.GetProperty("messages").GetArrayLength());
        Assert.False(officerView.GetProperty("messages")[1].GetProperty("fromStation").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, outcome.StatusCode);
        Assert.Equal("closed", final.GetProperty("outcome").GetString());
        Assert.Equal("已加装门锁。 A new lock was fitted.", final.GetProperty("outcomeNote").GetString());
        Assert.Equal(HttpStatusCode.Conflict, afterClose.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(new TipCounts(fresh, awaiting), await CountsAsync(app, Community));

        // Each staff read of the tip is audited; the tipster's are not (there is no one to name).
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.RecordType == TipTriage.RecordType && a.RecordId == id.ToString() && a.Action == Web.Features.Audit.AuditAction.Read)) >= 2);
    }

    [Theory, BothDatabases]
    public async Task Only_the_community_officers_of_the_tips_area_triage_it(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var receipt = await app.Anonymous().SubmittedAsync(Tip());
        var id = await app.TipIdAsync(receipt);
        var worker = await app.SignedInAsync("worker");
        var street = await app.SignedInAsync("street");
        var sibling = await app.StaffAsync("police-sibling", StaffRole.CommunityPolice, SiblingCommunity);
        var otherStreet = await app.OfficerOfAnotherStreetAsync();

        foreach (var (who, client) in new[] { ("worker", worker), ("street", street), ("sibling officer", sibling), ("other street officer", otherStreet) })
        {
            Assert.True(HttpStatusCode.Forbidden == (await client.GetAsync($"/api/v1/tips/{id}")).StatusCode, who);
            Assert.True(HttpStatusCode.Forbidden == (await client.PostAsJsonAsync($"/api/v1/tips/{id}/questions", new { text = "?" })).StatusCode, who);
            Assert.True(HttpStatusCode.Forbidden == (await client.PostAsJsonAsync($"/api/v1/tips/{id}/outcome", new { outcome = "closed" })).StatusCode, who);
            Assert.True(HttpStatusCode.Forbidden == (await client.PostAsJsonAsync($"/api/v1/tips/{id}/case", new { caseNumber = 1 })).StatusCode, who);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/api/v1/tips/inbox")).StatusCode);
        Assert.DoesNotContain((await (await sibling.GetAsync("/api/v1/tips/inbox")).JsonAsync()).EnumerateArray(), t => t.GetProperty("id").GetInt64() == id);
        Assert.DoesNotContain((await (await otherStreet.GetAsync("/api/v1/tips/inbox")).JsonAsync()).EnumerateArray(), t => t.GetProperty("id").GetInt64() == id);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync($"/api/v1/tips/{id}")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.SafetyTipMessages.CountAsync(m => m.TipId == id)));
        Assert.Null(await app.WithDbAsync(db => db.SafetyTips.Where(t => t.Id == id).Select(t => t.Outcome).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.RecordType == TipTriage.RecordType)));
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync("police")).GetAsync($"/api/v1/tips/{id}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task The_officer_links_a_tip_to_a_new_case_filed_through_intake_or_to_an_existing_one(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var police = await app.SignedInAsync("police");
        var atBuilding = await app.TipIdAsync(await app.Anonymous().SubmittedAsync(Tip(Web.Features.Demo.DemoAccounts.BuildingCode)));
        var atCommunity = await app.TipIdAsync(await app.Anonymous().SubmittedAsync(Tip()));

        var missingBuilding = await police.PostAsJsonAsync($"/api/v1/tips/{atCommunity}/case", new { category = "public-safety", description = "车棚门锁损坏" });
        var filed = await police.PostAsJsonAsync($"/api/v1/tips/{atBuilding}/case", new { category = "public-safety", description = "车棚门锁损坏，需要加装门禁" });
        var caseId = (await filed.JsonAsync()).GetProperty("linkedCaseId").GetInt64();
        var again = await police.PostAsJsonAsync($"/api/v1/tips/{atBuilding}/case", new { caseNumber = caseId });
        var notInArea = await police.PostAsJsonAsync($"/api/v1/tips/{atCommunity}/case", new { caseNumber = 987654 });
        var existing = await police.PostAsJsonAsync($"/api/v1/tips/{atCommunity}/case", new { caseNumber = caseId });

        Assert.Equal(["buildingCode"], await missingBuilding.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        Assert.Equal(Web.Features.Cases.CaseSource.Staff, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Source).SingleAsync()));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(["caseNumber"], await notInArea.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.OK, existing.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await existing.JsonAsync()).GetProperty("deletesAt").ValueKind);
    }

    private static async Task<TipCounts> CountsAsync(LinliApp app, string communityCode)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var path = await app.WithDbAsync(db => db.Nodes.Where(n => n.Code == communityCode).Select(n => n.Path).SingleAsync());
        return await scope.ServiceProvider.GetRequiredService<TipSummary>().ForOfficerAsync([path], default);
    }
}
