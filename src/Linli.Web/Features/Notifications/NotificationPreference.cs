using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Notifications;

/// <summary>How a person wants a kind of message: not at all, on their first reachable channel, or on one channel.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<DeliveryChoice>))]
public enum DeliveryChoice
{
    Off,
    Preferred,
    Email,
    Sms,
    InApp,
}

/// <summary>
/// One person's notification settings. Without a row the defaults hold: the confirmed contact (email, then SMS, then
/// the in-app inbox), updates and follow-ups on it, no broadcasts, quiet 20:00–08:00 China time.
/// Service and urgent messages always go somewhere, whatever is chosen here.
/// </summary>
public sealed class NotificationPreference
{
    public static readonly NotificationChannel[] DefaultOrder = [NotificationChannel.Email, NotificationChannel.Sms, NotificationChannel.InApp];

    public Guid UserId { get; set; }

    /// <summary>The personal channels in the order tried, comma-separated (Email, Sms, InApp).</summary>
    public string ChannelOrder { get; set; } = "Email,Sms,InApp";

    public DeliveryChoice Updates { get; set; } = DeliveryChoice.Preferred;
    public DeliveryChoice FollowUps { get; set; } = DeliveryChoice.Preferred;

    /// <summary>Off unless the person opts in: broadcasts reach only residents who asked for them.</summary>
    public DeliveryChoice Broadcasts { get; set; } = DeliveryChoice.Off;

    public int QuietStartsAtHour { get; set; } = 20;
    public int QuietEndsAtHour { get; set; } = 8;
    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<NotificationChannel> Order => ParseOrder(ChannelOrder);

    public QuietHours Quiet => new(QuietStartsAtHour, QuietEndsAtHour);

    public DeliveryChoice For(NoticePurpose purpose) => purpose switch
    {
        NoticePurpose.Update => Updates,
        NoticePurpose.FollowUp => FollowUps,
        NoticePurpose.Broadcast => Broadcasts,

        // Service and urgent messages always go somewhere.
        _ => DeliveryChoice.Preferred,
    };

    public static IReadOnlyList<NotificationChannel> ParseOrder(string? order)
    {
        var parsed = (order ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => Enum.TryParse<NotificationChannel>(p, ignoreCase: true, out var c) ? c : (NotificationChannel?)null)
            .Where(c => c is NotificationChannel.Email or NotificationChannel.Sms or NotificationChannel.InApp)
            .Select(c => c!.Value).Distinct().ToList();
        return parsed.Count == DefaultOrder.Length ? parsed : DefaultOrder;
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> p)
    {
        p.ToTable("notification_preferences");
        p.HasKey(x => x.UserId);
        p.HasOne<People.LinliUser>().WithOne().HasForeignKey<NotificationPreference>(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        p.Property(x => x.ChannelOrder).HasMaxLength(40);
        p.Ignore(x => x.Order);
        p.Ignore(x => x.Quiet);
        p.HasIndex(x => x.Broadcasts);
    }
}
