namespace Linli.Web.Resources;

/// <summary>Community policing's UI strings (PolicingResource.resx in zh-CN, PolicingResource.en.resx in English).</summary>
public sealed class PolicingResource;
