namespace Linli.Web.Resources;

/// <summary>The volunteer pages' UI strings (VolunteerResource.resx in zh-CN, VolunteerResource.en.resx in English).</summary>
public sealed class VolunteerResource;
