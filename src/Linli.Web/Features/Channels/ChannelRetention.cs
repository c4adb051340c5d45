using Linli.Web.Data;
using Linli.Web.Features.Campaigns;
using Linli.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Channels;

/// <summary>
/// Deletes messages once they are no longer needed: a campaign's <see cref="Campaign.RetentionDays"/> after it ended
/// (or after its planned end passed), and grid and building messages older than <see cref="ChannelsOptions.RetentionDays"/>.
/// The chiefs' notes on that campaign's tasks go at the same time; the tasks stay, as counts of work done.
/// </summary>
public sealed class ChannelRetention(LinliDb db, JobLeases leases, TimeProvider clock, IOptions<ChannelsOptions> options)
{
    public const string LeaseName = "channel-retention";

    /// <summary>Returns how many messages were deleted (0 when another instance holds the lease).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        if (!await leases.TryAcquireAsync(LeaseName, TimeSpan.FromSeconds(options.Value.RetentionIntervalSeconds * 3), cancellationToken))
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var cutoff = now - TimeSpan.FromDays(options.Value.RetentionDays);
        var deleted = await DeleteAsync(db.ChannelMessages.Where(m => m.SentAt < cutoff && db.Channels.Any(c => c.Id == m.ChannelId && c.Kind != ChannelKind.Campaign)), cancellationToken);

        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.EndedAt != null || c.EndsAt != null)
            .Select(c => new { c.Id, c.EndedAt, c.EndsAt, c.RetentionDays }).ToListAsync(cancellationToken);
        var expired = campaigns.Where(c => (c.EndedAt ?? c.EndsAt) is { } end && end <= now && end.AddDays(c.RetentionDays) <= now).Select(c => (int?)c.Id).ToList();
        foreach (var chunk in expired.Chunk(500))
        {
            deleted += await DeleteAsync(db.ChannelMessages.Where(m => db.Channels.Any(c => c.Id == m.ChannelId && chunk.Contains(c.CampaignId))), cancellationToken);
            await db.CampaignTasks.Where(t => chunk.Contains(t.CampaignId) && t.Note != null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Note, (string?)null), cancellationToken);
        }

        return deleted;
    }

    private async Task<int> DeleteAsync(IQueryable<ChannelMessage> messages, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ChannelPhotos.Where(p => messages.Any(m => m.Id == p.MessageId)).ExecuteDeleteAsync(cancellationToken);
        var deleted = await messages.ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }
}

/// <summary>Every <c>Channels:RetentionIntervalSeconds</c>, on the injected clock and under its lease.</summary>
public sealed class ChannelRetentionLoop(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ChannelsOptions> options, ILogger<ChannelRetentionLoop> logger)
    : LeasedLoop(scopes, clock, logger)
{
    protected override string LeaseName => ChannelRetention.LeaseName;

    protected override bool Enabled => options.Value.RetentionEnabled;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.RetentionIntervalSeconds);

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<ChannelRetention>().RunOnceAsync(cancellationToken);
}
