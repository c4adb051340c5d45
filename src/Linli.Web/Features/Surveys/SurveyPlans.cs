using Linli.Web.Data;
using Linli.Web.Features.People;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Linli.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Surveys;

/// <summary>
/// After a priority vote closes, the responsible unit publishes its plan against the top concern and later reports
/// back on it. A node office speaks through staff with <see cref="Permission.SpeakForUnit"/> at that node (or above);
/// a department through its own handlers (a role held for that department), as handlers act on their cases.
/// </summary>
public sealed class SurveyPlans(LinliDb db, ScopeAuthorizer scope, CurrentUser currentUser, TimeProvider clock)
{
    public async Task PublishAsync(int id, PlanRequest r, CancellationToken cancellationToken)
    {
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Questions).ThenInclude(q => q.Options).SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new DomainRuleException("id", $"no survey {id}", StatusCodes.Status404NotFound);
        if (survey.Kind != SurveyKind.PriorityVote)
        {
            throw new DomainRuleException("id", "plans answer priority votes only");
        }

        var plan = new SurveyPlan { SurveyId = id, UnitName = "", Concern = "", Text = "", PublishedAt = clock.GetUtcNow(), PublishedByUserId = currentUser.Id };
        if (!string.IsNullOrWhiteSpace(r.DepartmentCode))
        {
            var code = r.DepartmentCode.Trim();
            var department = await db.Departments.AsNoTracking().Where(d => d.Code == code).Select(d => new { d.Id, d.Name }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new DomainRuleException("departmentCode", $"unknown department '{code}'");
            (plan.DepartmentId, plan.UnitName) = (department.Id, department.Name);
        }
        else
        {
            var code = FieldRules.Text("unitNodeCode", r.UnitNodeCode, 40, required: false);
            var node = await db.Nodes.AsNoTracking().Where(n => code == null ? n.Id == survey.NodeId : n.Code == code).Select(n => new { n.Id, n.Name, n.Path }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new DomainRuleException("unitNodeCode", $"unknown node '{code}'");
            if (!survey.NodePath.StartsWith(node.Path, StringComparison.Ordinal))
            {
                throw new DomainRuleException("unitNodeCode", "the responsible office is at the vote's area or above it");
            }

            (plan.UnitNodeId, plan.UnitName) = (node.Id, node.Name);
        }

        await RequireSpeakerAsync(plan, cancellationToken);
        if (survey.PhaseAt(clock.GetUtcNow()) != SurveyPhase.Closed)
        {
            throw new DomainRuleException("id", "a plan follows the vote: publish it once the vote has closed", StatusCodes.Status409Conflict);
        }

        plan.Text = SurveyRules.Text("text", r.Text, SurveyRules.PlanMax, required: true)!;
        plan.Concern = await TopConcernAsync(survey, cancellationToken)
            ?? throw new DomainRuleException("id", "the vote has no answers: there is no top concern to plan against", StatusCodes.Status409Conflict);
        db.SurveyPlans.Add(plan);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new DomainRuleException("id", "this vote's plan is already published: report back on it instead", StatusCodes.Status409Conflict);
        }
    }

    public async Task ReportBackAsync(int id, PlanReportRequest r, CancellationToken cancellationToken)
    {
        var plan = await db.SurveyPlans.SingleOrDefaultAsync(p => p.SurveyId == id, cancellationToken)
            ?? throw new DomainRuleException("id", "this vote has no published plan yet", StatusCodes.Status404NotFound);
        await RequireSpeakerAsync(plan, cancellationToken);
        var now = clock.GetUtcNow();
        db.SurveyPlanReports.Add(new SurveyPlanReport
        {
            PlanId = plan.Id, Day = ChinaCalendar.DayOf(now), PostedAt = now, PostedByUserId = currentUser.Id,
            Text = SurveyRules.Text("text", r.Text, SurveyRules.PlanMax, required: true)!,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<PlanDto?> PlanOfAsync(int surveyId, CancellationToken cancellationToken)
    {
        var plan = await db.SurveyPlans.AsNoTracking().Include(p => p.Reports).SingleOrDefaultAsync(p => p.SurveyId == surveyId, cancellationToken);
        return plan is null ? null : new PlanDto(plan.UnitName, plan.Concern, plan.Text, plan.PublishedAt,
            [.. plan.Reports.OrderBy(x => x.Day).ThenBy(x => x.Id).Select(x => new PlanReportDto(x.Day, x.Text))]);
    }

    /// <summary>Whether the signed-in person speaks for the plan's unit (used by pages to show the forms).</summary>
    public async Task<bool> CanSpeakForAsync(SurveyPlan plan, CancellationToken cancellationToken)
    {
        if (plan.DepartmentId is { } departmentId)
        {
            var roles = await currentUser.RolesAsync(cancellationToken);
            return roles.Any(x => x.Role == StaffRole.DepartmentHandler && x.DepartmentId == departmentId && scope.IsUsable(x.Role));
        }

        var path = await db.Nodes.AsNoTracking().Where(n => n.Id == plan.UnitNodeId).Select(n => n.Path).SingleAsync(cancellationToken);
        return await scope.CanAsync(Permission.SpeakForUnit, path, cancellationToken);
    }

    private async Task RequireSpeakerAsync(SurveyPlan plan, CancellationToken cancellationToken)
    {
        if (!await CanSpeakForAsync(plan, cancellationToken))
        {
            throw new DomainRuleException(plan.DepartmentId is null ? "unitNodeCode" : "departmentCode",
                $"Only those who speak for {plan.UnitName} publish and report on its plan.", StatusCodes.Status403Forbidden);
        }
    }

    /// <summary>The first-ranked option over all responses (Borda points for rankings, count for single choice).</summary>
    private async Task<string?> TopConcernAsync(Survey survey, CancellationToken cancellationToken)
    {
        var question = survey.Questions.OrderBy(q => q.Position).First();
        var n = question.Options.Count;
        var answers = await db.SurveyAnswers.AsNoTracking().Where(a => a.QuestionId == question.Id && a.OptionId != null)
            .Select(a => new { OptionId = a.OptionId!.Value, a.Value }).ToListAsync(cancellationToken);
        if (answers.Count == 0)
        {
            return null;
        }

        var top = answers.GroupBy(a => a.OptionId)
            .Select(g => new { g.Key, Score = question.Kind == QuestionKind.Ranking ? g.Sum(a => n - (a.Value ?? n)) : g.Count() })
            .OrderByDescending(g => g.Score).ThenBy(g => question.Options.First(o => o.Id == g.Key).Position).First();
        return question.Options.First(o => o.Id == top.Key).Text;
    }
}
