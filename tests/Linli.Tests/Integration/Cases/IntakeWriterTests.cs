using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Web.Data;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Demo;
using Linli.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Integration.Cases;

/// <summary>The group-commit writer behind intake: what it stores, and how it copes with many reports at once.</summary>
public sealed class IntakeWriterTests
{
    // PostgreSQL keeps microseconds: a time with finer ticks would not read back equal on either path.
    private static readonly DateTimeOffset At = new(2026, 11, 24, 8, 30, 15, 123, TimeSpan.Zero);

    [Theory, BothDatabases]
    public async Task Every_column_of_a_written_case_reads_back_as_built(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var (category, grid, departmentId, associationId) = await app.WithDbAsync(async db => (
            await db.CaseCategories.AsNoTracking().SingleAsync(c => c.Code == "water-leak"),
            await db.Nodes.AsNoTracking().SingleAsync(n => n.Code == DemoAccounts.GridCode),
            await db.Departments.Select(d => d.Id).FirstAsync(),
            await db.VolunteerAssociations.Select(a => a.Id).FirstAsync()));
        var writer = app.Services.GetRequiredService<IntakeWriter>();
        Case Build(int i) => FullCase(category, grid, departmentId, associationId, i);
        await app.WithDbAsync(db =>
        {
            AssertEveryIntakeColumnSet(db, Build(0));
            return Task.FromResult(0);
        });

        var written = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => writer.WriteAsync(() => Build(i), category)));

        foreach (var (built, i) in written.Select((c, i) => (c, i)))
        {
            var stored = await app.WithDbAsync(db => db.Cases.AsNoTracking().Include(c => c.Events).Include(c => c.Followers).Include(c => c.Photos).SingleAsync(c => c.Id == built.Id));
            var expected = Build(i);
            await app.WithDbAsync(db =>
            {
                AssertSameColumns(db, expected, stored, nameof(Case.Id), nameof(Case.Receipt), nameof(Case.Open311Token));
                Assert.Equal(built.Receipt, stored.Receipt);
                Assert.Equal(built.Open311Token, stored.Open311Token);
                Assert.Equal(JsonSerializer.Serialize(expected.Answers), JsonSerializer.Serialize(stored.Answers));
                Assert.Equal(expected.Events.Count, stored.Events.Count);
                foreach (var (e, s) in expected.Events.Zip(stored.Events.OrderBy(e => e.Id)))
                {
                    AssertSameColumns(db, e, s, nameof(CaseEvent.Id), nameof(CaseEvent.CaseId));
                }

                AssertSameColumns(db, expected.Followers.Single(), stored.Followers.Single(), nameof(CaseFollower.Id), nameof(CaseFollower.CaseId));
                AssertSameColumns(db, expected.Photos.Single(), stored.Photos.Single(), nameof(CasePhoto.Id), nameof(CasePhoto.CaseId));
                return Task.FromResult(0);
            });
            var message = await app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.CaseId == built.Id));
            Assert.Equal($"writer{i}@example.org", message.Recipient);
            Assert.Contains($"#{built.Id} ", message.Subject, StringComparison.Ordinal);
            Assert.Contains(built.Receipt, message.Body, StringComparison.Ordinal);
        }
    }

    [Theory, BothDatabases]
    public async Task Reports_arriving_together_are_each_stored_once_even_when_one_batch_holds_a_clashing_retry(DatabaseKind kind)
    {
        await using var app = await LinliApp.StartAsync(kind);
        var report = await app.ReportAsync();
        var key = Guid.NewGuid().ToString();

        var distinct = Enumerable.Range(0, 12).Select(async i =>
        {
            var body = new Dictionary<string, object?>(report) { ["description"] = $"report {i}", ["email"] = $"r{i}@example.org" };
            return await app.Anonymous().PostAsJsonAsync("/api/v1/cases", body);
        });
        var retries = Enumerable.Range(0, 4).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent.Create(report) };
            request.Headers.Add("Idempotency-Key", key);
            return await app.Anonymous().SendAsync(request);
        });
        var answers = await Task.WhenAll(distinct.Concat(retries));
        var numbers = await Task.WhenAll(answers.Select(async a => (await a.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt64()));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, a.StatusCode.ToString()));
        Assert.Equal(13, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(13, numbers.Distinct().Count());
        Assert.Equal(13, await app.WithDbAsync(db => db.Cases.CountAsync()));
        Assert.Equal(13, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.CaseId != null)));
        Assert.Equal(26, await app.WithDbAsync(db => db.CaseEvents.CountAsync()));
    }

    /// <summary>A case with every column intake can fill in set to something other than its default.</summary>
    private static Case FullCase(CaseCategory category, Linli.Web.Features.Tree.TreeNode grid, int departmentId, int associationId, int i)
    {
        var c = new Case
        {
            Receipt = ReceiptCodes.New(),
            CategoryId = category.Id,
            Description = $"writer test {i}",
            Answers = [new CaseAnswer { Code = "where", Values = ["street", "yard"] }],
            Source = CaseSource.Open311,
            State = CaseState.Dispatched,
            Latitude = 29.5301 + i / 1e5,
            Longitude = 106.5045,
            Address = "石杨路 1 号",
            GridNodeId = grid.Id,
            GridPath = grid.Path,
            BuildingCode = DemoAccounts.BuildingCode,
            ReporterUserId = Guid.Parse("00000000-0000-0000-0000-00000000000" + (i + 1)),
            ReporterName = "吴晓东",
            ReporterEmail = $"writer{i}@example.org",
            ReporterPhone = "+86 138 0000 0000",
            ReporterAnonymous = true,
            FiledByUserId = Guid.Parse("10000000-0000-0000-0000-000000000001"),
            AssignedDepartmentId = departmentId,
            AssignedRole = StaffRole.GridChief,
            AssignedNodeId = grid.Id,
            ReportedAt = At,
            DispatchedAt = At.AddSeconds(1),
            RespondBy = At.AddHours(2),
            ResolveBy = At.AddDays(1),
            ClientRequestKey = $"key-{i}",
            RequestFingerprint = $"fingerprint-{i}",
            Open311Token = ReceiptCodes.NewToken(),
            Open311ApiKeyName = "config-1",
            VolunteerAssociationId = associationId,
        };
        c.Events.Add(new CaseEvent { Kind = CaseEventKind.Reported, ToState = CaseState.New, At = At, ActorRole = "system", IsPublic = true });
        c.Events.Add(new CaseEvent
        {
            Kind = CaseEventKind.Dispatched, FromState = CaseState.New, ToState = CaseState.Dispatched, At = At.AddSeconds(1), ActorRole = "system",
            ActorUserId = Guid.Parse("20000000-0000-0000-0000-000000000001"), ActorName = "系统", Note = "auto", IsPublic = true,
            EscalatedTo = "department:water-utility", ClientRequestKey = $"event-{i}",
        });
        c.Followers.Add(new CaseFollower { Email = c.ReporterEmail, UserId = c.ReporterUserId, IsReporter = true, Since = At });
        c.Photos.Add(new CasePhoto { Stage = PhotoStage.Report, ContentType = "image/jpeg", Content = [1, 2, 3, (byte)i], Width = 640, Height = 480, AddedAt = At });
        return c;
    }

    /// <summary>Compares every column EF maps for the entity, so a property the writer forgets shows up here.</summary>
    /// <summary>
    /// A column added to cases later must be written by the PostgreSQL batch too: the case built here has to set every
    /// column except those only the lifecycle fills in, so a new one left at its default fails this test.
    /// </summary>
    private static void AssertEveryIntakeColumnSet(LinliDb db, Case built)
    {
        string[] setLater =
        [
            nameof(Case.Id), nameof(Case.HandlerUserId), nameof(Case.RespondedAt), nameof(Case.ResolvedAt), nameof(Case.ClosedAt),
            nameof(Case.EscalationLevel), nameof(Case.EscalatedAt), nameof(Case.DuplicateOfId), nameof(Case.RatingStars),
            nameof(Case.RatingSolved), nameof(Case.RatingComment), nameof(Case.RatedAt), nameof(Case.Version),
        ];
        foreach (var property in db.Model.FindEntityType(typeof(Case))!.GetProperties().Where(p => p.PropertyInfo is not null && !setLater.Contains(p.Name)))
        {
            var value = property.PropertyInfo!.GetValue(built);
            var unset = value is null || (property.ClrType.IsValueType && value.Equals(Activator.CreateInstance(property.ClrType)));
            Assert.False(unset, $"The test case leaves Case.{property.Name} at its default; set it so the writers are checked for it.");
        }
    }

    private static void AssertSameColumns<T>(LinliDb db, T expected, T stored, params string[] skip)
    {
        foreach (var property in db.Model.FindEntityType(typeof(T))!.GetProperties().Where(p => p.PropertyInfo is not null && !skip.Contains(p.Name)))
        {
            var want = property.PropertyInfo!.GetValue(expected);
            var got = property.PropertyInfo.GetValue(stored);
            if (want is byte[] bytes)
            {
                Assert.Equal(bytes, (byte[])got!);
                continue;
            }

            Assert.True(Equals(want, got), $"{typeof(T).Name}.{property.Name}: wrote {want}, read {got}");
        }
    }
}
