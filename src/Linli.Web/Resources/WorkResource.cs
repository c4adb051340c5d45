namespace Linli.Web.Resources;

/// <summary>
/// The workbench's UI strings (WorkResource.resx in zh-CN, WorkResource.en.resx in English), kept apart from
/// <see cref="SharedResource"/> so the workbench can grow without touching every page's file.
/// </summary>
public sealed class WorkResource;
