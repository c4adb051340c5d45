namespace Linli.Web.Features.Feedback;

/// <summary>The "Feedback" section: how many posts one account may make a day.</summary>
public sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    /// <summary>Posts per account in any 24 hours: room to speak, a brake on flooding a wall.</summary>
    public int PostsPerAccountPerDay { get; set; } = 5;
}

public static class FeedbackLimits
{
    public const int Title = 80;
    public const int Text = 2000;
    public const int ShownName = 40;
    public const int Reply = 2000;
    public const int Reason = 200;
    public const int What = 500;
    public const int Progress = 1000;

    /// <summary>A commitment is due within this many days of its adoption.</summary>
    public const int MaxDueDays = 730;
}
