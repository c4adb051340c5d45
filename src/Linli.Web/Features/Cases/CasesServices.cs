using Linli.Web.Features.Cases.Escalation;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Cases.Lifecycle;
using Linli.Web.Features.Cases.Work;
using Linli.Web.Features.Notifications;

namespace Linli.Web.Features.Cases;

public static class CasesServices
{
    public static IServiceCollection AddCasesFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CasesOptions>(configuration.GetSection(CasesOptions.Section));
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.AddSingleton<PhotoProcessor>();
        services.AddPublicCaseCache();
        services.AddMemoryCache();
        services.AddSingleton<RoutingCache>();
        services.AddSingleton<IntakeWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<IntakeWriter>());
        services.AddScoped<CaseIntake>();
        services.AddScoped<CaseAccess>();
        services.AddScoped<CaseWorkflow>();
        services.AddScoped<CaseNotifier>();
        services.AddScoped<WorkQueries>();
        services.AddCaseEscalation();
        return services;
    }
}
