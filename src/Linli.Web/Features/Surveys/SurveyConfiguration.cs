using Linli.Web.Features.Departments;
using Linli.Web.Features.People;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Surveys;

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> survey)
    {
        survey.ToTable("surveys");
        survey.Property(s => s.Title).HasMaxLength(SurveyRules.TitleMax);
        survey.Property(s => s.Description).HasMaxLength(SurveyRules.DescriptionMax);
        survey.Property(s => s.NodePath).HasMaxLength(200);
        survey.HasOne<TreeNode>().WithMany().HasForeignKey(s => s.NodeId).OnDelete(DeleteBehavior.Restrict);
        survey.HasIndex(s => s.NodePath);
        survey.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> question)
    {
        question.ToTable("survey_questions");
        question.Property(q => q.Text).HasMaxLength(SurveyRules.QuestionMax);
        question.HasMany(q => q.Options).WithOne().HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyOptionConfiguration : IEntityTypeConfiguration<SurveyOption>
{
    public void Configure(EntityTypeBuilder<SurveyOption> option)
    {
        option.ToTable("survey_options");
        option.Property(o => o.Text).HasMaxLength(SurveyRules.OptionMax);
    }
}

internal sealed class SurveyRespondentConfiguration : IEntityTypeConfiguration<SurveyRespondent>
{
    public void Configure(EntityTypeBuilder<SurveyRespondent> respondent)
    {
        respondent.ToTable("survey_respondents");
        respondent.HasKey(r => new { r.SurveyId, r.UserId });
        respondent.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        respondent.HasOne<LinliUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> response)
    {
        response.ToTable("survey_responses");
        response.Property(r => r.Id).ValueGeneratedNever();
        response.Property(r => r.AreaPath).HasMaxLength(200);
        response.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        response.HasIndex(r => new { r.SurveyId, r.AreaPath });
        response.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> answer)
    {
        answer.ToTable("survey_answers");
        answer.Property(a => a.Text).HasMaxLength(SurveyRules.FreeTextMax);
        answer.HasOne<SurveyQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
        answer.HasIndex(a => a.QuestionId);
    }
}

internal sealed class SurveyPlanConfiguration : IEntityTypeConfiguration<SurveyPlan>
{
    public void Configure(EntityTypeBuilder<SurveyPlan> plan)
    {
        plan.ToTable("survey_plans");
        plan.Property(p => p.UnitName).HasMaxLength(120);
        plan.Property(p => p.Concern).HasMaxLength(SurveyRules.OptionMax);
        plan.Property(p => p.Text).HasMaxLength(SurveyRules.PlanMax);
        plan.HasIndex(p => p.SurveyId).IsUnique();
        plan.HasOne<Survey>().WithMany().HasForeignKey(p => p.SurveyId).OnDelete(DeleteBehavior.Cascade);
        plan.HasOne<Department>().WithMany().HasForeignKey(p => p.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        plan.HasOne<TreeNode>().WithMany().HasForeignKey(p => p.UnitNodeId).OnDelete(DeleteBehavior.Restrict);
        plan.HasMany(p => p.Reports).WithOne().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyPlanReportConfiguration : IEntityTypeConfiguration<SurveyPlanReport>
{
    public void Configure(EntityTypeBuilder<SurveyPlanReport> report)
    {
        report.ToTable("survey_plan_reports");
        report.Property(r => r.Text).HasMaxLength(SurveyRules.PlanMax);
    }
}
