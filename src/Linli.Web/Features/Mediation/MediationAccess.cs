using Linli.Web.Features.People;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;

namespace Linli.Web.Features.Mediation;

/// <summary>In which capacity the signed-in person reads or acts on a mediation.</summary>
public sealed record MediationReader(Guid? UserId, bool IsStaff, bool IsMediator, bool HoldsPoliceRole)
{
    public bool CanRead => IsStaff || IsMediator;

    /// <summary>Police see who mediates only on a mediation they take part in: never a list of volunteers.</summary>
    public bool SeesMediatorNames => !HoldsPoliceRole || IsMediator;
}

/// <summary>
/// One rule: staff holding <see cref="Permission.MediateDisputes"/> over the mediation's place run it; anyone named as
/// its mediator (a volunteer mediator above all) reads and records it, for that mediation only. Only staff name mediators.
/// </summary>
public sealed class MediationAccess(CurrentUser currentUser, ScopeAuthorizer scope)
{
    public Guid? UserId => currentUser.Id;

    public async Task<MediationReader> ReaderAsync(MediationCase mediation, CancellationToken cancellationToken)
    {
        var roles = await currentUser.RolesAsync(cancellationToken);
        return new MediationReader(
            currentUser.Id,
            await scope.CanAsync(Permission.MediateDisputes, mediation.NodePath, cancellationToken),
            currentUser.Id is { } id && mediation.Mediators.Any(m => m.UserId == id),
            roles.Any(r => r.Role == StaffRole.CommunityPolice && scope.IsUsable(r.Role)));
    }

    public async Task<MediationReader> RequireReaderAsync(MediationCase mediation, CancellationToken cancellationToken)
    {
        var reader = await ReaderAsync(mediation, cancellationToken);
        return reader.CanRead
            ? reader
            : throw new DomainRuleException("id", "Only mediation staff over this place and the mediation's own mediators see it.", StatusCodes.Status403Forbidden);
    }

    public async Task RequireStaffAsync(string nodePath, string field, CancellationToken cancellationToken)
    {
        if (!await scope.CanAsync(Permission.MediateDisputes, nodePath, cancellationToken))
        {
            throw new DomainRuleException(field, "This place is outside the part of the tree where you mediate disputes.", StatusCodes.Status403Forbidden);
        }
    }

    /// <summary>The subtrees where the caller runs mediations as staff.</summary>
    public async Task<List<string>> StaffRootsAsync(CancellationToken cancellationToken) =>
        [.. (await scope.RolesGrantingAsync(Permission.MediateDisputes, cancellationToken)).Where(r => r.NodePath is not null).Select(r => r.NodePath!).Distinct()];
}
