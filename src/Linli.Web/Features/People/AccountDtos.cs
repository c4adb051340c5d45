namespace Linli.Web.Features.People;

public sealed record CodeRequest(string? Destination);

public sealed record SignUpRequest(string? Destination, string? Code, string? DisplayName, string? Password);

public sealed record SignInRequest(string? Login, string? Password, string? TwoFactorCode);

public sealed record TwoFactorCodeRequest(string? Code);

public sealed record TwoFactorSetup(string SharedKey, string AuthenticatorUri);

public sealed record HeldRoleDto(int Id, string Role, string? NodeCode, string? NodeName, string? DepartmentCode, int? PartnerId, bool Usable);

public sealed record HouseholdDto(string UnitCode, string UnitName, string ConsentVersion, DateTimeOffset LinkedAt);

public sealed record MeResponse(
    Guid Id,
    string DisplayName,
    string Kind,
    string? Email,
    string? Phone,
    bool TwoFactorEnabled,
    bool TwoFactorSetupRequired,
    IReadOnlyList<HeldRoleDto> Roles,
    HouseholdDto? Household);
