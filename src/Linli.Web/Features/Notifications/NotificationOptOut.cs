using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Notifications;

/// <summary>How an opt-out was made.</summary>
public enum OptOutSource
{
    SmsReply,
    UnsubscribeLink,
}

/// <summary>
/// An address that asked for no more follow-ups or broadcasts. Only a keyed hash of the address is kept, so the list
/// of people who opted out cannot be read back as a list of contacts.
/// </summary>
public sealed class NotificationOptOut
{
    public long Id { get; set; }
    public required string AddressHash { get; set; }
    public OptOutSource Source { get; set; }
    public DateTimeOffset OptedOutAt { get; set; }
}

internal sealed class NotificationOptOutConfiguration : IEntityTypeConfiguration<NotificationOptOut>
{
    public void Configure(EntityTypeBuilder<NotificationOptOut> o)
    {
        o.ToTable("notification_opt_outs");
        o.Property(x => x.AddressHash).HasMaxLength(64);
        o.HasIndex(x => x.AddressHash).IsUnique();
    }
}
