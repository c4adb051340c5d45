namespace Linli.Web.Resources;

/// <summary>The mediation and officer-vote UI strings (MediationResource.resx in zh-CN, .en.resx in English).</summary>
public sealed class MediationResource;
