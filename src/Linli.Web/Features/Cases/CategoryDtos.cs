namespace Linli.Web.Features.Cases;

public sealed record AttributeValueDto(string? Key, string? Name);

public sealed record CategoryAttributeDto(
    string? Code, string? Datatype, bool Required, int Order, string? Description, string? DatatypeDescription, IReadOnlyList<AttributeValueDto>? Values);

public sealed record CategoryDto(
    string Code,
    string Name,
    string? NameEn,
    string Group,
    string? Description,
    string Priority,
    int RespondWithinMinutes,
    int ResolveWithinMinutes,
    string? HandlerDepartmentCode,
    string? HandlerGridRole,
    bool ResolutionNeedsPhoto,
    bool Sensitive,
    IReadOnlyList<CategoryAttributeDto> Attributes)
{
    public static CategoryDto From(CaseCategory c, string? departmentCode) => new(
        c.Code, c.Name, c.NameEn, c.Group, c.Description, c.Priority.ToString(), c.RespondWithinMinutes, c.ResolveWithinMinutes,
        departmentCode, c.HandlerGridRole?.ToString(), c.ResolutionNeedsPhoto, c.IsSensitive,
        [.. c.Attributes.OrderBy(a => a.Order).Select(a => new CategoryAttributeDto(a.Code, ToWire(a.Datatype), a.Required, a.Order, a.Description,
            a.DatatypeDescription, [.. a.Values.Select(v => new AttributeValueDto(v.Key, v.Name))]))]);

    /// <summary>Open311 spells data types in lower case ("singlevaluelist").</summary>
    public static string ToWire(AttributeDatatype datatype) => datatype.ToString().ToLowerInvariant();
}

/// <summary>A category as an administrator saves it; omitted time limits take the priority's defaults.</summary>
public sealed record SaveCategoryRequest(
    string? Name,
    string? NameEn,
    string? Group,
    string? Description,
    string? Priority,
    int? RespondWithinMinutes,
    int? ResolveWithinMinutes,
    string? HandlerDepartmentCode,
    string? HandlerGridRole,
    bool ResolutionNeedsPhoto,
    bool Sensitive,
    List<CategoryAttributeDto>? Attributes);
