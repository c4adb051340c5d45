using Linli.Web.Data;
using Linli.Web.Features.People;
using Linli.Web.Infrastructure.Auth;

namespace Linli.Web.Features.Channels;

/// <summary>A channel as the membership rule needs it.</summary>
public sealed record ChannelRef(long Id, ChannelKind Kind, int NodeId, string NodePath, int? CampaignId);

/// <summary>
/// The one rule for who is in a channel, computed from the role assignments, never copied. A role granting
/// <see cref="Permission.UseChannels"/> held at the channel's node or above it (staff, the grid chief) makes its holder a
/// member; so does a chief role held inside the node (the building and unit chiefs of a grid). A campaign channel takes
/// every UseChannels role inside or above the campaign's node. Police hold no UseChannels, so they are never members.
/// </summary>
public static class ChannelMembership
{

    public static readonly StaffRole[] Users = [.. RolePermissions.RolesGranting(Permission.UseChannels)];

    public static bool MayUse(HeldRole role, ChannelKind kind, string path) =>
        Users.Contains(role.Role) && role.NodePath is { } held &&
        (path.StartsWith(held, StringComparison.Ordinal) ||
         ((kind == ChannelKind.Campaign || RoleAssignment.Chiefs.Contains(role.Role)) && held.StartsWith(path, StringComparison.Ordinal)));

    public static bool MayUse(IEnumerable<HeldRole> roles, ChannelRef channel) => roles.Any(r => MayUse(r, channel.Kind, channel.NodePath));

    public static bool MayPin(IEnumerable<HeldRole> roles, ChannelRef channel) =>
        roles.Any(r => RolePermissions.Allows(r.Role, Permission.PinChannelMessages) && MayUse(r, channel.Kind, channel.NodePath));

    /// <summary>The distinct people who may use the channel now, as a query.</summary>
    public static IQueryable<Guid> MemberIds(LinliDb db, ChannelKind kind, string path)
    {
        var above = PathsAbove(path);
        var inside = kind == ChannelKind.Campaign ? Users : RoleAssignment.Chiefs;
        return db.RoleAssignments
            .Where(a => a.Node != null && Users.Contains(a.Role) && (above.Contains(a.Node.Path) || (inside.Contains(a.Role) && a.Node.Path.StartsWith(path))))
            .Select(a => a.UserId).Distinct();
    }

    /// <summary>"/1/2/3/" → "/1/", "/1/2/", "/1/2/3/".</summary>
    public static List<string> PathsAbove(string path)
    {
        var paths = new List<string>();
        for (var i = path.IndexOf('/', 1); i >= 0; i = path.IndexOf('/', i + 1))
        {
            paths.Add(path[..(i + 1)]);
        }

        return paths;
    }
}
