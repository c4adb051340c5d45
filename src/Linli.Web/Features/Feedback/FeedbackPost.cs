namespace Linli.Web.Features.Feedback;

public enum FeedbackKind
{
    Advice,
    Complaint,
}

/// <summary>
/// Advice (建议) or a complaint (投诉) a resident addressed to a unit. The resident's words are never changed: there is
/// no way to edit <see cref="Title"/> or <see cref="Text"/>; the unit replies, adopts, and a moderator may only hide.
/// </summary>
public sealed class FeedbackPost
{
    public long Id { get; set; }

    /// <summary>The office at a street or community node the post is addressed to; null when it is a department.</summary>
    public int? UnitNodeId { get; set; }

    public int? UnitDepartmentId { get; set; }

    /// <summary>The unit's area as a tree path: who speaks for or moderates the unit is decided against it.</summary>
    public required string UnitPath { get; set; }

    public FeedbackKind Kind { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }

    /// <summary>Where the matter is, when the resident said so.</summary>
    public int? PlaceNodeId { get; set; }

    public Guid AuthorUserId { get; set; }

    /// <summary>The name the author chose to show; null shows "a resident". Never a contact.</summary>
    public string? ShownName { get; set; }

    /// <summary>False: only the author and the unit see it.</summary>
    public bool IsPublic { get; set; } = true;

    public DateTimeOffset PostedAt { get; set; }
    public DateTimeOffset? FirstReplyAt { get; set; }

    public DateTimeOffset? HiddenAt { get; set; }

    /// <summary>Published on the wall in place of the text; the text itself stays as written.</summary>
    public string? HiddenReason { get; set; }

    public Guid? HiddenBy { get; set; }
    public int FlagCount { get; set; }

    public List<FeedbackReply> Replies { get; set; } = [];
    public List<FeedbackFollower> Followers { get; set; } = [];
}

/// <summary>An official reply. It is shown under the unit's name; the staff member is kept for accountability only.</summary>
public sealed class FeedbackReply
{
    public long Id { get; set; }
    public long PostId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid StaffUserId { get; set; }
}

public sealed class FeedbackFollower
{
    public long PostId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset Since { get; set; }
}

public enum FeedbackFlagReason
{
    Spam,
    Abuse,
}

/// <summary>One signed-in person's flag on a post; a person flags a post once.</summary>
public sealed class FeedbackFlag
{
    public long PostId { get; set; }
    public Guid UserId { get; set; }
    public FeedbackFlagReason Reason { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>What a unit committed to do when it adopted a post into its work plan (纳入工作计划), tracked until done.</summary>
public sealed class FeedbackCommitment
{
    public long Id { get; set; }
    public long PostId { get; set; }
    public int? UnitNodeId { get; set; }
    public int? UnitDepartmentId { get; set; }
    public required string UnitPath { get; set; }
    public required string What { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTimeOffset AdoptedAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public List<FeedbackProgress> Progress { get; set; } = [];
}

public sealed class FeedbackProgress
{
    public long Id { get; set; }
    public long CommitmentId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset At { get; set; }
    public bool MarksDone { get; set; }
    public Guid StaffUserId { get; set; }
}
