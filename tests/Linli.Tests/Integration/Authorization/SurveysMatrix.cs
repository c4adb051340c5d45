using System.Net.Http.Json;
using Linli.Web.Features.Surveys;
using Linli.Web.Infrastructure.Auth;

namespace Linli.Tests.Integration.Authorization;

/// <summary>The surveys' entries in the matrix: building and results for those who run surveys, plans for the unit's speakers.</summary>
public static class SurveysMatrix
{
    private const string Surveys = "/api/v1/surveys";

    public static MatrixEntry[] Entries =>
    [
        new("GET /api/v1/surveys/", Access.Public, null, (c, _, t) => c.GetAsync($"{Surveys}?node={t.Code}")),
        new("GET /api/v1/surveys/indices", Access.Public, null, (c, _, t) => c.GetAsync($"{Surveys}/indices?node={t.Code}&quarter=2026-Q3")),
        new("GET /api/v1/surveys/{id:int}", Access.Public, null, async (c, w, t) => await c.GetAsync($"{Surveys}/{await w.SurveyAtAsync(t, SurveyPhase.Closed)}")),
        new("GET /api/v1/surveys/manage", Access.RoleOnly, Permission.RunSurveys, (c, _, _) => c.GetAsync($"{Surveys}/manage")),
        Expect(new("POST /api/v1/surveys/", Access.Scoped, Permission.RunSurveys, (c, _, t) => c.PostAsJsonAsync($"{Surveys}/", new { title = "矩阵问卷 Matrix survey", nodeCode = t.Code })), 201),
        new("PUT /api/v1/surveys/{id:int}", Access.Scoped, Permission.RunSurveys,
            async (c, w, t) => await c.PutAsJsonAsync($"{Surveys}/{await w.SurveyAtAsync(t, SurveyPhase.Draft)}", new { title = "改名 Renamed" })),
        Expect(new("POST /api/v1/surveys/{id:int}/questions", Access.Scoped, Permission.RunSurveys,
            async (c, w, t) => await c.PostAsJsonAsync($"{Surveys}/{await w.SurveyAtAsync(t, SurveyPhase.Draft)}/questions", new { kind = "scale", text = "满意吗？ Satisfied?" })), 201),
        new("DELETE /api/v1/surveys/{id:int}/questions/{questionId:int}", Access.Scoped, Permission.RunSurveys, async (c, w, t) =>
        {
            var id = await w.SurveyAtAsync(t, SurveyPhase.Draft);
            var question = await w.App.WithDbAsync(db => Task.FromResult(db.SurveyQuestions.Where(q => q.SurveyId == id).Select(q => q.Id).First()));
            return await c.DeleteAsync($"{Surveys}/{id}/questions/{question}");
        }),
        new("POST /api/v1/surveys/{id:int}/publish", Access.Scoped, Permission.RunSurveys, async (c, w, t) => await c.PostAsync($"{Surveys}/{await w.SurveyAtAsync(t, SurveyPhase.Draft)}/publish", null)),
        new("POST /api/v1/surveys/{id:int}/close", Access.Scoped, Permission.RunSurveys, async (c, w, t) => await c.PostAsync($"{Surveys}/{await w.SurveyAtAsync(t, SurveyPhase.Open)}/close", null)),
        new("GET /api/v1/surveys/{id:int}/results", Access.Scoped, Permission.RunSurveys, async (c, w, t) => await c.GetAsync($"{Surveys}/{await w.SurveyAtAsync(t, SurveyPhase.Closed)}/results")),
        new("GET /api/v1/surveys/{id:int}/results.csv", Access.Scoped, Permission.RunSurveys, async (c, w, t) => await c.GetAsync($"{Surveys}/{await w.SurveyAtAsync(t, SurveyPhase.Closed)}/results.csv")),
        new("GET /api/v1/surveys/{id:int}/responses.csv", Access.Scoped, Permission.RunSurveys, async (c, w, t) => await c.GetAsync($"{Surveys}/{await w.SurveyAtAsync(t, SurveyPhase.Closed)}/responses.csv")),
        new("POST /api/v1/surveys/{id:int}/responses", Access.SignedIn, null, async (c, w, _) =>
        {
            // The resident links a household in the demo unit, then answers a survey open to that grid.
            await c.PutAsJsonAsync("/api/v1/me/household", new { unitCode = Web.Features.Demo.DemoAccounts.UnitCode, consentVersion = Web.Features.People.Consents.HouseholdLinkText.Version });
            var id = await w.SurveyAtAsync(await w.PlaceAsync(Web.Features.Demo.DemoAccounts.GridCode), SurveyPhase.Open);
            var question = await w.App.WithDbAsync(db => Task.FromResult(db.SurveyQuestions.Where(q => q.SurveyId == id).Select(q => q.Id).First()));
            return await c.PostAsJsonAsync($"{Surveys}/{id}/responses", new { answers = new[] { new { questionId = question, value = 4 } } });
        }),
        Expect(new("POST /api/v1/surveys/{id:int}/plan", Access.Scoped, Permission.SpeakForUnit,
            async (c, w, t) => await c.PostAsJsonAsync($"{Surveys}/{await w.SurveyAtAsync(t, SurveyPhase.Closed, SurveyKind.PriorityVote)}/plan", new { text = "加装路灯 More street lights" })), 201),
        Expect(new("POST /api/v1/surveys/{id:int}/plan/reports", Access.Scoped, Permission.SpeakForUnit,
            async (c, w, t) => await c.PostAsJsonAsync($"{Surveys}/{await w.SurveyAtAsync(t, SurveyPhase.Closed, SurveyKind.PriorityVote, withPlan: true)}/plan/reports", new { text = "已装10盏 Ten installed" })), 201),
    ];

    /// <summary>A survey for the place's residents in the given phase, with one scale question (or a ranking for a vote) and one response.</summary>
    public static async Task<int> SurveyAtAsync(this MatrixWorld world, Place place, SurveyPhase phase, SurveyKind kind = SurveyKind.Survey, bool withPlan = false) =>
        await world.App.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var question = kind == SurveyKind.PriorityVote
                ? new SurveyQuestion { Kind = QuestionKind.Ranking, Text = "最担心？", Position = 1, Required = true, Options = [new() { Text = "盗窃", Position = 1 }, new() { Text = "诈骗", Position = 2 }] }
                : new SurveyQuestion { Kind = QuestionKind.Scale, Text = "安全吗？", Position = 1, Tag = IndexTag.SenseOfSecurity };
            var survey = new Survey
            {
                Kind = kind, Title = "矩阵 matrix", NodeId = place.Id, NodePath = place.Path, CreatedAt = now, IsPublic = true,
                OpensAt = now.AddDays(-3), ClosesAt = phase == SurveyPhase.Closed ? now.AddDays(-1) : now.AddDays(3),
                PublishedAt = phase == SurveyPhase.Draft ? null : now.AddDays(-3), Questions = [question],
            };
            db.Surveys.Add(survey);
            await db.SaveChangesAsync();
            var answers = kind == SurveyKind.PriorityVote
                ? question.Options.Select((o, i) => new SurveyAnswer { QuestionId = question.Id, OptionId = o.Id, Value = i + 1 }).ToList()
                : [new SurveyAnswer { QuestionId = question.Id, Value = 4 }];
            db.SurveyResponses.Add(new SurveyResponse { Id = Guid.NewGuid(), SurveyId = survey.Id, Day = DateOnly.FromDateTime(now.UtcDateTime), AreaPath = place.Path, Answers = answers });
            if (withPlan)
            {
                db.SurveyPlans.Add(new SurveyPlan { SurveyId = survey.Id, UnitNodeId = place.Id, UnitName = "矩阵", Concern = "盗窃", Text = "计划", PublishedAt = now });
            }

            await db.SaveChangesAsync();
            return survey.Id;
        });

    private static MatrixEntry Expect(MatrixEntry entry, int status) => entry with
    {
        Call = async (c, w, t) =>
        {
            var response = await entry.Call(c, w, t);
            response.Headers.Add("X-Matrix-Expected", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return response;
        },
    };
}
