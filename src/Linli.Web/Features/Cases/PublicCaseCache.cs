using Linli.Web.Features.Cases.Intake;
using Microsoft.AspNetCore.OutputCaching;

namespace Linli.Web.Features.Cases;

/// <summary>
/// The public case page is read far more than cases change: anonymous answers are kept for a few seconds, tagged by
/// receipt, and dropped as soon as this instance changes the case. Another instance's change shows within the expiry.
/// </summary>
public static class PublicCaseCache
{
    public const string Policy = "public-case";
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(5);

    public static string TagFor(string receipt) => $"case:{receipt}";

    public static IServiceCollection AddPublicCaseCache(this IServiceCollection services) =>
        services.AddOutputCache(options => options.AddPolicy(Policy, policy => policy.Expire(Expiry).AddPolicy<ReceiptTag>()));

    /// <summary>Tags the cached answer with its receipt so a change can evict exactly it.</summary>
    private sealed class ReceiptTag : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if (ReceiptCodes.Normalize(context.HttpContext.Request.RouteValues["receipt"] as string) is { } receipt)
            {
                context.Tags.Add(TagFor(receipt));
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }
}
