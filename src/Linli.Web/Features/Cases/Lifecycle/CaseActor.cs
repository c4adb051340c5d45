namespace Linli.Web.Features.Cases.Lifecycle;

/// <summary>Who is acting on a case and in which capacities; computed per case by <see cref="CaseAccess"/>.</summary>
public sealed record CaseActor(Guid? UserId, string? Name, string Role)
{
    public bool IsReporter { get; init; }

    /// <summary>Holds the role or department the case is assigned to, over the case's grid.</summary>
    public bool IsHandler { get; init; }

    /// <summary>Community worker, street staff or administrator over the case's grid.</summary>
    public bool IsDispatcher { get; init; }

    /// <summary>Grid chief over the case's grid (or a dispatcher).</summary>
    public bool IsVerifier { get; init; }

    public bool CanSee => IsHandler || IsDispatcher || IsVerifier;

    public static CaseActor Reporter(Guid? userId) => new(userId, null, "reporter") { IsReporter = true };

    public static CaseActor System { get; } = new(null, null, "system");

    public bool May(CaseAction action, CaseState state) => action switch
    {
        CaseAction.Dispatch or CaseAction.MarkDuplicate => IsDispatcher,
        CaseAction.Accept or CaseAction.Start or CaseAction.Resolve => IsHandler,
        CaseAction.Return => IsHandler || IsDispatcher,
        CaseAction.Note => IsHandler || IsDispatcher || IsVerifier,
        CaseAction.Verify => IsVerifier || IsReporter,
        CaseAction.Close => IsVerifier,
        CaseAction.Reopen => IsReporter || IsDispatcher,
        CaseAction.Cancel => IsDispatcher || (IsReporter && state is CaseState.New or CaseState.Dispatched or CaseState.Returned),
        _ => false,
    };
}
