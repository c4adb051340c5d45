using Linli.Web.Data;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.SafetyTips;

/// <summary>
/// The tipster's side of the conversation, reached only with the receipt (sent in a body, never in a URL, so it stays
/// out of logs and browser history): the tip, the station's questions, the outcome, and answers to open questions.
/// </summary>
public sealed class TipFollowUp(LinliDb db, TipGuard guard, TimeProvider clock, IOptions<SafetyTipsOptions> options)
{
    /// <summary>The tip the receipt opens, or null when none does (the same answer for a malformed and an unknown receipt).</summary>
    public async Task<TipFollowUpView?> ViewAsync(string? receipt, CancellationToken cancellationToken)
    {
        guard.CountFollowUp();
        var id = await FindAsync(receipt, cancellationToken);
        return id is null ? null : await ReadAsync(id.Value, cancellationToken);
    }

    /// <summary>Answers the station's open question. 404 without a tip, 409 when nothing is asked or the tip is closed, 429 past the hourly limit.</summary>
    public async Task<TipFollowUpView> AnswerAsync(AnswerRequest r, CancellationToken cancellationToken)
    {
        guard.CountFollowUp();
        var errors = new List<SubmissionError>();
        var text = TipText.Check("text", r.Text, TipLimits.Message, required: true, errors);
        var id = await FindAsync(r.Receipt, cancellationToken) ?? throw new DomainRuleException("receipt", "no tip has this receipt", StatusCodes.Status404NotFound);
        if (errors.Count > 0)
        {
            throw new SubmissionRejectedException(errors);
        }

        var tip = await db.SafetyTips.SingleAsync(t => t.Id == id, cancellationToken);
        if (tip.Outcome == TipOutcome.Closed || !tip.QuestionOpen)
        {
            throw new DomainRuleException("text", tip.Outcome == TipOutcome.Closed ? "this tip is closed" : "the station has asked nothing to answer", StatusCodes.Status409Conflict);
        }

        var now = clock.GetUtcNow();
        var hourAgo = now.AddHours(-1);
        var recent = await db.SafetyTipMessages.CountAsync(m => m.TipId == id && !m.FromStation && m.At > hourAgo, cancellationToken);
        if (recent >= options.Value.AnswersPerReceiptPerHour)
        {
            throw new DomainRuleException("receipt", "Too many answers for this tip in the last hour; wait an hour and try again.", StatusCodes.Status429TooManyRequests);
        }

        db.SafetyTipMessages.Add(new SafetyTipMessage { TipId = id, At = now, FromStation = false, Text = text! });
        tip.QuestionOpen = false;
        tip.AwaitingStation = true;
        tip.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return (await ReadAsync(id, cancellationToken))!;
    }

    private async Task<long?> FindAsync(string? receipt, CancellationToken cancellationToken)
    {
        if (TipReceipts.Normalize(receipt) is not { } canonical)
        {
            return null;
        }

        var hash = TipReceipts.Hash(canonical);
        return await db.SafetyTips.AsNoTracking().Where(t => t.ReceiptHash == hash).Select(t => (long?)t.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<TipFollowUpView?> ReadAsync(long id, CancellationToken cancellationToken)
    {
        var tip = await db.SafetyTips.AsNoTracking().Where(t => t.Id == id).Select(t => new
        {
            t.Kind, t.What, t.OccurredOn, t.TimeOfDay, t.Place!.Name, t.Place.NameEn, t.SubmittedAt, t.TriagedAt, t.Outcome, t.OutcomeNote,
            t.QuestionOpen, t.AwaitingStation, t.LinkedCaseId,
        }).SingleOrDefaultAsync(cancellationToken);
        if (tip is null)
        {
            return null;
        }

        var messages = await db.SafetyTipMessages.AsNoTracking().Where(m => m.TipId == id).OrderBy(m => m.At).ThenBy(m => m.Id)
            .Select(m => new TipMessageView(m.FromStation, m.Text, m.At)).ToListAsync(cancellationToken);
        return new TipFollowUpView(
            TipWire.Name(tip.Kind), tip.What, tip.OccurredOn, TipWire.Name(tip.TimeOfDay), tip.Name, tip.NameEn, tip.SubmittedAt,
            TipStatus.Of(tip.TriagedAt, tip.Outcome, tip.QuestionOpen, tip.AwaitingStation), TipWire.Name(tip.Outcome), tip.OutcomeNote,
            tip.QuestionOpen, tip.LinkedCaseId is not null,
            tip.LinkedCaseId is null ? tip.SubmittedAt + options.Value.Retention : null, messages);
    }
}
