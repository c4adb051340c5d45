using Linli.Web.Data;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Infrastructure.Votes;

/// <summary>
/// The one way Linli counts a public vote: one verified resident, one vote, secret. A vote is two writes in one
/// transaction — a "has voted" row (no choice, no time) whose primary key refuses a second vote even when two arrive
/// at once, and one added to the chosen option's tally. No ballot row links a voter to a choice, so nobody can list
/// who voted what. The volunteer honours and the top community officers vote share it.
/// </summary>
public static class SecretBallot
{
    /// <summary>A verified resident of an area: their household (a unit) is linked inside its subtree.</summary>
    public static Task<bool> IsVerifiedResidentAsync(LinliDb db, Guid userId, string areaPath, CancellationToken cancellationToken) =>
        db.HouseholdLinks.AnyAsync(h => h.UserId == userId && db.Nodes.Any(u => u.Id == h.UnitNodeId && u.Path.StartsWith(areaPath)), cancellationToken);

    /// <summary>
    /// Stores <paramref name="hasVoted"/> and runs <paramref name="addOneToChoice"/> (a set-based increment of the
    /// chosen option) in one transaction; a second "has voted" row for the same voter is refused with
    /// <paramref name="alreadyVoted"/> and nothing is counted.
    /// </summary>
    public static async Task CastAsync<THasVoted>(
        LinliDb db, THasVoted hasVoted, Func<CancellationToken, Task<int>> addOneToChoice, Func<DomainRuleException> alreadyVoted, CancellationToken cancellationToken)
        where THasVoted : class
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Set<THasVoted>().Add(hasVoted);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw alreadyVoted();
        }

        if (await addOneToChoice(cancellationToken) != 1)
        {
            // The option vanished between the read and the vote: count nothing, and let the voter try again.
            throw new DomainRuleException("id", "that choice is no longer on the ballot", StatusCodes.Status409Conflict);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
