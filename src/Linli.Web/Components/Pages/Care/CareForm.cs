namespace Linli.Web.Components.Pages.Care;

/// <summary>The fields of a registration form, read from the posted form so a refused one is shown again as typed.</summary>
public sealed class CareForm
{
    public string? UnitCode { get; set; }
    public string? Need { get; set; }
    public string? ContactName { get; set; }
    public string? Contact { get; set; }
    public string? Note { get; set; }
    public bool Agree { get; set; }

    public static CareForm Read(HttpContext http) =>
        !http.Request.HasFormContentType ? new() : new()
        {
            UnitCode = http.Request.Form["unitCode"], Need = http.Request.Form["need"], ContactName = http.Request.Form["contactName"],
            Contact = http.Request.Form["contact"], Note = http.Request.Form["note"], Agree = http.Request.Form["agree"] == "true",
        };
}
