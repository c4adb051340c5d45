namespace Linli.Web.Resources;

/// <summary>The notifications' UI strings (NotificationsResource.resx in zh-CN, NotificationsResource.en.resx in English).</summary>
public sealed class NotificationsResource;
