namespace Linli.Web.Features.OfficerAppraisal;

public static class OfficerAppraisalServices
{
    public static IServiceCollection AddOfficerAppraisalFeature(this IServiceCollection services)
    {
        services.AddScoped<IOfficerRatingSource, CaseRatingSource>();
        services.AddScoped<OfficerAppraisalQueries>();
        services.AddScoped<OfficerVotes>();
        return services;
    }
}
