using System.Globalization;
using Linli.Web.Data;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Open311.Wire;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Open311.Services;

/// <summary>GET services and GET a service definition, read from the category catalogue.</summary>
public static class ServiceCatalogue
{
    /// <summary>Every category answers at once with a case number ("realtime" in Open311's terms).</summary>
    public const string ServiceType = "realtime";

    public static async Task<Open311Result> ListAsync(string format, LinliDb db, CancellationToken cancellationToken)
    {
        var categories = await db.CaseCategories.AsNoTracking().OrderBy(c => c.Group).ThenBy(c => c.Code).ToListAsync(cancellationToken);
        var services = categories.Select(c => new Service(
            c.Code, LocalName(c.Name, c.NameEn), c.Description, c.Attributes.Count > 0, ServiceType,
            string.Join(", ", new[] { c.Name, c.NameEn }.Where(n => !string.IsNullOrWhiteSpace(n))), c.Group)).ToList();
        return new Open311Result(services, "services", Open311Formats.Parse(format));
    }

    public static async Task<Open311Result> DefinitionAsync(string serviceCode, string format, LinliDb db, CancellationToken cancellationToken)
    {
        var wire = Open311Formats.Parse(format);
        var category = await db.CaseCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Code == serviceCode, cancellationToken);
        if (category is null)
        {
            return Open311Errors.NotFound(wire, $"service_code '{serviceCode}' was not found; GET services.{format} lists them.");
        }

        var attributes = category.Attributes.OrderBy(a => a.Order).Select(a => new ServiceAttribute(
            Variable: true, a.Code, CategoryDto.ToWire(a.Datatype), a.Required, a.DatatypeDescription, a.Order, a.Description,
            a.Datatype is AttributeDatatype.SingleValueList or AttributeDatatype.MultiValueList
                ? [.. a.Values.Select(v => new ServiceAttributeValue(v.Key, v.Name))]
                : null)).ToList();
        return new Open311Result(new ServiceDefinition(category.Code, attributes), "service_definition", wire);
    }

    /// <summary>The English name for a client that asked for English (Accept-Language), the Chinese name otherwise.</summary>
    public static string LocalName(string name, string? nameEn) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && !string.IsNullOrWhiteSpace(nameEn) ? nameEn : name;
}
