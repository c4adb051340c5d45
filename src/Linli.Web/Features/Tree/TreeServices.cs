using Linli.Web.Features.Tree.Import;

namespace Linli.Web.Features.Tree;

public static class TreeServices
{
    public static IServiceCollection AddTreeFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TreeOptions>().Bind(configuration.GetSection(TreeOptions.Section));
        services.AddSingleton<SpatialIndexHolder>();
        services.AddScoped<TreeImporter>();
        return services;
    }
}
