using Linli.Web.Data;
using Linli.Web.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Cases;

/// <summary>
/// The catalogue a new deployment starts with. Administrators edit it afterwards; it is written only into an empty table.
/// </summary>
public static class CategoryDefaults
{
    private sealed record Default(
        string Code, string Name, string NameEn, string Group, CasePriority Priority, string? DepartmentCode, StaffRole? GridRole,
        bool NeedsPhoto = false, bool Sensitive = false, CategoryAttribute[]? Attributes = null);

    private static CategoryAttribute Choice(string code, string description, bool required, int order, params (string Key, string Name)[] values) => new()
    {
        Code = code,
        Datatype = AttributeDatatype.SingleValueList,
        Required = required,
        Order = order,
        Description = description,
        Values = [.. values.Select(v => new AttributeValue { Key = v.Key, Name = v.Name })],
    };

    private static readonly Default[] Catalogue =
    [
        new("sewer-blockage", "下水道堵塞", "Sewer blockage", "water", CasePriority.Utility, "water-utility", StaffRole.GridChief, NeedsPhoto: true,
            Attributes: [Choice("overflowing", "是否外溢 / Is sewage overflowing?", true, 1, ("yes", "是 Yes"), ("no", "否 No"))]),
        new("water-leak", "漏水", "Water leakage", "water", CasePriority.Utility, "water-utility", StaffRole.GridChief, NeedsPhoto: true,
            Attributes: [Choice("where", "漏水位置 / Where is the leak?", true, 1, ("street", "道路 Street"), ("building", "楼内公共区域 Common area"), ("home", "户内 Inside a home"))]),
        new("parking", "违规停车", "Parking", "traffic", CasePriority.General, null, StaffRole.GridChief),
        new("streetlight", "路灯故障", "Streetlight out", "public-facilities", CasePriority.General, null, StaffRole.GridChief, NeedsPhoto: true),
        new("noise", "噪声扰民", "Noise", "environment", CasePriority.General, null, StaffRole.GridChief,
            Attributes: [new CategoryAttribute { Code = "time", Datatype = AttributeDatatype.Datetime, Required = false, Order = 1, Description = "通常何时发生 / When does it usually happen?" }]),
        new("waste", "垃圾堆放", "Waste", "environment", CasePriority.General, "sanitation", StaffRole.GridChief, NeedsPhoto: true),
        new("building-hazard", "房屋安全隐患", "Building safety hazard", "safety", CasePriority.Emergency, "housing", StaffRole.GridChief, NeedsPhoto: true),
        new("fire-hazard", "消防隐患", "Fire hazard", "safety", CasePriority.Emergency, null, StaffRole.CommunityPolice, NeedsPhoto: true),
        new("neighbour-dispute", "邻里纠纷", "Neighbour dispute", "community", CasePriority.Complex, null, StaffRole.CommunityWorker),
        new("fraud-attempt", "诈骗风险", "Fraud attempt", "safety", CasePriority.Emergency, null, StaffRole.CommunityPolice, Sensitive: true),
        new("public-safety", "治安隐患", "Public safety concern", "safety", CasePriority.General, null, StaffRole.CommunityPolice, Sensitive: true),
        new("elderly-care", "老人照护需求", "Elderly care request", "care", CasePriority.General, null, StaffRole.CommunityWorker, Sensitive: true),
        new("other", "其他", "Other", "other", CasePriority.General, null, StaffRole.GridChief,
            Attributes: [new CategoryAttribute { Code = "details", Datatype = AttributeDatatype.Text, Required = false, Order = 1, Description = "补充说明 / Anything else we should know?" }]),
    ];

    /// <summary>Writes the default catalogue when there is none; departments named by code are linked if they exist.</summary>
    public static async Task SeedIfEmptyAsync(LinliDb db, CancellationToken cancellationToken)
    {
        if (await db.CaseCategories.AnyAsync(cancellationToken))
        {
            return;
        }

        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id, cancellationToken);
        foreach (var d in Catalogue)
        {
            var (respond, resolve) = TimeLimits.DefaultsFor(d.Priority);
            var department = d.DepartmentCode is not null && departments.TryGetValue(d.DepartmentCode, out var id) ? id : (int?)null;
            db.CaseCategories.Add(new CaseCategory
            {
                Code = d.Code,
                Name = d.Name,
                NameEn = d.NameEn,
                Group = d.Group,
                Priority = d.Priority,
                RespondWithinMinutes = (int)respond.TotalMinutes,
                ResolveWithinMinutes = (int)resolve.TotalMinutes,
                HandlerDepartmentId = department,
                HandlerGridRole = department is null ? d.GridRole : null,
                ResolutionNeedsPhoto = d.NeedsPhoto,
                IsSensitive = d.Sensitive,
                Attributes = [.. d.Attributes ?? []],
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
