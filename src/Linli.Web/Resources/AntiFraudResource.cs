namespace Linli.Web.Resources;

/// <summary>The anti-fraud alliance's UI strings (AntiFraudResource.resx in zh-CN, AntiFraudResource.en.resx in English).</summary>
public sealed class AntiFraudResource;
