namespace Linli.Web.Resources;

/// <summary>The staff dashboards' UI strings (DashboardsResource.resx in zh-CN, .en.resx in English).</summary>
public sealed class DashboardsResource;
