using System.Text.Json.Serialization;

namespace Linli.Web.Features.Open311.Services;

/// <summary>A service type: one category of the catalogue.</summary>
public sealed record Service(string ServiceCode, string ServiceName, string? Description, bool Metadata, string Type, string? Keywords, string? Group);

public sealed record ServiceDefinition(string ServiceCode, IReadOnlyList<ServiceAttribute> Attributes);

/// <summary>One of the category's questions. <see cref="Values"/> is only written for list questions.</summary>
public sealed record ServiceAttribute(
    bool Variable,
    string Code,
    string Datatype,
    bool Required,
    string? DatatypeDescription,
    int Order,
    string Description,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ServiceAttributeValue>? Values);

public sealed record ServiceAttributeValue(string Key, string Name);
