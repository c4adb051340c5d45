namespace Linli.Web.Resources;

/// <summary>The follow-up rating and satisfaction UI strings (FollowUpsResource.resx in zh-CN, .en.resx in English).</summary>
public sealed class FollowUpsResource;
