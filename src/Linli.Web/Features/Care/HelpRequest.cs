using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Care;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<HelpKind>))]
public enum HelpKind
{
    Provisions,
    Medicine,
    Ride,
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<HelpStatus>))]
public enum HelpStatus
{
    Open,

    /// <summary>The chief marked it delivered; the household has not confirmed yet.</summary>
    AwaitingConfirmation,
    Confirmed,
}

/// <summary>
/// A registered household asks for provisions, medicine or a ride. It is a task for the chief who holds the unit
/// (unit chief, else building chief, else grid chief), who delivers; the household confirms the delivery.
/// </summary>
public sealed class HelpRequest
{
    public long Id { get; set; }
    public long EntryId { get; set; }
    public CareEntry? Entry { get; set; }
    public HelpKind Kind { get; set; }
    public string? Note { get; set; }
    public int NodeId { get; set; }
    public required string NodePath { get; set; }
    public Guid? AssigneeUserId { get; set; }
    public Guid RaisedBy { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public Guid? DeliveredBy { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }

    public const int MaxNote = 200;

    public HelpStatus Status => ConfirmedAt is not null ? HelpStatus.Confirmed : DeliveredAt is not null ? HelpStatus.AwaitingConfirmation : HelpStatus.Open;
}

internal sealed class HelpRequestConfiguration : IEntityTypeConfiguration<HelpRequest>
{
    public void Configure(EntityTypeBuilder<HelpRequest> b)
    {
        b.ToTable("care_help_requests");
        b.Ignore(x => x.Status);
        b.Property(x => x.NodePath).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(HelpRequest.MaxNote);
        b.HasOne(x => x.Entry).WithMany().HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.AssigneeUserId, x.ConfirmedAt });
        b.HasIndex(x => x.EntryId);
    }
}
