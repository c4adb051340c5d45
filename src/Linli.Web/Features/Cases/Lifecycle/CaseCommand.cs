using Linli.Web.Features.Cases.Intake;

namespace Linli.Web.Features.Cases.Lifecycle;

/// <summary>One action on a case with what it needs: a note, photos of the fix, or where to dispatch it.</summary>
public sealed record CaseCommand(CaseAction Action)
{
    public string? Note { get; init; }

    /// <summary>Whether residents see the note on the case page. Returns are always internal.</summary>
    public bool Public { get; init; } = true;

    public IReadOnlyList<IncomingPhoto> Photos { get; init; } = [];
    public string? DepartmentCode { get; init; }
    public string? Role { get; init; }
    public string? NodeCode { get; init; }

    /// <summary>The client's key for this action (Idempotency-Key): the same key again answers with the first result instead of acting twice.</summary>
    public string? RequestKey { get; init; }
}
