namespace Linli.Web.Features.Surveys;

public static class SurveysServices
{
    public static IServiceCollection AddSurveysFeature(this IServiceCollection services)
    {
        services.AddScoped<SurveyBuilder>();
        services.AddScoped<SurveyAnswering>();
        services.AddScoped<SurveyResults>();
        services.AddScoped<SurveyPlans>();
        services.AddScoped<SurveyQueries>();
        services.AddScoped<SurveyIndices>();
        return services;
    }
}
