using System.Globalization;
using Linli.Web.Data;
using Linli.Web.Features.Audit;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Cases;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Linli.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.SafetyTips;

public enum TipInboxView
{
    Open,
    Closed,
    All,
}

/// <summary>
/// The station's side: officers holding <see cref="Permission.TriageSafetyTips"/> over a tip's place read it (audited),
/// ask the tipster questions, record an outcome and link it to a case. Everyone else gets 403, whatever their rank.
/// </summary>
public sealed class TipTriage(LinliDb db, ScopeAuthorizer scope, CurrentUser currentUser, AuditLog audit, CaseIntake intake, TimeProvider clock, IOptions<SafetyTipsOptions> options)
{
    public const string RecordType = "SafetyTip";

    /// <summary>The node paths where the signed-in person triages tips; empty for everyone but community officers.</summary>
    public async Task<IReadOnlyList<string>> RootsAsync(CancellationToken cancellationToken) =>
        [.. (await scope.RolesGrantingAsync(Permission.TriageSafetyTips, cancellationToken)).Where(r => r.NodePath is not null).Select(r => r.NodePath!).Distinct()];

    /// <summary>Tips under the officer's areas: those owing a step first, then new, then by age. 403 without the permission.</summary>
    public async Task<IReadOnlyList<TipInboxItem>> InboxAsync(TipInboxView view, int take, CancellationToken cancellationToken)
    {
        var roots = ScopePaths.Outermost(await RootsAsync(cancellationToken));
        if (roots.Count == 0)
        {
            throw new DomainRuleException("tips", "only community police officers triage safety tips", StatusCodes.Status403Forbidden);
        }

        var now = clock.GetUtcNow();
        var items = new List<TipInboxItem>();
        foreach (var root in roots)
        {
            var query = db.SafetyTips.AsNoTracking().Where(t => t.PlacePath.StartsWith(root));
            query = view switch
            {
                TipInboxView.Open => query.Where(t => t.Outcome == null || t.Outcome != TipOutcome.Closed),
                TipInboxView.Closed => query.Where(t => t.Outcome == TipOutcome.Closed),
                _ => query,
            };
            var rows = await query.OrderByDescending(t => t.SubmittedAt).Take(take).Select(t => new
            {
                t.Id, t.Kind, t.SubmittedAt, t.Place!.Name, t.Place.NameEn, t.StationDepartmentId, t.TriagedAt, t.Outcome, t.QuestionOpen, t.AwaitingStation, t.LinkedCaseId,
            }).ToListAsync(cancellationToken);
            var stations = await StationNamesAsync(rows.Select(r => r.StationDepartmentId), cancellationToken);
            items.AddRange(rows.Select(t =>
            {
                var deletesAt = DeletesAt(t.SubmittedAt, t.LinkedCaseId);
                var station = t.StationDepartmentId is { } s ? stations.GetValueOrDefault(s) : null;
                return new TipInboxItem(t.Id, TipWire.Name(t.Kind), t.SubmittedAt, t.Name, t.NameEn, station?.Name, station?.NameEn,
                    TipStatus.Of(t.TriagedAt, t.Outcome, t.QuestionOpen, t.AwaitingStation), TipWire.Name(t.Outcome), t.QuestionOpen, t.AwaitingStation,
                    t.LinkedCaseId, deletesAt, ExpiringSoon(deletesAt, now));
            }));
        }

        return [.. items
            .OrderByDescending(i => i.AwaitingStation)
            .ThenByDescending(i => i.Status == TipStatus.New)
            .ThenByDescending(i => i.ExpiringSoon)
            .ThenByDescending(i => i.SubmittedAt)
            .Take(take)];
    }

    /// <summary>One tip for an officer over its place, the read audited; null when there is none; 403 outside their areas.</summary>
    public async Task<TipDetail?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var tip = await db.SafetyTips.AsNoTracking().Where(t => t.Id == id).Select(t => new
        {
            t.Id, t.Kind, t.What, t.OccurredOn, t.TimeOfDay, PlaceCode = t.Place!.Code, t.Place.Name, t.Place.NameEn, t.PlacePath,
            Community = db.Nodes.Where(n => n.Id == t.CommunityNodeId).Select(n => new { n.Name, n.NameEn }).First(),
            t.Latitude, t.Longitude, t.WhereNote, t.StationDepartmentId, t.SubmittedAt, t.TriagedAt, t.Outcome, t.OutcomeNote, t.OutcomeAt,
            t.QuestionOpen, t.AwaitingStation, t.LinkedCaseId,
        }).SingleOrDefaultAsync(cancellationToken);
        if (tip is null)
        {
            return null;
        }

        await RequireScopeAsync(tip.PlacePath, cancellationToken);
        await audit.RecordReadsAsync("safety tip: triage", [new AuditedRecord(RecordType, Id(tip.Id), null, tip.PlacePath)], cancellationToken);
        var messages = await db.SafetyTipMessages.AsNoTracking().Where(m => m.TipId == id).OrderBy(m => m.At).ThenBy(m => m.Id)
            .Select(m => new TipMessageView(m.FromStation, m.Text, m.At)).ToListAsync(cancellationToken);
        var station = (await StationNamesAsync([tip.StationDepartmentId], cancellationToken)).Values.FirstOrDefault();
        var deletesAt = DeletesAt(tip.SubmittedAt, tip.LinkedCaseId);
        return new TipDetail(tip.Id, TipWire.Name(tip.Kind), tip.What, tip.OccurredOn, TipWire.Name(tip.TimeOfDay), tip.PlaceCode, tip.Name, tip.NameEn,
            tip.Community.Name, tip.Community.NameEn, tip.Latitude, tip.Longitude, tip.WhereNote, station?.Name, station?.NameEn,
            tip.SubmittedAt, tip.TriagedAt, TipStatus.Of(tip.TriagedAt, tip.Outcome, tip.QuestionOpen, tip.AwaitingStation), TipWire.Name(tip.Outcome),
            tip.OutcomeNote, tip.OutcomeAt, tip.QuestionOpen, tip.AwaitingStation, tip.LinkedCaseId, deletesAt, ExpiringSoon(deletesAt, clock.GetUtcNow()), messages);
    }

    public async Task AskAsync(long id, AskRequest r, CancellationToken cancellationToken)
    {
        var errors = new List<SubmissionError>();
        var text = TipText.Check("text", r.Text, TipLimits.Message, required: true, errors);
        var tip = await LoadForActionAsync(id, cancellationToken);
        if (errors.Count > 0)
        {
            throw new SubmissionRejectedException(errors);
        }

        var now = clock.GetUtcNow();
        tip.Messages.Add(new SafetyTipMessage { At = now, FromStation = true, Text = text!, OfficerUserId = currentUser.Id });
        tip.QuestionOpen = true;
        tip.AwaitingStation = false;
        tip.TriagedAt ??= now;
        tip.Version++;
        await audit.RecordAsync(AuditAction.Update, "safety tip: question", [new AuditedRecord(RecordType, Id(id), null, tip.PlacePath)], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RecordOutcomeAsync(long id, OutcomeRequest r, CancellationToken cancellationToken)
    {
        var errors = new List<SubmissionError>();
        if (!EnumNames.TryParse<TipOutcome>(r.Outcome, out var outcome))
        {
            errors.Add(new("outcome", "outcome must be verified, notVerified, passedOn or closed"));
        }

        var note = TipText.Check("note", r.Note, TipLimits.Note, required: false, errors);
        var tip = await LoadForActionAsync(id, cancellationToken);
        if (errors.Count > 0)
        {
            throw new SubmissionRejectedException(errors);
        }

        var now = clock.GetUtcNow();
        tip.Outcome = outcome;
        tip.OutcomeNote = note;
        tip.OutcomeAt = now;
        tip.TriagedAt ??= now;
        tip.AwaitingStation = false;
        if (outcome == TipOutcome.Closed)
        {
            tip.QuestionOpen = false;
        }

        tip.Version++;
        await audit.RecordAsync(AuditAction.Update, "safety tip: outcome", [new AuditedRecord(RecordType, Id(id), null, tip.PlacePath)], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Links the tip to a case in the officer's area: an existing case by number, or a new one filed through intake.</summary>
    public async Task<long> LinkCaseAsync(long id, LinkCaseRequest r, CancellationToken cancellationToken)
    {
        var tip = await LoadForActionAsync(id, cancellationToken, allowClosed: true);
        if (tip.LinkedCaseId is not null)
        {
            throw new DomainRuleException("caseNumber", $"the tip is already linked to case #{tip.LinkedCaseId}", StatusCodes.Status409Conflict);
        }

        long caseId;
        if (r.CaseNumber is { } number)
        {
            if (r.Category is not null || r.Description is not null || r.BuildingCode is not null)
            {
                throw new SubmissionRejectedException([new("caseNumber", "give an existing case number or the details of a new case, not both")]);
            }

            var gridPath = await db.Cases.AsNoTracking().Where(c => c.Id == number).Select(c => c.GridPath).FirstOrDefaultAsync(cancellationToken);
            var roots = await RootsAsync(cancellationToken);
            if (gridPath is null || !roots.Any(root => gridPath.StartsWith(root, StringComparison.Ordinal)))
            {
                throw new SubmissionRejectedException([new("caseNumber", $"no case #{number} in your area")]);
            }

            caseId = number;
        }
        else
        {
            caseId = await FileCaseAsync(tip, r, cancellationToken);
        }

        // The case may have been filed in its own transaction; read the tip afresh to link it.
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        var linked = await db.SafetyTips.Where(t => t.Id == id && t.LinkedCaseId == null).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.LinkedCaseId, caseId)
            .SetProperty(t => t.TriagedAt, t => t.TriagedAt ?? now)
            .SetProperty(t => t.Version, t => t.Version + 1), cancellationToken);
        if (linked == 0)
        {
            throw new DomainRuleException("caseNumber", "the tip was linked to another case meanwhile", StatusCodes.Status409Conflict);
        }

        await audit.RecordAsync(AuditAction.Update, "safety tip: linked to case " + caseId.ToString(CultureInfo.InvariantCulture),
            [new AuditedRecord(RecordType, Id(id), null, tip.PlacePath)], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return caseId;
    }

    private async Task<long> FileCaseAsync(SafetyTip tip, LinkCaseRequest r, CancellationToken cancellationToken)
    {
        var building = string.IsNullOrWhiteSpace(r.BuildingCode) ? null : r.BuildingCode.Trim();
        if (building is null && tip.Latitude is null)
        {
            building = await db.Nodes.AsNoTracking().Where(n => n.Id == tip.PlaceNodeId && n.Kind == Tree.NodeKind.Building).Select(n => n.Code).FirstOrDefaultAsync(cancellationToken)
                ?? await db.Nodes.AsNoTracking().Where(n => n.Kind == Tree.NodeKind.Unit && n.Id == tip.PlaceNodeId).Select(n => n.Parent!.Code).FirstOrDefaultAsync(cancellationToken);
            if (building is null)
            {
                throw new SubmissionRejectedException([new("buildingCode", "the tip names no building or point: give the building code for the case")]);
            }
        }

        var result = await intake.SubmitAsync(new CaseSubmission
        {
            Category = r.Category, Description = r.Description, BuildingCode = building,
            Latitude = building is null ? tip.Latitude : null, Longitude = building is null ? tip.Longitude : null, Source = CaseSource.Staff,
        }, cancellationToken);
        return result.Case.Id;
    }

    private async Task<SafetyTip> LoadForActionAsync(long id, CancellationToken cancellationToken, bool allowClosed = false)
    {
        var tip = await db.SafetyTips.FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new DomainRuleException("id", $"no tip #{id}", StatusCodes.Status404NotFound);
        await RequireScopeAsync(tip.PlacePath, cancellationToken);
        if (!allowClosed && tip.Outcome == TipOutcome.Closed)
        {
            throw new DomainRuleException("outcome", "the tip is closed", StatusCodes.Status409Conflict);
        }

        return tip;
    }

    private async Task RequireScopeAsync(string placePath, CancellationToken cancellationToken)
    {
        if (!await scope.CanAsync(Permission.TriageSafetyTips, placePath, cancellationToken))
        {
            throw new DomainRuleException("id", "only the community police officers of the tip's area triage it", StatusCodes.Status403Forbidden);
        }
    }

    private DateTimeOffset? DeletesAt(DateTimeOffset submittedAt, long? linkedCaseId) =>
        linkedCaseId is null ? submittedAt + options.Value.Retention : null;

    private bool ExpiringSoon(DateTimeOffset? deletesAt, DateTimeOffset now) => deletesAt is { } at && at - now <= options.Value.Warning;

    private async Task<Dictionary<int, StationName>> StationNamesAsync(IEnumerable<int?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<int>().Distinct().ToList();
        return wanted.Count == 0
            ? []
            : await db.Departments.AsNoTracking().Where(d => wanted.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => new StationName(d.Name, d.NameEn), cancellationToken);
    }

    private sealed record StationName(string Name, string? NameEn);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
