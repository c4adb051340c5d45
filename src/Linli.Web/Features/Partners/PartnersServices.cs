namespace Linli.Web.Features.Partners;

public static class PartnersServices
{
    public static IServiceCollection AddPartnersFeature(this IServiceCollection services)
    {
        services.AddScoped<PartnerAccess>();
        services.AddScoped<PartnerRegistry>();
        services.AddScoped<PartnerOffers>();
        services.AddScoped<PartnerEvaluations>();
        services.AddScoped<PartnerDirectory>();
        return services;
    }
}
