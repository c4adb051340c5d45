namespace Linli.Web.Resources;

/// <summary>
/// The strings of the residents' case pages (/report, /cases, /cases/{receipt}): ResidentResource.resx holds zh-CN,
/// ResidentResource.en.resx English. Kept apart from <see cref="SharedResource"/> so each feature's strings merge cleanly.
/// </summary>
public sealed class ResidentResource;
