namespace Linli.Web.Features.People;

public sealed record CreateStaffRequest(string? Login, string? DisplayName, string? Email, string? Phone, string? Password, GrantRoleRequest? Role);

public sealed record GrantRoleRequest(string? Role, string? NodeCode, string? DepartmentCode, int? PartnerId);

public sealed record StaffCreated(Guid Id, string Login, HeldRoleDto Role);
