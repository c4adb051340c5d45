using Linli.Web.Features.Policing;
using Microsoft.AspNetCore.Components;

namespace Linli.Web.Components.Pages.Policing;

/// <summary>Where the workbench's officer works: the communities they police and those communities' paths.</summary>
public sealed record OfficerScope(IReadOnlyList<PolicingPlace> Communities)
{
    public IReadOnlyList<string> NodePaths => [.. Communities.Select(c => c.Path)];
}

/// <summary>
/// The sections of the officer workbench (/police), top to bottom. A feature adds its own section by adding its
/// component here; each section receives the <see cref="OfficerScope"/>.
/// </summary>
public static class OfficerSections
{
    public static IReadOnlyList<Type> All { get; } = [typeof(MyVisitsSection), typeof(MyHazardsSection), typeof(MyTipsSection), typeof(MyOrdersSection), typeof(MyCasesSection)];
}

/// <summary>
/// A section of the officer workbench. Sections render side by side and may load at the same time, so each reads
/// through its own DI scope (its own DbContext) rather than the page's.
/// </summary>
public abstract class OfficerSection : ComponentBase
{
    [Parameter, EditorRequired]
    public OfficerScope Officer { get; set; } = null!;

    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    [Inject]
    private IServiceScopeFactory ScopeFactory { get; set; } = null!;

    protected CancellationToken Aborted => HttpContext?.RequestAborted ?? default;

    protected async Task<T> QueryAsync<TService, T>(Func<TService, CancellationToken, Task<T>> query)
        where TService : notnull
    {
        await using var scope = ScopeFactory.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TService>(), Aborted);
    }
}
