using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Channels;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ChannelKind>))]
public enum ChannelKind
{
    Grid,
    Building,
    Campaign,
}

/// <summary>
/// A group channel of one grid, one building or one campaign. It holds no member list: who may use it is computed from
/// the role assignments each time (<see cref="ChannelMembership"/>), so a chief who leaves their post leaves the channel.
/// </summary>
public sealed class Channel
{
    public long Id { get; set; }
    public ChannelKind Kind { get; set; }

    /// <summary>"grid:123", "building:456" or "campaign:7": unique, so two first uses at once create one channel.</summary>
    public required string Key { get; set; }

    /// <summary>The grid or building, or the node the campaign covers.</summary>
    public int NodeId { get; set; }
    public required string NodePath { get; set; }
    public int? CampaignId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public static string KeyOf(ChannelKind kind, int nodeId, int? campaignId) =>
        kind == ChannelKind.Campaign ? $"campaign:{campaignId}" : $"{kind.ToString().ToLowerInvariant()}:{nodeId}";
}

/// <summary>One message: text, a photo, a location, or several of them. Pinned messages are standing instructions.</summary>
public sealed class ChannelMessage
{
    public long Id { get; set; }
    public long ChannelId { get; set; }
    public Guid SenderId { get; set; }
    public string? Text { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public bool HasPhoto { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public DateTimeOffset? PinnedAt { get; set; }
    public Guid? PinnedBy { get; set; }

    public const int MaxText = 1000;
}

/// <summary>A message's photo, re-encoded on upload so no location or camera metadata survives; kept apart so lists stay light.</summary>
public sealed class ChannelPhoto
{
    public long MessageId { get; set; }
    public required byte[] Content { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
}

/// <summary>How far a member has read a channel: everything up to and including <see cref="LastReadMessageId"/>.</summary>
public sealed class ChannelReadMark
{
    public long ChannelId { get; set; }
    public Guid UserId { get; set; }
    public long LastReadMessageId { get; set; }
    public DateTimeOffset ReadAt { get; set; }
}

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> b)
    {
        b.ToTable("channels");
        b.Property(x => x.Key).HasMaxLength(40);
        b.Property(x => x.NodePath).HasMaxLength(200);
        b.HasIndex(x => x.Key).IsUnique();
        b.HasIndex(x => x.NodePath);
        b.HasOne<Tree.TreeNode>().WithMany().HasForeignKey(x => x.NodeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Campaigns.Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChannelMessageConfiguration : IEntityTypeConfiguration<ChannelMessage>
{
    public void Configure(EntityTypeBuilder<ChannelMessage> b)
    {
        b.ToTable("channel_messages");
        b.Property(x => x.Text).HasMaxLength(ChannelMessage.MaxText);
        b.HasOne<Channel>().WithMany().HasForeignKey(x => x.ChannelId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ChannelId, x.Id });
        b.HasIndex(x => new { x.ChannelId, x.SentAt });
    }
}

internal sealed class ChannelPhotoConfiguration : IEntityTypeConfiguration<ChannelPhoto>
{
    public void Configure(EntityTypeBuilder<ChannelPhoto> b)
    {
        b.ToTable("channel_photos");
        b.HasKey(x => x.MessageId);
        b.HasOne<ChannelMessage>().WithOne().HasForeignKey<ChannelPhoto>(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChannelReadMarkConfiguration : IEntityTypeConfiguration<ChannelReadMark>
{
    public void Configure(EntityTypeBuilder<ChannelReadMark> b)
    {
        b.ToTable("channel_read_marks");
        b.HasKey(x => new { x.ChannelId, x.UserId });
        b.HasOne<Channel>().WithMany().HasForeignKey(x => x.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
