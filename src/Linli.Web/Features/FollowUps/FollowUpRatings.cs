using Linli.Web.Data;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Cases.Lifecycle;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.FollowUps;

/// <summary>What a rating link shows before anything is recorded: reading it (a link previewer, a GET) changes nothing.</summary>
public sealed record FollowUpView(string Source, string What, bool AsksSolved, DateTimeOffset ExpiresAt, bool Expired, bool Answered, int? Stars);

public sealed record RateFollowUpRequest(int? Stars, string? Comment, bool? Solved);

/// <summary>
/// Reads and answers rating links. A token rates once, until it expires. A case's rating also becomes the case's own
/// rating (through <see cref="CaseWorkflow.RateAsync"/>) unless the reporter rated it already, so the dashboard's
/// satisfaction rate counts it.
/// </summary>
public sealed class FollowUpRatings(LinliDb db, CaseWorkflow cases, TimeProvider clock)
{
    public const int CommentMax = 500;

    public async Task<FollowUpView> ViewAsync(string? token, CancellationToken cancellationToken)
    {
        var f = await FindAsync(token, cancellationToken);
        return new FollowUpView(
            f.Source.ToString().ToLowerInvariant(), FollowUpMessages.What(f.Source, f.ItemId), await AsksSolvedAsync(f, cancellationToken),
            f.ExpiresAt, clock.GetUtcNow() >= f.ExpiresAt, f.AnsweredAt is not null, f.Stars);
    }

    public async Task RateAsync(string? token, RateFollowUpRequest request, CancellationToken cancellationToken)
    {
        var f = await FindAsync(token, cancellationToken);
        var now = clock.GetUtcNow();
        if (now >= f.ExpiresAt)
        {
            throw new DomainRuleException("token", "This rating link has expired.", StatusCodes.Status410Gone);
        }

        if (f.AnsweredAt is not null)
        {
            throw new DomainRuleException("token", "This rating link has already been used.", StatusCodes.Status409Conflict);
        }

        if (request.Stars is not (>= 1 and <= 5))
        {
            throw new DomainRuleException("stars", "Give 1 to 5 stars.");
        }

        var comment = FieldRules.Text("comment", request.Comment, CommentMax, required: false);
        var asksSolved = await AsksSolvedAsync(f, cancellationToken);
        if (asksSolved && request.Solved is null)
        {
            throw new DomainRuleException("solved", "Say whether the problem was solved.");
        }

        var stars = request.Stars.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Conditional on "not yet answered", so of two taps at once only one counts.
        var taken = await db.FollowUps.Where(x => x.Id == f.Id && x.AnsweredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Stars, stars).SetProperty(x => x.Comment, comment).SetProperty(x => x.AnsweredAt, now), cancellationToken);
        if (taken == 0)
        {
            throw new DomainRuleException("token", "This rating link has already been used.", StatusCodes.Status409Conflict);
        }

        if (asksSolved && await cases.LoadAsync(f.ItemId, cancellationToken) is { } @case)
        {
            await cases.RateAsync(@case, stars, request.Solved!.Value, comment, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A case's follow-up asks "was it solved?" too, while the case itself is unrated: its answer fills the case's rating.</summary>
    private async Task<bool> AsksSolvedAsync(FollowUp f, CancellationToken cancellationToken) =>
        f.Source == FollowUpSource.Case && f.AnsweredAt is null
        && await db.Cases.AsNoTracking().AnyAsync(c => c.Id == f.ItemId && c.State == CaseState.Closed && c.RatedAt == null, cancellationToken);

    private async Task<FollowUp> FindAsync(string? token, CancellationToken cancellationToken)
    {
        var hash = FollowUpTokens.LooksValid(token) ? FollowUpTokens.Hash(token!) : null;
        return (hash is null ? null : await db.FollowUps.AsNoTracking().SingleOrDefaultAsync(f => f.TokenHash == hash, cancellationToken))
            ?? throw new DomainRuleException("token", "No rating link has this token.", StatusCodes.Status404NotFound);
    }
}
