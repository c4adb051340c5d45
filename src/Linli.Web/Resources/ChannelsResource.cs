namespace Linli.Web.Resources;

/// <summary>The group channels' UI strings (ChannelsResource.resx in zh-CN, .en.resx in English).</summary>
public sealed class ChannelsResource;
