namespace Linli.Web.Resources;

/// <summary>The surveys, priority votes and indices UI strings (SurveysResource.resx in zh-CN, .en.resx in English).</summary>
public sealed class SurveysResource;
