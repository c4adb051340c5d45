using Linli.Web.Features.Tree;

namespace Linli.Web.Features.Departments;

public enum DepartmentKind
{
    WaterUtility,
    Power,
    Gas,
    Heating,
    Housing,
    MarketSupervision,
    PoliceStation,
    Sanitation,
    UrbanManagement,
    Other,
}

/// <summary>A department or utility that handles cases. It sits beside the tree and covers a set of its nodes.</summary>
public sealed class Department
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public DepartmentKind Kind { get; set; }

    /// <summary>Case category codes this department handles (the catalogue arrives with cases).</summary>
    public List<string> CategoryCodes { get; set; } = [];

    public List<DepartmentArea> Areas { get; set; } = [];

    /// <summary>Where overdue cases of this department are escalated (its supervisor's mailbox).</summary>
    public string? SupervisorEmail { get; set; }
}

public sealed class DepartmentArea
{
    public int DepartmentId { get; set; }
    public int NodeId { get; set; }
    public TreeNode? Node { get; set; }
}
