using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Care;

/// <summary>Why a household needs help in an emergency. Never shown on a map or in a public count.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<CareNeed>))]
public enum CareNeed
{
    ElderlyLivingAlone,
    Disabled,
    Quarantined,
    Other,
}

/// <summary>
/// A household of one unit that asked (or agreed) to be helped during emergencies: a name to ask for and one contact.
/// It exists only while its consent stands and until it expires (with its campaign, or <see cref="ExpiresAt"/>).
/// </summary>
public sealed class CareEntry
{
    public long Id { get; set; }
    public int NodeId { get; set; }
    public Tree.TreeNode? Node { get; set; }
    public required string NodePath { get; set; }
    public CareNeed Need { get; set; }
    public required string ContactName { get; set; }

    /// <summary>A normalised phone number or email address (one contact, nothing more).</summary>
    public required string Contact { get; set; }
    public string? Note { get; set; }

    /// <summary>The resident's account when they registered themselves; null when a worker registered them.</summary>
    public Guid? ResidentUserId { get; set; }

    /// <summary>The consent record of a self-registration (the resident's own, withdrawable in <c>/me</c>).</summary>
    public int? ConsentId { get; set; }

    /// <summary>The consent text version agreed to (in writing by a resident, or orally to a worker).</summary>
    public required string ConsentVersion { get; set; }
    public DateTimeOffset ConsentGivenAt { get; set; }

    /// <summary>True when the household gave its consent orally to the worker in <see cref="RegisteredBy"/>.</summary>
    public bool ConsentGivenOrally { get; set; }
    public Guid RegisteredBy { get; set; }
    public int? CampaignId { get; set; }

    /// <summary>When the entry is deleted, for entries not tied to a campaign.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? ReminderSentAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RenewedAt { get; set; }

    public const int MaxName = 40;
    public const int MaxNote = 200;
}

internal sealed class CareEntryConfiguration : IEntityTypeConfiguration<CareEntry>
{
    public void Configure(EntityTypeBuilder<CareEntry> b)
    {
        b.ToTable("care_entries");
        b.Property(x => x.NodePath).HasMaxLength(200);
        b.Property(x => x.ContactName).HasMaxLength(CareEntry.MaxName);
        b.Property(x => x.Contact).HasMaxLength(254);
        b.Property(x => x.Note).HasMaxLength(CareEntry.MaxNote);
        b.Property(x => x.ConsentVersion).HasMaxLength(40);
        b.HasOne(x => x.Node).WithMany().HasForeignKey(x => x.NodeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<People.LinliUser>().WithMany().HasForeignKey(x => x.ResidentUserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<People.ConsentRecord>().WithMany().HasForeignKey(x => x.ConsentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Campaigns.Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.NodePath);
        b.HasIndex(x => x.NodeId);
        b.HasIndex(x => x.ResidentUserId);
        b.HasIndex(x => x.ExpiresAt);
        b.HasIndex(x => x.CampaignId);
    }
}
