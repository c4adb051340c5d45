using Linli.Web.Data;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Surveys;

/// <summary>What residents and staff list and open: published surveys for everyone, drafts only for their runners.</summary>
public sealed class SurveyQueries(LinliDb db, ScopeAuthorizer scope, CurrentUser currentUser, SurveyAnswering answering, SurveyResults results, SurveyPlans plans, TimeProvider clock)
{
    /// <summary>Published surveys (open, scheduled, closed), newest first, optionally under a node; flags for the signed-in resident.</summary>
    public async Task<List<SurveySummary>> PublishedAsync(string? nodeCode, CancellationToken cancellationToken)
    {
        var surveys = db.Surveys.AsNoTracking().Where(s => s.PublishedAt != null);
        if (!string.IsNullOrWhiteSpace(nodeCode))
        {
            var path = await db.Nodes.AsNoTracking().Where(n => n.Code == nodeCode.Trim()).Select(n => n.Path).SingleOrDefaultAsync(cancellationToken)
                ?? throw new DomainRuleException("node", $"unknown node '{nodeCode}'");
            surveys = surveys.Where(s => s.NodePath.StartsWith(path));
        }

        var list = await SummariesAsync(surveys, cancellationToken);
        if (currentUser.Id is not { } me)
        {
            return list;
        }

        var homes = await db.HouseholdLinks.AsNoTracking().Where(h => h.UserId == me).Join(db.Nodes, h => h.UnitNodeId, n => n.Id, (h, n) => n.Path).ToListAsync(cancellationToken);
        var ids = list.Select(s => s.Id).ToList();
        var answered = await db.SurveyRespondents.AsNoTracking().Where(x => x.UserId == me && ids.Contains(x.SurveyId)).Select(x => x.SurveyId).ToListAsync(cancellationToken);
        var paths = await db.Surveys.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.NodePath, cancellationToken);
        return [.. list.Select(s => s with
        {
            YouMayRespond = homes.Any(h => h.StartsWith(paths[s.Id], StringComparison.Ordinal)),
            YouResponded = answered.Contains(s.Id),
        })];
    }

    /// <summary>Every survey (drafts too) in the caller's <see cref="Permission.RunSurveys"/> scope.</summary>
    public async Task<List<SurveySummary>> ManagedAsync(CancellationToken cancellationToken)
    {
        var roots = (await scope.RolesGrantingAsync(Permission.RunSurveys, cancellationToken)).Select(r => r.NodePath).OfType<string>().ToList();
        if (roots.Count == 0)
        {
            throw new DomainRuleException("role", "Only street staff, community workers and administrators run surveys.", StatusCodes.Status403Forbidden);
        }

        var all = await db.Surveys.AsNoTracking().Select(s => new { s.Id, s.NodePath }).ToListAsync(cancellationToken);
        var ids = all.Where(s => roots.Any(r => s.NodePath.StartsWith(r, StringComparison.Ordinal))).Select(s => s.Id).ToList();
        return await SummariesAsync(db.Surveys.AsNoTracking().Where(s => ids.Contains(s.Id)), cancellationToken);
    }

    public async Task<SurveyDto> DetailAsync(int id, CancellationToken cancellationToken)
    {
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Questions).ThenInclude(q => q.Options).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (survey is null || (survey.PublishedAt is null && !await scope.CanAsync(Permission.RunSurveys, survey.NodePath, cancellationToken)))
        {
            throw new DomainRuleException("id", $"no survey {id}", StatusCodes.Status404NotFound);
        }

        var node = await db.Nodes.AsNoTracking().Where(n => n.Id == survey.NodeId).Select(n => new { n.Code, n.Name }).SingleAsync(cancellationToken);
        (bool May, bool Did)? standing = currentUser.Id is { } me ? await answering.StandingAsync(id, survey.NodePath, me, cancellationToken) : null;
        var questions = survey.Questions.OrderBy(q => q.Position).Select(q => new QuestionDto(
            q.Id, SurveyWire.Of(q.Kind), q.Text, q.Required, q.Tag == IndexTag.None ? null : SurveyWire.Of(q.Tag),
            [.. q.Options.OrderBy(o => o.Position).Select(o => new OptionDto(o.Id, o.Text))])).ToList();
        return new SurveyDto(
            survey.Id, SurveyWire.Of(survey.Kind), survey.Title, survey.Description, node.Code, node.Name, SurveyWire.Of(survey.PhaseAt(clock.GetUtcNow())),
            survey.OpensAt, survey.ClosesAt, survey.IsPublic, questions, standing?.May, standing?.Did,
            await results.PublicAsync(survey, cancellationToken), await plans.PlanOfAsync(id, cancellationToken));
    }

    private async Task<List<SurveySummary>> SummariesAsync(IQueryable<Survey> surveys, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await surveys.OrderByDescending(s => s.Id).Take(200)
            .Select(s => new { Survey = s, Node = db.Nodes.Where(n => n.Id == s.NodeId).Select(n => new { n.Code, n.Name }).First() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new SurveySummary(
            r.Survey.Id, SurveyWire.Of(r.Survey.Kind), r.Survey.Title, r.Node.Code, r.Node.Name, SurveyWire.Of(r.Survey.PhaseAt(now)),
            r.Survey.OpensAt, r.Survey.ClosesAt, r.Survey.IsPublic, null, null))];
    }
}
