using System.Globalization;

namespace Linli.Web.Features.FollowUps;

/// <summary>What a follow-up says, in Chinese and English together; it names the kind of service, never the matter.</summary>
public static class FollowUpMessages
{
    public const string Subject = "[邻里 Linli] 请为这次服务打分 / How did we do?";

    public static string What(FollowUpSource source, long itemId) => source switch
    {
        FollowUpSource.Case => string.Create(CultureInfo.InvariantCulture, $"您的诉求 #{itemId} 已办结 / Your report #{itemId} was closed"),
        FollowUpSource.Visit => "社区民警最近走访了您家 / Your community police officer visited your household",
        _ => "您参与的邻里调解已结束 / The neighbour mediation you took part in has ended",
    };

    public static string Body(FollowUpSource source, long itemId, string link, int validDays) => string.Join('\n',
        What(source, itemId) + "。",
        "请点一下链接，给这次服务打 1–5 星（满意 4–5 星）：",
        "Please tap the link to rate this service from 1 to 5 stars:",
        link,
        string.Create(CultureInfo.InvariantCulture, $"链接 {validDays} 天内有效，只能评价一次。 The link works for {validDays} days, once."));
}
