using Linli.Web.Data;
using Linli.Web.Features.Audit;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.People;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Care;

/// <summary>Registering a household (by itself or by a worker with oral consent), renewing it, and withdrawing (a hard delete).</summary>
public sealed class CareRegistration(LinliDb db, CareAccess access, AuditLog audit, TimeProvider clock, IOptions<CareOptions> options)
{
    public async Task<long> RegisterSelfAsync(CareEntryRequest request, CancellationToken cancellationToken)
    {
        var userId = access.RequireUser();
        var unitId = await db.HouseholdLinks.AsNoTracking().Where(h => h.UserId == userId).Select(h => (int?)h.UnitNodeId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("household", "link your household (your unit) in /me first", StatusCodes.Status409Conflict);
        var unit = await db.Nodes.AsNoTracking().Where(n => n.Id == unitId).Select(n => new Place(n.Id, n.Path)).SingleAsync(cancellationToken);
        var entry = await ValidAsync(request, unit, cancellationToken);
        var now = clock.GetUtcNow();
        var consent = new ConsentRecord { UserId = userId, Purpose = Consents.CareRegister, TextVersion = Consents.CareRegisterText.Version, GivenAt = now };
        db.Consents.Add(consent);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        entry.ResidentUserId = userId;
        entry.ConsentId = consent.Id;
        entry.RegisteredBy = userId;
        db.CareEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entry.Id;
    }

    public async Task<long> RegisterOnBehalfAsync(CareEntryRequest request, CancellationToken cancellationToken)
    {
        var workerId = access.RequireUser();
        var code = FieldRules.Text("unitCode", request.UnitCode, 60, required: true)!;
        var unit = await db.Nodes.AsNoTracking().Where(n => n.Code == code && n.Kind == NodeKind.Unit).Select(n => new Place(n.Id, n.Path)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("unitCode", $"'{code}' is not the code of a unit (单元)");
        await access.RequireManageAsync(unit.Path, cancellationToken);
        if (!request.ConsentGivenOrally)
        {
            throw new DomainRuleException("consentGivenOrally", "record that the household agreed to the care register text read to them");
        }

        var entry = await ValidAsync(request, unit, cancellationToken);
        entry.ConsentGivenOrally = true;
        entry.RegisteredBy = workerId;
        db.CareEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditAction.Create, "care register: registered on the household's behalf with oral consent", [Audited(entry)], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return entry.Id;
    }

    /// <summary>The resident's own entry, renewed for another term; false when it is not theirs.</summary>
    public async Task<bool> RenewOwnAsync(long id, CancellationToken cancellationToken)
    {
        var userId = access.RequireUser();
        var entry = await db.CareEntries.FirstOrDefaultAsync(e => e.Id == id && e.ResidentUserId == userId, cancellationToken);
        if (entry is null)
        {
            return false;
        }

        Renew(entry);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> RenewAsync(long id, CancellationToken cancellationToken)
    {
        var entry = await db.CareEntries.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null)
        {
            return false;
        }

        await access.RequireManageAsync(entry.NodePath, cancellationToken);
        Renew(entry);
        await audit.RecordAsync(AuditAction.Update, "care register: renewed at the household's request", [Audited(entry)], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The resident withdraws their consent: the entry and its help requests are deleted at once.</summary>
    public async Task<bool> WithdrawOwnAsync(long id, CancellationToken cancellationToken)
    {
        var userId = access.RequireUser();
        var entry = await db.CareEntries.FirstOrDefaultAsync(e => e.Id == id && e.ResidentUserId == userId, cancellationToken);
        if (entry is null)
        {
            return false;
        }

        await DeleteAsync(entry, cancellationToken);
        return true;
    }

    /// <summary>A worker records the household's withdrawal (told in person or by phone): deleted at once.</summary>
    public async Task<bool> WithdrawAsync(long id, CancellationToken cancellationToken)
    {
        var entry = await db.CareEntries.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null)
        {
            return false;
        }

        await access.RequireManageAsync(entry.NodePath, cancellationToken);
        await audit.RecordAsync(AuditAction.Delete, "care register: the household withdrew its consent", [Audited(entry)], cancellationToken);
        await DeleteAsync(entry, cancellationToken);
        return true;
    }

    public static AuditedRecord Audited(CareEntry entry) =>
        new("CareEntry", entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.ResidentUserId, entry.NodePath);

    private async Task DeleteAsync(CareEntry entry, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (entry.ConsentId is { } consentId)
        {
            await db.Consents.Where(c => c.Id == consentId && c.WithdrawnAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.WithdrawnAt, now), cancellationToken);
        }

        await db.HelpRequests.Where(h => h.EntryId == entry.Id).ExecuteDeleteAsync(cancellationToken);
        db.CareEntries.Remove(entry);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private void Renew(CareEntry entry)
    {
        if (entry.CampaignId is not null)
        {
            throw new DomainRuleException("id", "this entry ends with its campaign; register again for the time after it", StatusCodes.Status409Conflict);
        }

        var now = clock.GetUtcNow();
        entry.ExpiresAt = now.AddMonths(options.Value.EntryMonths);
        entry.RenewedAt = now;
        entry.ReminderSentAt = null;
    }

    private async Task<CareEntry> ValidAsync(CareEntryRequest request, Place unit, CancellationToken cancellationToken)
    {
        var errors = new List<SubmissionError>();
        if (!EnumNames.TryParse<CareNeed>(request.Need, out var need))
        {
            errors.Add(new("need", "need is elderlyLivingAlone, disabled, quarantined or other"));
        }

        var name = PlainText.Check("contactName", request.ContactName, CareEntry.MaxName, required: true, errors);
        string? contact = null;
        if (string.IsNullOrWhiteSpace(request.Contact))
        {
            errors.Add(new("contact", "is required: one phone number or email address"));
        }
        else if (!ContactAddress.TryNormalise(request.Contact, out var normalised, out _))
        {
            errors.Add(new("contact", "is not a phone number or email address"));
        }
        else
        {
            contact = normalised;
        }

        var note = PlainText.Check("note", request.Note, CareEntry.MaxNote, required: false, errors);
        if (request.ConsentVersion != Consents.CareRegisterText.Version)
        {
            errors.Add(new("consentVersion", $"agree to the current consent text, version {Consents.CareRegisterText.Version}"));
        }

        var now = clock.GetUtcNow();
        if (request.CampaignId is { } campaignId)
        {
            var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).SingleOrDefaultAsync(cancellationToken);
            if (campaign is null || !campaign.IsActive(now) || !unit.Path.StartsWith(campaign.NodePath, StringComparison.Ordinal))
            {
                errors.Add(new("campaignId", "is not an active campaign covering this unit"));
            }
        }

        if (errors.Count > 0)
        {
            throw new SubmissionRejectedException(errors);
        }

        return new CareEntry
        {
            NodeId = unit.Id, NodePath = unit.Path, Need = need, ContactName = name!, Contact = contact!, Note = note,
            ConsentVersion = Consents.CareRegisterText.Version, ConsentGivenAt = now, CampaignId = request.CampaignId,
            ExpiresAt = request.CampaignId is null ? now.AddMonths(options.Value.EntryMonths) : null, CreatedAt = now,
        };
    }

    private sealed record Place(int Id, string Path);
}
