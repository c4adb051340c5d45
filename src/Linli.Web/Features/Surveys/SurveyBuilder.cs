using Linli.Web.Data;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Linli.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Surveys;

/// <summary>
/// Builds, schedules and closes surveys and priority votes (<see cref="Permission.RunSurveys"/> over the audience node).
/// Questions change only while a draft; publishing freezes them.
/// </summary>
public sealed class SurveyBuilder(LinliDb db, ScopeAuthorizer scope, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<int> CreateAsync(CreateSurveyRequest r, CancellationToken cancellationToken)
    {
        var code = FieldRules.Text("nodeCode", r.NodeCode, 40, required: true)!;
        var node = await db.Nodes.AsNoTracking().Where(n => n.Code == code).Select(n => new { n.Id, n.Path }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("nodeCode", $"unknown node '{code}'");
        await RequireRunnerAsync(node.Path, "nodeCode", cancellationToken);
        var kind = SurveyKind.Survey;
        if (r.Kind is not null && !SurveyWire.TryParse(r.Kind, out kind))
        {
            throw new DomainRuleException("kind", "kind is survey or priority-vote");
        }

        var now = clock.GetUtcNow();
        var survey = new Survey
        {
            Kind = kind,
            Title = SurveyRules.Text("title", r.Title, SurveyRules.TitleMax, required: true)!,
            Description = SurveyRules.Text("description", r.Description, SurveyRules.DescriptionMax, required: false),
            NodeId = node.Id, NodePath = node.Path, IsPublic = r.IsPublic ?? true, CreatedAt = now, CreatedByUserId = currentUser.Id,
        };
        (survey.OpensAt, survey.ClosesAt) = Schedule(r.OpensOn ?? ChinaCalendar.Today(now), r.ClosesOn ?? ChinaCalendar.Today(now).AddDays(14), now);
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(cancellationToken);
        return survey.Id;
    }

    public async Task UpdateAsync(int id, UpdateSurveyRequest r, CancellationToken cancellationToken)
    {
        var survey = await DraftAsync(id, cancellationToken);
        if (r.Title is not null)
        {
            survey.Title = SurveyRules.Text("title", r.Title, SurveyRules.TitleMax, required: true)!;
        }

        if (r.Description is not null)
        {
            survey.Description = SurveyRules.Text("description", r.Description, SurveyRules.DescriptionMax, required: false);
        }

        if (r.OpensOn is not null || r.ClosesOn is not null)
        {
            (survey.OpensAt, survey.ClosesAt) = Schedule(
                r.OpensOn ?? ChinaCalendar.DayOf(survey.OpensAt), r.ClosesOn ?? ChinaCalendar.DayOf(survey.ClosesAt).AddDays(-1), clock.GetUtcNow());
        }

        survey.IsPublic = r.IsPublic ?? survey.IsPublic;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<int> AddQuestionAsync(int id, AddQuestionRequest r, CancellationToken cancellationToken)
    {
        var survey = await DraftAsync(id, cancellationToken);
        if (!SurveyWire.TryParse(r.Kind, out QuestionKind kind))
        {
            throw new DomainRuleException("kind", "kind is single-choice, multiple-choice, scale, ranking or free-text");
        }

        if (survey.Questions.Count >= SurveyRules.MaxQuestions)
        {
            throw new DomainRuleException("questions", $"a survey has at most {SurveyRules.MaxQuestions} questions");
        }

        if (survey.Kind == SurveyKind.PriorityVote && (survey.Questions.Count > 0 || kind is not (QuestionKind.Ranking or QuestionKind.SingleChoice)))
        {
            throw new DomainRuleException("kind", "a priority vote has exactly one question, of kind ranking or single-choice");
        }

        var text = SurveyRules.Text("text", r.Text, SurveyRules.QuestionMax, required: true)!;
        var tag = IndexTag.None;
        if (!string.IsNullOrWhiteSpace(r.Tag) && !SurveyWire.TryParse(r.Tag, out tag))
        {
            throw new DomainRuleException("tag", "tag is sense-of-security, satisfaction or none");
        }

        if (tag != IndexTag.None && kind != QuestionKind.Scale)
        {
            throw new DomainRuleException("tag", "only a 1–5 scale question measures an index");
        }

        var options = (r.Options ?? []).Select((o, i) => SurveyRules.Text($"options[{i}]", o, SurveyRules.OptionMax, required: false))
            .OfType<string>().ToList();
        var hasOptions = kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.Ranking;
        if (hasOptions && (options.Count < SurveyRules.MinOptions || options.Count > SurveyRules.MaxOptions))
        {
            throw new DomainRuleException("options", $"a choice or ranking question has {SurveyRules.MinOptions} to {SurveyRules.MaxOptions} options");
        }

        if (hasOptions && options.Distinct(StringComparer.Ordinal).Count() != options.Count)
        {
            throw new DomainRuleException("options", "each option is different");
        }

        if (!hasOptions && options.Count > 0)
        {
            throw new DomainRuleException("options", "only choice and ranking questions have options");
        }

        var question = new SurveyQuestion
        {
            SurveyId = id, Position = survey.Questions.Count == 0 ? 1 : survey.Questions.Max(q => q.Position) + 1, Kind = kind, Text = text,
            Required = r.Required ?? survey.Kind == SurveyKind.PriorityVote, Tag = tag,
            Options = [.. options.Select((o, i) => new SurveyOption { Position = i + 1, Text = o })],
        };
        survey.Questions.Add(question);
        await db.SaveChangesAsync(cancellationToken);
        return question.Id;
    }

    public async Task RemoveQuestionAsync(int id, int questionId, CancellationToken cancellationToken)
    {
        var survey = await DraftAsync(id, cancellationToken);
        var question = survey.Questions.SingleOrDefault(q => q.Id == questionId)
            ?? throw new DomainRuleException("questionId", $"no question {questionId} in this survey", StatusCodes.Status404NotFound);
        survey.Questions.Remove(question);
        db.Remove(question);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Publishes the draft: it opens on its opening day; questions are frozen from now on.</summary>
    public async Task PublishAsync(int id, CancellationToken cancellationToken)
    {
        var survey = await DraftAsync(id, cancellationToken);
        if (survey.Questions.Count == 0)
        {
            throw new DomainRuleException("questions", "add at least one question before publishing");
        }

        var now = clock.GetUtcNow();
        if (survey.ClosesAt <= now)
        {
            throw new DomainRuleException("closesOn", "the closing day has passed: set a new schedule first");
        }

        survey.PublishedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Closes a published survey now (before its date); its public results and plan can follow at once.</summary>
    public async Task CloseAsync(int id, CancellationToken cancellationToken)
    {
        var survey = await RunnableAsync(id, cancellationToken);
        var now = clock.GetUtcNow();
        if (survey.PhaseAt(now) is not (SurveyPhase.Open or SurveyPhase.Scheduled))
        {
            throw new DomainRuleException("id", "only a published survey that has not closed can be closed", StatusCodes.Status409Conflict);
        }

        survey.ClosesAt = now;
        if (survey.OpensAt > now)
        {
            survey.OpensAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Survey> DraftAsync(int id, CancellationToken cancellationToken)
    {
        var survey = await RunnableAsync(id, cancellationToken);
        if (survey.PublishedAt is not null)
        {
            throw new DomainRuleException("id", "a published survey cannot be changed", StatusCodes.Status409Conflict);
        }

        return survey;
    }

    private async Task<Survey> RunnableAsync(int id, CancellationToken cancellationToken)
    {
        var survey = await db.Surveys.Include(s => s.Questions).ThenInclude(q => q.Options).SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new DomainRuleException("id", $"no survey {id}", StatusCodes.Status404NotFound);
        await RequireRunnerAsync(survey.NodePath, "id", cancellationToken);
        return survey;
    }

    private async Task RequireRunnerAsync(string path, string field, CancellationToken cancellationToken)
    {
        if (!await scope.CanAsync(Permission.RunSurveys, path, cancellationToken))
        {
            throw new DomainRuleException(field, "Only street staff, community workers and administrators over this area run its surveys.", StatusCodes.Status403Forbidden);
        }
    }

    private static (DateTimeOffset OpensAt, DateTimeOffset ClosesAt) Schedule(DateOnly opensOn, DateOnly closesOn, DateTimeOffset now)
    {
        var today = ChinaCalendar.Today(now);
        if (opensOn < today || opensOn > today.AddDays(366))
        {
            throw new DomainRuleException("opensOn", "opensOn is from today to a year ahead");
        }

        if (closesOn < opensOn || closesOn > opensOn.AddDays(366))
        {
            throw new DomainRuleException("closesOn", "closesOn is on or after opensOn, and within a year of it");
        }

        return (ChinaCalendar.StartOf(opensOn), ChinaCalendar.StartOf(closesOn.AddDays(1)));
    }
}
