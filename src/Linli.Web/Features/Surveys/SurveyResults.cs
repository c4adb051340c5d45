using System.Globalization;
using System.Text;
using Linli.Web.Data;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Surveys;

/// <summary>
/// Aggregates of a survey: counts and shares per option, the mean of scales, ranking by Borda points (n options: first
/// place n−1 points, last 0), and for priority votes the ranking per area. Staff who run surveys over the audience see
/// them at any time with the free-text answers; everyone else only the public aggregates of a closed public survey,
/// and nothing under <see cref="SurveyRules.SmallestShownCount"/> responses.
/// </summary>
public sealed class SurveyResults(LinliDb db, ScopeAuthorizer scope, TimeProvider clock)
{
    private sealed record Row(Guid ResponseId, string AreaPath, int QuestionId, int? OptionId, int? Value, string? Text);

    /// <summary>Staff results (free text included), for <see cref="Permission.RunSurveys"/> over the audience only.</summary>
    public async Task<SurveyResultsDto> ForStaffAsync(int id, CancellationToken cancellationToken)
    {
        var survey = await RunnableAsync(id, cancellationToken);
        return await ComputeAsync(survey, staff: true, cancellationToken);
    }

    /// <summary>The public aggregates, or null while open, unpublished or not public.</summary>
    public async Task<SurveyResultsDto?> PublicAsync(Survey survey, CancellationToken cancellationToken) =>
        survey.IsPublic && survey.PhaseAt(clock.GetUtcNow()) == SurveyPhase.Closed ? await ComputeAsync(survey, staff: false, cancellationToken) : null;

    public async Task<string> ResultsCsvAsync(int id, CancellationToken cancellationToken)
    {
        var survey = await RunnableAsync(id, cancellationToken);
        var results = await ComputeAsync(survey, staff: true, cancellationToken);
        var csv = new StringBuilder("question,kind,option,count,share,points,rank,mean\n");
        foreach (var q in results.Questions)
        {
            var mean = q.Mean?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";
            if (q.Options.Count == 0)
            {
                Line(csv, q.Text, q.Kind, "", q.Answered.ToString(CultureInfo.InvariantCulture), "", "", "", mean);
            }

            foreach (var o in q.Options)
            {
                Line(csv, q.Text, q.Kind, o.Text, o.Count.ToString(CultureInfo.InvariantCulture), o.Share.ToString("0.0000", CultureInfo.InvariantCulture),
                    o.Points?.ToString(CultureInfo.InvariantCulture) ?? "", o.Rank.ToString(CultureInfo.InvariantCulture), mean);
            }
        }

        return csv.ToString();
    }

    /// <summary>The anonymous answers: one row per response in no meaningful order, one column per question; no account, no time.</summary>
    public async Task<string> ResponsesCsvAsync(int id, CancellationToken cancellationToken)
    {
        var survey = await RunnableAsync(id, cancellationToken);
        var questions = survey.Questions.OrderBy(q => q.Position).ToList();
        var options = questions.SelectMany(q => q.Options).ToDictionary(o => o.Id, o => o.Text);
        var rows = await RowsAsync(survey.Id, cancellationToken);
        var csv = new StringBuilder();
        Line(csv, ["response", .. questions.Select(q => q.Text)]);
        var number = 0;
        foreach (var response in rows.GroupBy(r => r.ResponseId).OrderBy(g => g.Key))
        {
            var cells = questions.Select(q =>
            {
                var answers = response.Where(a => a.QuestionId == q.Id).ToList();
                return q.Kind switch
                {
                    QuestionKind.Scale => answers.FirstOrDefault()?.Value?.ToString(CultureInfo.InvariantCulture) ?? "",
                    QuestionKind.FreeText => answers.FirstOrDefault()?.Text ?? "",
                    QuestionKind.Ranking => string.Join(" > ", answers.OrderBy(a => a.Value).Select(a => options[a.OptionId!.Value])),
                    _ => string.Join("; ", answers.Select(a => options[a.OptionId!.Value])),
                };
            });
            Line(csv, [(++number).ToString(CultureInfo.InvariantCulture), .. cells]);
        }

        return csv.ToString();
    }

    public async Task<SurveyResultsDto> ComputeAsync(Survey survey, bool staff, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(survey.Id, cancellationToken);
        var responses = rows.Select(r => r.ResponseId).Distinct().Count();
        if (!staff && responses < SurveyRules.SmallestShownCount)
        {
            return new SurveyResultsDto(null, Suppressed: true, [], null);
        }

        var questions = survey.Questions.OrderBy(q => q.Position).Select(q => Question(q, rows, staff)).ToList();
        var areas = survey.Kind == SurveyKind.PriorityVote ? await AreasAsync(survey, rows, cancellationToken) : null;
        return new SurveyResultsDto(responses, Suppressed: false, questions, areas);
    }

    private async Task<List<AreaResultDto>> AreasAsync(Survey survey, List<Row> rows, CancellationToken cancellationToken)
    {
        var question = survey.Questions.OrderBy(q => q.Position).First();
        var nodes = await db.Nodes.AsNoTracking().Where(n => n.Id == survey.NodeId || (n.ParentId == survey.NodeId))
            .OrderBy(n => n.Path.Length).ThenBy(n => n.Code).Select(n => new { n.Code, n.Name, n.Path }).ToListAsync(cancellationToken);
        return [.. nodes.Select(n =>
        {
            var inArea = rows.Where(r => r.AreaPath.StartsWith(n.Path, StringComparison.Ordinal)).ToList();
            var count = inArea.Select(r => r.ResponseId).Distinct().Count();
            return count < SurveyRules.SmallestShownCount
                ? new AreaResultDto(n.Code, n.Name, null, Suppressed: true, null)
                : new AreaResultDto(n.Code, n.Name, count, Suppressed: false, Question(question, inArea, staff: false).Options);
        })];
    }

    private static QuestionResultDto Question(SurveyQuestion q, List<Row> rows, bool staff)
    {
        var answers = rows.Where(r => r.QuestionId == q.Id).ToList();
        var answered = answers.Select(a => a.ResponseId).Distinct().Count();
        var kind = SurveyWire.Of(q.Kind);
        var tag = q.Tag == IndexTag.None ? null : SurveyWire.Of(q.Tag);
        switch (q.Kind)
        {
            case QuestionKind.Scale:
                var values = answers.Where(a => a.Value is not null).Select(a => a.Value!.Value).ToList();
                var scale = Enumerable.Range(1, 5).Select(v => (Id: v, Text: v.ToString(CultureInfo.InvariantCulture), Count: values.Count(x => x == v), Points: (int?)null)).ToList();
                return new(q.Id, kind, q.Text, tag, answered, Ranked(scale, answered, byValue: true), values.Count == 0 ? null : Math.Round(values.Average(), 2), null);
            case QuestionKind.FreeText:
                return new(q.Id, kind, q.Text, tag, answered, [], null, staff ? [.. answers.Select(a => a.Text!).Order(StringComparer.Ordinal)] : null);
            case QuestionKind.Ranking:
                var n = q.Options.Count;
                var ranking = q.Options.OrderBy(o => o.Position)
                    .Select(o => (o.Id, o.Text, Count: answers.Count(a => a.OptionId == o.Id && a.Value == 1), Points: (int?)answers.Where(a => a.OptionId == o.Id).Sum(a => n - a.Value!.Value))).ToList();
                return new(q.Id, kind, q.Text, tag, answered, Ranked(ranking, answered, byValue: false), null, null);
            default:
                var choices = q.Options.OrderBy(o => o.Position).Select(o => (o.Id, o.Text, Count: answers.Count(a => a.OptionId == o.Id), Points: (int?)null)).ToList();
                return new(q.Id, kind, q.Text, tag, answered, Ranked(choices, answered, byValue: false), null, null);
        }
    }

    /// <summary>Ranks by points (ranking questions) or by count; ties share a rank. Scales keep the order 1..5.</summary>
    private static List<OptionResultDto> Ranked(List<(int Id, string Text, int Count, int? Points)> options, int answered, bool byValue)
    {
        var score = options.Select(o => o.Points ?? o.Count).ToList();
        var results = options.Select((o, i) => new OptionResultDto(
            o.Id, o.Text, o.Count, answered == 0 ? 0 : Math.Round((double)o.Count / answered, 4), o.Points, 1 + score.Count(s => s > score[i]))).ToList();
        return byValue ? results : [.. results.OrderBy(r => r.Rank).ThenBy(r => options.FindIndex(o => o.Id == r.Id))];
    }

    private Task<List<Row>> RowsAsync(int surveyId, CancellationToken cancellationToken) =>
        db.SurveyAnswers.AsNoTracking()
            .Join(db.SurveyResponses.Where(r => r.SurveyId == surveyId), a => a.ResponseId, r => r.Id, (a, r) => new Row(r.Id, r.AreaPath, a.QuestionId, a.OptionId, a.Value, a.Text))
            .ToListAsync(cancellationToken);

    private async Task<Survey> RunnableAsync(int id, CancellationToken cancellationToken)
    {
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Questions).ThenInclude(q => q.Options).SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new DomainRuleException("id", $"no survey {id}", StatusCodes.Status404NotFound);
        if (!await scope.CanAsync(Permission.RunSurveys, survey.NodePath, cancellationToken))
        {
            // Police and every other role get the public aggregates only (GET /api/v1/surveys/{id}): purpose limitation.
            throw new DomainRuleException("id", "Only those who run surveys over this area see its results and answers.", StatusCodes.Status403Forbidden);
        }

        return survey;
    }

    private static void Line(StringBuilder csv, params string[] cells) =>
        csv.Append(string.Join(',', cells.Select(Cell))).Append('\n');

    /// <summary>Quoted when needed; a leading = + - @ is defused so a spreadsheet never runs an answer as a formula.</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
