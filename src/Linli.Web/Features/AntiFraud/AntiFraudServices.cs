using Linli.Web.Features.AntiFraud.Alerts;
using Linli.Web.Features.AntiFraud.Alliance;
using Linli.Web.Features.AntiFraud.Escalation;
using Linli.Web.Features.AntiFraud.Orders;
using Linli.Web.Features.AntiFraud.Stats;

namespace Linli.Web.Features.AntiFraud;

public static class AntiFraudServices
{
    public static IServiceCollection AddAntiFraudFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AntiFraudOptions>().Bind(configuration.GetSection(AntiFraudOptions.Section))
            .Validate(o => o.HighRiskMinutes > 0 && o.MediumRiskMinutes > 0 && o.LowRiskMinutes > 0, "AntiFraud: the visit limits by risk must be positive.")
            .Validate(o => o.EscalationIntervalSeconds > 0, "AntiFraud:EscalationIntervalSeconds must be positive.")
            .Validate(o => o.ErasePersonalFieldsAfterDays >= 0, "AntiFraud:ErasePersonalFieldsAfterDays cannot be negative (0 keeps the fields).")
            .ValidateOnStart();
        services.AddScoped<OrderAccess>();
        services.AddScoped<FraudAlerts>();
        services.AddScoped<OrderQueries>();
        services.AddScoped<DissuasionWorkflow>();
        services.AddScoped<AllianceMembers>();
        services.AddScoped<AwarenessEvents>();
        services.AddScoped<AntiFraudStats>();
        services.AddScoped<OrderEscalator>();
        services.AddScoped<PersonalFieldEraser>();
        services.AddHostedService<AntiFraudLoop>();
        return services;
    }
}
