namespace Linli.Web.Features.Cases;

public enum PhotoStage
{
    Report,
    Resolution,
}

/// <summary>A photo re-encoded on upload, so no location or camera metadata survives.</summary>
public sealed class CasePhoto
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public PhotoStage Stage { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>Someone told of the case's progress: the reporter, or a resident who followed instead of filing a duplicate.</summary>
public sealed class CaseFollower
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public Guid? UserId { get; set; }
    public string? Email { get; set; }

    /// <summary>The reporter's messages carry the receipt; other followers never see it.</summary>
    public bool IsReporter { get; set; }

    public DateTimeOffset Since { get; set; }
}
