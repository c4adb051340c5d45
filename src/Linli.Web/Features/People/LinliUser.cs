using Microsoft.AspNetCore.Identity;

namespace Linli.Web.Features.People;

public enum AccountKind
{
    Resident,
    Staff,
}

/// <summary>
/// A person who signs in. Minimal by design: a display name and one confirmed contact (phone or email, held in
/// Identity's own columns); nothing else is required.
/// </summary>
public sealed class LinliUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }
    public AccountKind Kind { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
