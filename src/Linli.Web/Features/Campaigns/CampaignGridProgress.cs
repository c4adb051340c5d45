using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Campaigns;

/// <summary>
/// A campaign's running count of tasks per grid, written by the launch and kept in step in the same transaction as each
/// task done or reopened, so a city-wide roll-up sums a few thousand rows instead of counting every task.
/// </summary>
public sealed class CampaignGridProgress
{
    public int CampaignId { get; set; }
    public int GridId { get; set; }

    /// <summary>The grid's path, so an area's figures are the rows whose path starts with the area's.</summary>
    public required string GridPath { get; set; }
    public int Total { get; set; }
    public int Done { get; set; }
}

internal sealed class CampaignGridProgressConfiguration : IEntityTypeConfiguration<CampaignGridProgress>
{
    public void Configure(EntityTypeBuilder<CampaignGridProgress> b)
    {
        b.ToTable("campaign_grid_progress");
        b.HasKey(x => new { x.CampaignId, x.GridId });
        b.Property(x => x.GridPath).HasMaxLength(200);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CampaignId, x.GridPath });
    }
}
