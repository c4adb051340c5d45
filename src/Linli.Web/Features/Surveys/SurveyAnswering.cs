using Linli.Web.Data;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Linli.Web.Infrastructure.Time;
using Linli.Web.Infrastructure.Votes;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Surveys;

/// <summary>
/// A verified resident of the audience answers once. The "has responded" row and the anonymous response (random id,
/// no account, only the day and the area) are written in one transaction (<see cref="SecretBallot.CastAsync"/>), so
/// nobody — staff, administrators, the database's readers — can link answers back to an account.
/// </summary>
public sealed class SurveyAnswering(LinliDb db, CurrentUser currentUser, TimeProvider clock)
{
    public async Task RespondAsync(int id, ResponseRequest r, CancellationToken cancellationToken)
    {
        var userId = currentUser.Id ?? throw new DomainRuleException("user", "sign in first", StatusCodes.Status401Unauthorized);
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Questions).ThenInclude(q => q.Options).SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new DomainRuleException("id", $"no survey {id}", StatusCodes.Status404NotFound);
        var now = clock.GetUtcNow();
        if (survey.PhaseAt(now) == SurveyPhase.Draft)
        {
            throw new DomainRuleException("id", $"no survey {id}", StatusCodes.Status404NotFound);
        }

        if (survey.PhaseAt(now) != SurveyPhase.Open)
        {
            throw new DomainRuleException("id", "this survey is not open", StatusCodes.Status409Conflict);
        }

        var household = await HouseholdPathAsync(userId, survey.NodePath, cancellationToken)
            ?? throw new DomainRuleException("household", "only residents of the area answer: link your household (in 我的信息 / Me) in this area first", StatusCodes.Status403Forbidden);
        if (await db.SurveyRespondents.AnyAsync(x => x.SurveyId == id && x.UserId == userId, cancellationToken))
        {
            throw AlreadyResponded();
        }

        var response = new SurveyResponse
        {
            Id = Guid.NewGuid(), SurveyId = id, Day = ChinaCalendar.DayOf(now), AreaPath = AreaOf(household, survey.NodePath),
            Answers = Answers(survey, r.Answers ?? []),
        };

        await SecretBallot.CastAsync(
            db,
            new SurveyRespondent { SurveyId = id, UserId = userId },
            async ct =>
            {
                db.SurveyResponses.Add(response);
                await db.SaveChangesAsync(ct);
                return 1;
            },
            AlreadyResponded,
            cancellationToken);
    }

    /// <summary>Whether the account may answer: a verified resident of the audience who has not answered yet.</summary>
    public async Task<(bool MayRespond, bool Responded)> StandingAsync(int id, string nodePath, Guid userId, CancellationToken cancellationToken) =>
        (await SecretBallot.IsVerifiedResidentAsync(db, userId, nodePath, cancellationToken),
         await db.SurveyRespondents.AnyAsync(x => x.SurveyId == id && x.UserId == userId, cancellationToken));

    /// <summary>The audience's child node holding the household (the audience itself if the household is the audience).</summary>
    public static string AreaOf(string householdPath, string audiencePath)
    {
        if (householdPath.Length <= audiencePath.Length)
        {
            return audiencePath;
        }

        var next = householdPath.IndexOf('/', audiencePath.Length);
        return next < 0 ? householdPath : householdPath[..(next + 1)];
    }

    private Task<string?> HouseholdPathAsync(Guid userId, string areaPath, CancellationToken cancellationToken) =>
        db.HouseholdLinks.AsNoTracking().Where(h => h.UserId == userId)
            .Join(db.Nodes, h => h.UnitNodeId, n => n.Id, (h, n) => new { h.Id, n.Path })
            .Where(x => x.Path.StartsWith(areaPath)).OrderBy(x => x.Id).Select(x => x.Path).FirstOrDefaultAsync(cancellationToken);

    private static List<SurveyAnswer> Answers(Survey survey, IReadOnlyList<AnswerRequest> given)
    {
        var answers = new List<SurveyAnswer>();
        foreach (var question in survey.Questions.OrderBy(q => q.Position))
        {
            var field = $"answers[{question.Id}]";
            var a = given.FirstOrDefault(x => x.QuestionId == question.Id);
            var optionIds = question.Options.Select(o => o.Id).ToHashSet();
            var before = answers.Count;
            switch (question.Kind)
            {
                case QuestionKind.SingleChoice when a?.OptionId is { } option:
                    answers.Add(new SurveyAnswer { QuestionId = question.Id, OptionId = Known(option, optionIds, field) });
                    break;
                case QuestionKind.MultipleChoice when a?.OptionIds is { Count: > 0 } chosen:
                    answers.AddRange(chosen.Distinct().Select(o => new SurveyAnswer { QuestionId = question.Id, OptionId = Known(o, optionIds, field) }));
                    break;
                case QuestionKind.Scale when a?.Value is { } value:
                    answers.Add(new SurveyAnswer { QuestionId = question.Id, Value = value is >= 1 and <= 5 ? value : throw new DomainRuleException(field, "a scale answer is 1 to 5") });
                    break;
                case QuestionKind.Ranking when a?.Ranking is { Count: > 0 } ranking:
                    if (ranking.Count != optionIds.Count || !ranking.ToHashSet().SetEquals(optionIds))
                    {
                        throw new DomainRuleException(field, "rank every option once, first choice first");
                    }

                    answers.AddRange(ranking.Select((o, i) => new SurveyAnswer { QuestionId = question.Id, OptionId = o, Value = i + 1 }));
                    break;
                case QuestionKind.FreeText when SurveyRules.Text(field, a?.Text, SurveyRules.FreeTextMax, required: false) is { } text:
                    answers.Add(new SurveyAnswer { QuestionId = question.Id, Text = text });
                    break;
            }

            if (question.Required && answers.Count == before)
            {
                throw new DomainRuleException(field, "this question needs an answer");
            }
        }

        if (answers.Count == 0)
        {
            throw new DomainRuleException("answers", "answer at least one question");
        }

        return answers;
    }

    private static int Known(int optionId, HashSet<int> optionIds, string field) =>
        optionIds.Contains(optionId) ? optionId : throw new DomainRuleException(field, "choose one of this question's options");

    private static DomainRuleException AlreadyResponded() =>
        new("survey", "you have already answered this survey: one response per resident", StatusCodes.Status409Conflict);
}
