using Linli.Web.Features.Departments;
using Linli.Web.Features.People;

namespace Linli.Web.Features.Cases;

/// <summary>How urgent a category is; each priority has Beijing's default time limits (<see cref="TimeLimits"/>).</summary>
public enum CasePriority
{
    Emergency,
    Utility,
    General,
    Complex,
}

/// <summary>Open311 attribute data types; the names are Open311's own.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Open311's data type names.")]
public enum AttributeDatatype
{
    String,
    Number,
    Datetime,
    Text,
    SingleValueList,
    MultiValueList,
}

/// <summary>
/// A kind of problem residents report, with the extra questions it asks (typed like Open311 attributes), who handles it
/// (a department, or a role in the grid where it happens), its priority and its time limits.
/// </summary>
public sealed class CaseCategory
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public required string Group { get; set; }
    public string? Description { get; set; }
    public CasePriority Priority { get; set; }
    public int RespondWithinMinutes { get; set; }
    public int ResolveWithinMinutes { get; set; }
    public int? HandlerDepartmentId { get; set; }
    public Department? HandlerDepartment { get; set; }

    /// <summary>Used when no department handles the category: the role held at the case's grid (or above) that takes it.</summary>
    public StaffRole? HandlerGridRole { get; set; }

    /// <summary>Singapore's OneService rule: some cases close only with a photo of the fix.</summary>
    public bool ResolutionNeedsPhoto { get; set; }

    /// <summary>Sensitive categories (fraud victims, safety) are never mapped to a household in public views.</summary>
    public bool IsSensitive { get; set; }

    public List<CategoryAttribute> Attributes { get; set; } = [];
}

public sealed class CategoryAttribute
{
    public required string Code { get; set; }
    public AttributeDatatype Datatype { get; set; }
    public bool Required { get; set; }
    public int Order { get; set; }
    public required string Description { get; set; }
    public string? DatatypeDescription { get; set; }
    public List<AttributeValue> Values { get; set; } = [];
}

public sealed class AttributeValue
{
    public required string Key { get; set; }
    public required string Name { get; set; }
}

/// <summary>Beijing's 12345 limits (DB11/T 2021—2022, as reported): respond 1 h / 2 h / 24 h, resolve 2 h / 24 h / 7 d / 15 d.</summary>
public static class TimeLimits
{
    public static (TimeSpan Respond, TimeSpan Resolve) DefaultsFor(CasePriority priority) => priority switch
    {
        CasePriority.Emergency => (TimeSpan.FromHours(1), TimeSpan.FromHours(2)),
        CasePriority.Utility => (TimeSpan.FromHours(2), TimeSpan.FromHours(24)),
        CasePriority.General => (TimeSpan.FromHours(24), TimeSpan.FromDays(7)),
        _ => (TimeSpan.FromHours(24), TimeSpan.FromDays(15)),
    };
}
