namespace Linli.Web.Features.Feedback;

/// <summary>A resident's post. <c>showName</c> false (the default) shows "a resident"; <c>isPublic</c> false lets only the unit see it.</summary>
public sealed record NewPostRequest(string? Kind, string? Title, string? Text, string? PlaceCode = null, bool? IsPublic = null, bool? ShowName = null);

public sealed record ReplyRequest(string? Text);

/// <summary>Adopt a post into the unit's work plan: what will be done, by when (yyyy-MM-dd).</summary>
public sealed record AdoptRequest(string? What, string? DueOn);

public sealed record ProgressRequest(string? Text, bool? Done = null);

/// <summary>spam or abuse.</summary>
public sealed record FlagRequest(string? Reason);

public sealed record HideRequest(string? Reason);

/// <summary>Public aggregates of a unit; the median is over posts that have a reply.</summary>
public sealed record FeedbackFigures(int Posts, int Replied, double RepliedShare, double? MedianHoursToFirstReply, int Adopted, int CommitmentsDone);

public sealed record UnitView(string Key, string Name, string NameEn, string Kind, FeedbackFigures Figures, bool Accepts);

public sealed record ReplyView(string Text, DateTimeOffset At);

public sealed record CommitmentBrief(long Id, string What, DateOnly DueOn, string State);

/// <summary>What the person reading may do with the post.</summary>
public sealed record PostViewer(bool SignedIn, bool IsAuthor, bool Follows, bool Flagged, bool SpeaksForUnit, bool Moderates);

/// <summary>
/// A post as its reader may see it: <see cref="Title"/> and <see cref="Text"/> are null when a moderator hid it and the
/// reader is neither its author nor a moderator; <see cref="HiddenReason"/> is then what the wall shows.
/// </summary>
public sealed record PostView(
    long Id, string UnitKey, string UnitName, string UnitNameEn, string Kind, string? Title, string? Text, string? ShownName, bool IsPublic,
    DateTimeOffset PostedAt, string? PlaceName, string? PlaceNameEn, bool Hidden, string? HiddenReason, IReadOnlyList<ReplyView> Replies,
    CommitmentBrief? Commitment, int Followers, PostViewer Viewer);

public sealed record ProgressView(string Text, DateTimeOffset At, bool MarksDone);

public sealed record CommitmentView(
    long Id, long PostId, string? PostTitle, string What, DateOnly DueOn, DateTimeOffset AdoptedAt, DateTimeOffset? DoneAt, string State,
    IReadOnlyList<ProgressView> Progress);

public sealed record PlanView(string UnitKey, string UnitName, string UnitNameEn, bool SpeaksForUnit, IReadOnlyList<CommitmentView> Commitments);

/// <summary>A post in a staff inbox: <see cref="ResponseHours"/> is the time to the first reply, or the wait so far.</summary>
public sealed record InboxItem(
    long Id, string UnitKey, string UnitName, string UnitNameEn, string Kind, string Title, bool IsPublic, DateTimeOffset PostedAt,
    DateTimeOffset? FirstReplyAt, double ResponseHours, int FlagCount, bool Hidden, bool Adopted);

public sealed record FollowView(bool Follows);
