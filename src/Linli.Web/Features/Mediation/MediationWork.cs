using Linli.Web.Data;
using Linli.Web.Features.Audit;
using Linli.Web.Features.People;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Mediation;

/// <summary>
/// The mediation flow: open it (or record a potential conflict) with its household parties, name mediators, record
/// sessions, then the outcome and agreement; a reconciliation is checked again after <see cref="MediationOptions.FollowUpDays"/>.
/// </summary>
public sealed class MediationWork(LinliDb db, MediationAccess access, AuditLog audit, TimeProvider clock, IOptions<MediationOptions> options)
{
    private const int MaxParties = 10;

    public async Task<int> OpenAsync(OpenMediationRequest r, CancellationToken cancellationToken)
    {
        var node = string.IsNullOrWhiteSpace(r.NodeCode)
            ? null
            : await db.Nodes.AsNoTracking().Where(n => n.Code == r.NodeCode.Trim()).Select(n => new { n.Id, n.Path, n.Kind }).SingleOrDefaultAsync(cancellationToken);
        if (node is null)
        {
            throw new DomainRuleException("nodeCode", "nodeCode (the community, or a grid, building or unit in it) is required and must exist");
        }

        await access.RequireStaffAsync(node.Path, "nodeCode", cancellationToken);
        if (node.Kind < NodeKind.Community)
        {
            throw new DomainRuleException("nodeCode", "a mediation is held at a community or a place inside it");
        }

        var type = r.Type is null ? MediationType.Dispute : ParseEnum<MediationType>("type", r.Type);
        var kind = ParseEnum<DisputeKind>("kind", r.Kind);
        var summary = FieldRules.Text("summary", r.Summary, 1000, required: true)!;
        var community = node.Kind == NodeKind.Community ? node.Path : await CommunityPathAsync(node.Path, cancellationToken);
        var parties = new List<MediationParty>();
        foreach (var (p, i) in (r.Parties ?? []).Select((p, i) => (p, i)))
        {
            parties.Add(await PartyAsync(p, $"parties[{i}]", community, cancellationToken));
        }

        if (parties.Count is 0 or > MaxParties)
        {
            throw new DomainRuleException("parties", $"give from 1 to {MaxParties} household parties");
        }

        var now = clock.GetUtcNow();
        var mediation = new MediationCase
        {
            Type = type, Kind = kind, NodeId = node.Id, NodePath = node.Path, Summary = summary, OpenedAt = now, OpenedByUserId = access.UserId, Parties = parties,
        };
        if (access.UserId is { } opener)
        {
            mediation.Mediators.Add(new MediationMediator { UserId = opener, Capacity = await CapacityAsync(opener, node.Path, cancellationToken), NamedAt = now });
        }

        db.Mediations.Add(mediation);
        await db.SaveChangesAsync(cancellationToken);
        if (parties.Any(p => p.ContactName is not null || p.ContactPhone is not null))
        {
            await audit.RecordAsync(AuditAction.Create, "mediation: parties' contacts", Records(mediation), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return mediation.Id;
    }

    /// <summary>Staff name a mediator by login; a person with no staff role over the place mediates as a volunteer, for this mediation only.</summary>
    public async Task AddMediatorAsync(int id, MediatorRequest r, CancellationToken cancellationToken)
    {
        var mediation = await LoadAsync(id, cancellationToken);
        await access.RequireStaffAsync(mediation.NodePath, "id", cancellationToken);
        EnsureOpen(mediation, "login");
        var login = FieldRules.Text("login", r.Login, 256, required: true)!;
        var userId = await db.Users.AsNoTracking().Where(u => u.UserName == login).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("login", "no account has this login: the volunteer mediator signs up first");
        if (mediation.Mediators.Any(m => m.UserId == userId))
        {
            throw new DomainRuleException("login", "already a mediator of this mediation", StatusCodes.Status409Conflict);
        }

        mediation.Mediators.Add(new MediationMediator { UserId = userId, Capacity = await CapacityAsync(userId, mediation.NodePath, cancellationToken), NamedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task AddSessionAsync(int id, SessionRequest r, CancellationToken cancellationToken)
    {
        var mediation = await LoadAsync(id, cancellationToken);
        await access.RequireReaderAsync(mediation, cancellationToken);
        EnsureOpen(mediation, "heldAt");
        var now = clock.GetUtcNow();
        if (r.HeldAt is not { } heldAt || heldAt > now.AddDays(1))
        {
            throw new DomainRuleException("heldAt", "heldAt (when the session took place) is required and cannot be in the future");
        }

        var attended = (r.AttendedPartyIds ?? []).Distinct().ToList();
        if (attended.FirstOrDefault(p => !mediation.Parties.Any(x => x.Id == p)) is var stranger and not 0)
        {
            throw new DomainRuleException("attendedPartyIds", $"party {stranger} is not a party to this mediation");
        }

        mediation.Sessions.Add(new MediationSession
        {
            HeldAt = heldAt.ToUniversalTime(), Place = FieldRules.Text("place", r.Place, 200, required: false), Notes = FieldRules.Text("notes", r.Notes, 10_000, required: true)!,
            AttendedPartyIds = attended, RecordedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Ends the mediation: reconciled (with the agreement, if one was written), referred or failed. Recorded once.</summary>
    public async Task RecordOutcomeAsync(int id, OutcomeRequest r, CancellationToken cancellationToken)
    {
        var mediation = await LoadAsync(id, cancellationToken);
        await access.RequireReaderAsync(mediation, cancellationToken);
        EnsureOpen(mediation, "outcome");
        var outcome = ParseEnum<MediationOutcome>("outcome", r.Outcome);
        var agreement = FieldRules.Text("agreementText", r.AgreementText, 10_000, required: false);
        if (agreement is not null && outcome != MediationOutcome.Reconciled)
        {
            throw new DomainRuleException("agreementText", "an agreement is recorded only with a reconciliation");
        }

        var now = clock.GetUtcNow();
        mediation.Outcome = outcome;
        mediation.OutcomeAt = now;
        mediation.AgreementText = agreement;
        mediation.FollowUpDueAt = outcome == MediationOutcome.Reconciled ? now.AddDays(options.Value.FollowUpDays) : null;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The follow-up of a reconciliation, once it is due: the agreement held, or the conflict came back.</summary>
    public async Task RecordFollowUpAsync(int id, FollowUpRequest r, CancellationToken cancellationToken)
    {
        var mediation = await LoadAsync(id, cancellationToken);
        await access.RequireReaderAsync(mediation, cancellationToken);
        if (mediation.FollowUpDueAt is not { } due || mediation.FollowUp is not null)
        {
            throw new DomainRuleException("result", "only a reconciliation not yet followed up has a follow-up", StatusCodes.Status409Conflict);
        }

        if (clock.GetUtcNow() < due)
        {
            throw new DomainRuleException("result", $"the follow-up is due from {due:yyyy-MM-dd}", StatusCodes.Status409Conflict);
        }

        mediation.FollowUp = ParseEnum<FollowUpResult>("result", r.Result);
        mediation.FollowUpNote = FieldRules.Text("note", r.Note, 2000, required: false);
        mediation.FollowUpAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    internal async Task<MediationCase> LoadAsync(int id, CancellationToken cancellationToken) =>
        await db.Mediations.Include(m => m.Parties).Include(m => m.Mediators).Include(m => m.Sessions).AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == id, cancellationToken)
        ?? throw new DomainRuleException("id", $"no mediation {id}", StatusCodes.Status404NotFound);

    internal static List<AuditedRecord> Records(MediationCase mediation) =>
        [.. mediation.Parties.Where(p => p.ContactName is not null || p.ContactPhone is not null)
            .Select(p => new AuditedRecord("MediationParty", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, mediation.NodePath))];

    /// <summary>Accepts the API's names ("water-leak", "potential-conflict") as well as the enum's own.</summary>
    internal static T ParseEnum<T>(string field, string? value)
        where T : struct, Enum =>
        EnumNames.TryParse<T>(value?.Replace("-", "", StringComparison.Ordinal), out var result)
            ? result
            : throw new DomainRuleException(field, $"{field} must be one of {string.Join(", ", Enum.GetNames<T>().Select(Wire))}");

    internal static string Wire<T>(T value)
        where T : struct, Enum => Wire(value.ToString());

    private static string Wire(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static void EnsureOpen(MediationCase mediation, string field)
    {
        if (!mediation.IsOpen)
        {
            throw new DomainRuleException(field, "the outcome is recorded: the mediation is concluded", StatusCodes.Status409Conflict);
        }
    }

    private async Task<string> CommunityPathAsync(string path, CancellationToken cancellationToken) =>
        await db.Nodes.AsNoTracking().Where(n => n.Kind == NodeKind.Community && path.StartsWith(n.Path)).Select(n => n.Path).FirstOrDefaultAsync(cancellationToken) ?? path;

    private async Task<MediationParty> PartyAsync(PartyRequest p, string field, string communityPath, CancellationToken cancellationToken)
    {
        var unitCode = FieldRules.Text($"{field}.unitCode", p.UnitCode, 40, required: true)!;
        var unit = await db.Nodes.AsNoTracking().Where(n => n.Code == unitCode && n.Kind == NodeKind.Unit).Select(n => new { n.Id, n.Path }).SingleOrDefaultAsync(cancellationToken);
        if (unit is null || !unit.Path.StartsWith(communityPath, StringComparison.Ordinal))
        {
            throw new DomainRuleException($"{field}.unitCode", "give the code of a unit (the household's stairwell) in the mediation's community");
        }

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(p.ContactPhone))
        {
            if (!ContactAddress.TryNormalise(p.ContactPhone, out var normalised, out var isEmail) || isEmail)
            {
                throw new DomainRuleException($"{field}.contactPhone", "contactPhone must be a phone number (a Chinese mobile or +country code)");
            }

            phone = normalised;
        }

        return new MediationParty { UnitNodeId = unit.Id, ContactName = FieldRules.Text($"{field}.contactName", p.ContactName, 100, required: false), ContactPhone = phone };
    }

    /// <summary>The capacity follows the roles held over the place: the community officer, community staff, or else a volunteer.</summary>
    private async Task<MediatorCapacity> CapacityAsync(Guid userId, string nodePath, CancellationToken cancellationToken)
    {
        var roles = await db.RoleAssignments.AsNoTracking().Where(a => a.UserId == userId && a.Node != null && nodePath.StartsWith(a.Node.Path))
            .Select(a => a.Role).ToListAsync(cancellationToken);
        return roles.Contains(StaffRole.CommunityPolice) ? MediatorCapacity.Officer
            : roles.Any(r => r is StaffRole.CommunityWorker or StaffRole.StreetStaff or StaffRole.Administrator) ? MediatorCapacity.CommunityWorker
            : MediatorCapacity.Volunteer;
    }
}
