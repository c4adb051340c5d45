using System.Text.RegularExpressions;
using Linli.Web.Data;
using Linli.Web.Features.People;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Linli.Web.Infrastructure;

namespace Linli.Web.Features.Cases;

/// <summary>Administrators of a whole city create or change a category; every field is checked before anything is saved.</summary>
public static partial class CategoryEditing
{
    private static readonly StaffRole[] GridRoles =
        [StaffRole.GridChief, StaffRole.BuildingChief, StaffRole.UnitChief, StaffRole.CommunityWorker, StaffRole.StreetStaff, StaffRole.CommunityPolice];

    private const int MaxMinutes = 365 * 24 * 60;

    public static async Task<Results<Ok<CategoryDto>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        string code, SaveCategoryRequest request, LinliDb db, ScopeAuthorizer scope, Intake.RoutingCache routing, CancellationToken cancellationToken)
    {
        if (!await scope.CanAtRootAsync(Permission.ManageCategories, cancellationToken))
        {
            return Problems.Forbidden("The category catalogue is city-wide: only administrators of a whole city may change it.");
        }

        var (error, field) = Check(code, request);
        if (error is not null)
        {
            return Problems.Invalid(field!, error);
        }

        int? departmentId = null;
        if (request.HandlerDepartmentCode is not null)
        {
            departmentId = await db.Departments.Where(d => d.Code == request.HandlerDepartmentCode).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);
            if (departmentId is null)
            {
                return Problems.Invalid("handlerDepartmentCode", $"unknown department '{request.HandlerDepartmentCode}'");
            }
        }

        var priority = Enum.Parse<CasePriority>(request.Priority!, ignoreCase: true);
        var (respond, resolve) = TimeLimits.DefaultsFor(priority);
        var category = await db.CaseCategories.FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (category is null)
        {
            category = new CaseCategory { Code = code, Name = "", Group = "" };
            db.CaseCategories.Add(category);
        }

        category.Name = request.Name!.Trim();
        category.NameEn = string.IsNullOrWhiteSpace(request.NameEn) ? null : request.NameEn.Trim();
        category.Group = request.Group!.Trim();
        category.Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        category.Priority = priority;
        category.RespondWithinMinutes = request.RespondWithinMinutes ?? (int)respond.TotalMinutes;
        category.ResolveWithinMinutes = request.ResolveWithinMinutes ?? (int)resolve.TotalMinutes;
        category.HandlerDepartmentId = departmentId;
        category.HandlerGridRole = departmentId is null ? Enum.Parse<StaffRole>(request.HandlerGridRole!, ignoreCase: true) : null;
        category.ResolutionNeedsPhoto = request.ResolutionNeedsPhoto;
        category.IsSensitive = request.Sensitive;
        category.Attributes = [.. request.Attributes!.Select(ToAttribute)];
        await db.SaveChangesAsync(cancellationToken);
        await routing.ForgetAsync(db, cancellationToken);
        return TypedResults.Ok(CategoryDto.From(category, request.HandlerDepartmentCode));
    }

    /// <summary>Returns (message, field) for the first problem, or (null, null).</summary>
    private static (string? Error, string? Field) Check(string code, SaveCategoryRequest r)
    {
        if (!CodePattern().IsMatch(code))
        {
            return ("a category code is 2–40 lower-case letters, digits or hyphens", "code");
        }

        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 100 || r.NameEn?.Length > 100)
        {
            return ("name is required; names are at most 100 characters", "name");
        }

        if (string.IsNullOrWhiteSpace(r.Group) || r.Group.Length > 60)
        {
            return ("group is required (at most 60 characters)", "group");
        }

        if (r.Description?.Length > 1000)
        {
            return ("description is at most 1,000 characters", "description");
        }

        if (!EnumNames.TryParse<CasePriority>(r.Priority, out var priority))
        {
            return ($"priority must be one of {string.Join(", ", Enum.GetNames<CasePriority>())}", "priority");
        }

        var (respond, resolve) = TimeLimits.DefaultsFor(priority);
        var respondMinutes = r.RespondWithinMinutes ?? (int)respond.TotalMinutes;
        var resolveMinutes = r.ResolveWithinMinutes ?? (int)resolve.TotalMinutes;
        if (respondMinutes is <= 0 or > MaxMinutes)
        {
            return ("respondWithinMinutes must be between 1 minute and a year", "respondWithinMinutes");
        }

        if (resolveMinutes < respondMinutes || resolveMinutes > MaxMinutes)
        {
            return ("resolveWithinMinutes must be at least the time to respond and at most a year", "resolveWithinMinutes");
        }

        var byDepartment = !string.IsNullOrWhiteSpace(r.HandlerDepartmentCode);
        var byRole = !string.IsNullOrWhiteSpace(r.HandlerGridRole);
        if (byDepartment == byRole)
        {
            return ("give exactly one handler: handlerDepartmentCode or handlerGridRole", "handlerDepartmentCode");
        }

        if (byRole && (!EnumNames.TryParse<StaffRole>(r.HandlerGridRole, out var role) || !GridRoles.Contains(role)))
        {
            return ($"handlerGridRole must be one of {string.Join(", ", GridRoles)}", "handlerGridRole");
        }

        return CheckAttributes(r.Attributes);
    }

    private static (string? Error, string? Field) CheckAttributes(List<CategoryAttributeDto>? attributes)
    {
        if (attributes is null || attributes.Count > 20)
        {
            return ("attributes is a list of at most 20 questions (an empty list for none)", "attributes");
        }

        for (var i = 0; i < attributes.Count; i++)
        {
            var a = attributes[i];
            var field = $"attributes[{i}]";
            if (a.Code is null || !AttributeCodePattern().IsMatch(a.Code) || attributes.Count(o => o.Code == a.Code) > 1)
            {
                return ("each question needs a unique code of 1–40 letters, digits, '_' or '-'", field + ".code");
            }

            if (!EnumNames.TryParse<AttributeDatatype>(a.Datatype, out var datatype))
            {
                return ("datatype must be string, number, datetime, text, singlevaluelist or multivaluelist", field + ".datatype");
            }

            if (string.IsNullOrWhiteSpace(a.Description) || a.Description.Length > 500 || a.DatatypeDescription?.Length > 500)
            {
                return ("each question needs a description (at most 500 characters)", field + ".description");
            }

            var values = a.Values ?? [];
            var isList = datatype is AttributeDatatype.SingleValueList or AttributeDatatype.MultiValueList;
            if (isList && (values.Count is 0 or > 50 || values.Any(v => string.IsNullOrWhiteSpace(v.Key) || string.IsNullOrWhiteSpace(v.Name) || v.Key.Length > 100 || v.Name.Length > 200)
                || values.Select(v => v.Key).Distinct().Count() != values.Count))
            {
                return ("a list question needs 1–50 values, each with a unique key and a name", field + ".values");
            }

            if (!isList && values.Count > 0)
            {
                return ("only list questions have values", field + ".values");
            }
        }

        return (null, null);
    }

    private static CategoryAttribute ToAttribute(CategoryAttributeDto a) => new()
    {
        Code = a.Code!,
        Datatype = Enum.Parse<AttributeDatatype>(a.Datatype!, ignoreCase: true),
        Required = a.Required,
        Order = a.Order,
        Description = a.Description!.Trim(),
        DatatypeDescription = a.DatatypeDescription,
        Values = [.. (a.Values ?? []).Select(v => new AttributeValue { Key = v.Key!, Name = v.Name! })],
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex AttributeCodePattern();
}
