namespace Linli.Web.Features.Exports;

public static class ExportsServices
{
    public static IServiceCollection AddExportsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExportsOptions>().Bind(configuration.GetSection(ExportsOptions.Section))
            .Validate(o => o.InlineRowLimit >= 0 && o.KeepHours >= 1 && o.PageSize >= 1 && o.PollSeconds > 0 && o.ClaimSeconds >= 10, "Exports options are out of range")
            .ValidateOnStart();
        services.AddScoped<ExportJobs>();
        services.AddScoped<ExportStarts>();
        services.AddHostedService<ExportWorker>();
        return services;
    }
}
