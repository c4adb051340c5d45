namespace Linli.Web.Features.Cases.Lifecycle;

/// <summary>What can be done to a case. <see cref="Note"/> adds an update without moving it.</summary>
public enum CaseAction
{
    Dispatch,
    Accept,
    Start,
    Note,
    Resolve,
    Verify,
    Close,
    Return,
    Reopen,
    Cancel,
    MarkDuplicate,
}

/// <summary>The one table of allowed moves: from which states an action may be taken, and where it leads.</summary>
public static class CaseStateMachine
{
    private static readonly CaseState[] Working = [CaseState.New, CaseState.Dispatched, CaseState.Returned, CaseState.Accepted, CaseState.InProgress, CaseState.Reopened];

    private static readonly Dictionary<CaseAction, (CaseState[] From, CaseState? To)> Moves = new()
    {
        [CaseAction.Dispatch] = ([CaseState.New, CaseState.Returned, CaseState.Reopened], CaseState.Dispatched),
        [CaseAction.Accept] = ([CaseState.Dispatched, CaseState.Reopened], CaseState.Accepted),
        [CaseAction.Start] = ([CaseState.Accepted], CaseState.InProgress),
        [CaseAction.Note] = ([.. Working, CaseState.Resolved, CaseState.Verified], null),
        [CaseAction.Resolve] = ([CaseState.Accepted, CaseState.InProgress], CaseState.Resolved),
        [CaseAction.Verify] = ([CaseState.Resolved], CaseState.Verified),
        [CaseAction.Close] = ([CaseState.Verified], CaseState.Closed),
        [CaseAction.Return] = ([CaseState.Dispatched, CaseState.Accepted, CaseState.InProgress, CaseState.Reopened], CaseState.Returned),
        [CaseAction.Reopen] = ([CaseState.Resolved, CaseState.Verified, CaseState.Closed], CaseState.Reopened),
        [CaseAction.Cancel] = (Working, CaseState.Cancelled),
        [CaseAction.MarkDuplicate] = (Working, CaseState.Duplicate),
    };

    public static bool CanTake(CaseAction action, CaseState from) => Moves[action].From.Contains(from);

    /// <summary>The state after the action; the same state for <see cref="CaseAction.Note"/>.</summary>
    public static CaseState Next(CaseAction action, CaseState from) =>
        CanTake(action, from) ? Moves[action].To ?? from : throw new InvalidOperationException($"{action} is not allowed from {from}.");

    public static IEnumerable<CaseAction> ActionsFrom(CaseState state) => Moves.Where(m => m.Value.From.Contains(state)).Select(m => m.Key);

    public static CaseEventKind EventFor(CaseAction action) => action switch
    {
        CaseAction.Dispatch => CaseEventKind.Dispatched,
        CaseAction.Accept => CaseEventKind.Accepted,
        CaseAction.Start => CaseEventKind.Started,
        CaseAction.Note => CaseEventKind.Updated,
        CaseAction.Resolve => CaseEventKind.Resolved,
        CaseAction.Verify => CaseEventKind.Verified,
        CaseAction.Close => CaseEventKind.Closed,
        CaseAction.Return => CaseEventKind.Returned,
        CaseAction.Reopen => CaseEventKind.Reopened,
        CaseAction.Cancel => CaseEventKind.Cancelled,
        _ => CaseEventKind.MarkedDuplicate,
    };
}
