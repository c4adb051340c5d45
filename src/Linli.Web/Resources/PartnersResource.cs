namespace Linli.Web.Resources;

/// <summary>The community partners' and negotiations' UI strings (PartnersResource.resx in zh-CN, .en.resx in English).</summary>
public sealed class PartnersResource;
