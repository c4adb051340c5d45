using Linli.Web.Data;
using Linli.Web.Features.Campaigns;
using Linli.Web.Features.Notifications;
using Linli.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Care;

/// <summary>
/// Deletes the entries whose campaign ended or whose term passed, with their help requests (nothing is kept about
/// them), and tells households a week ahead that their entry is about to expire so they can renew it.
/// </summary>
public sealed class CareExpiry(LinliDb db, Notifier notifier, JobLeases leases, TimeProvider clock, IOptions<CareOptions> options)
{
    public const string LeaseName = "care-expiry";

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default) =>
        await leases.TryAcquireAsync(LeaseName, TimeSpan.FromSeconds(options.Value.ExpiryIntervalSeconds * 3), cancellationToken) ? await ExpireAsync(cancellationToken) : 0;

    /// <summary>Deletes what expired and sends the reminders that are due; returns how many entries were deleted.</summary>
    public async Task<int> ExpireAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var expired = db.CareEntries.Where(e => (e.ExpiresAt != null && e.ExpiresAt <= now)
            || (e.CampaignId != null && db.Campaigns.Any(c => c.Id == e.CampaignId && (c.Status == CampaignStatus.Ended || (c.EndsAt != null && c.EndsAt <= now)))));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.HelpRequests.Where(h => expired.Any(e => e.Id == h.EntryId)).ExecuteDeleteAsync(cancellationToken);
        var deleted = await expired.ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await RemindAsync(now, cancellationToken);
        return deleted;
    }

    private async Task RemindAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var soon = now.AddDays(options.Value.ReminderDays);
        var due = await db.CareEntries.Where(e => e.ReminderSentAt == null && e.ExpiresAt != null && e.ExpiresAt <= soon).OrderBy(e => e.Id).Take(500).ToListAsync(cancellationToken);
        foreach (var entry in due)
        {
            // Says nothing of why the household is registered: a shared phone or mailbox may show it to others.
            var date = Infrastructure.Time.ChinaCalendar.DayOf(entry.ExpiresAt!.Value).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var notice = new Notice(NoticePurpose.Update, "应急关爱登记即将到期 Your care register entry expires soon",
                $"您的应急关爱登记将于 {date} 到期并删除。如仍需要，请在“我的关爱登记”中续期，或联系社区工作者。\nYour emergency care register entry expires and is deleted on {date}. To keep it, renew it in My care register or ask your community worker.",
                "/me/care");
            if (entry.ResidentUserId is { } resident)
            {
                await notifier.ToUsersAsync([resident], notice, cancellationToken);
            }
            else
            {
                notifier.ToAddress(entry.Contact, notice);
            }

            entry.ReminderSentAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Every <c>Care:ExpiryIntervalSeconds</c>, on the injected clock and under its lease, runs <see cref="CareExpiry"/>.</summary>
public sealed class CareExpiryLoop(IServiceScopeFactory scopes, TimeProvider clock, IOptions<CareOptions> options, ILogger<CareExpiryLoop> logger)
    : LeasedLoop(scopes, clock, logger)
{
    protected override string LeaseName => CareExpiry.LeaseName;

    protected override bool Enabled => options.Value.ExpiryEnabled;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.ExpiryIntervalSeconds);

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<CareExpiry>().RunOnceAsync(cancellationToken);
}
