namespace Linli.Web.Resources;

/// <summary>The care register pages' UI strings (CareResource.resx in zh-CN, CareResource.en.resx in English).</summary>
public sealed class CareResource;
