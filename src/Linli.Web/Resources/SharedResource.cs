namespace Linli.Web.Resources;

/// <summary>
/// The key for every UI string: SharedResource.resx holds the zh-CN text (the default language), SharedResource.en.resx
/// the English. Pages ask for <c>IStringLocalizer&lt;SharedResource&gt;</c>.
/// </summary>
public sealed class SharedResource;
