using Linli.Web.Data;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Partners;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Negotiations;

/// <summary>
/// The negotiation flow: open it with its parties, record meetings and proposals, each party's position, the signed
/// agreement, and the follow-up tasks, which are cases filed through the one intake and linked back here.
/// </summary>
public sealed class NegotiationWork(LinliDb db, ScopeAuthorizer scope, CurrentUser currentUser, CaseIntake intake, TimeProvider clock)
{
    private const int MaxParties = 20;

    public async Task<int> OpenAsync(OpenNegotiationRequest r, CancellationToken cancellationToken)
    {
        var title = PartnerRules.Required("title", r.Title, 200);
        var description = PartnerRules.Text("description", r.Description, 4000, required: false);
        var node = string.IsNullOrWhiteSpace(r.NodeCode)
            ? null
            : await db.Nodes.AsNoTracking().Where(n => n.Code == r.NodeCode.Trim()).Select(n => new { n.Id, n.Path }).SingleOrDefaultAsync(cancellationToken);
        if (node is null)
        {
            throw new DomainRuleException("nodeCode", "nodeCode (where the issue is, usually a community) is required and must exist");
        }

        await EnsureScopeAsync(node.Path, "nodeCode", cancellationToken);
        var parties = new List<NegotiationParty>();
        foreach (var (p, i) in (r.Parties ?? []).Select((p, i) => (p, i)))
        {
            parties.Add(await PartyAsync(p, $"parties[{i}]", cancellationToken));
        }

        if (parties.Count < 2)
        {
            throw new DomainRuleException("parties", "a negotiation has at least two parties");
        }

        if (parties.Count > MaxParties)
        {
            throw new DomainRuleException("parties", $"at most {MaxParties} parties");
        }

        var negotiation = new Negotiation
        {
            NodeId = node.Id, NodePath = node.Path, Title = title, Description = description, CreatedAt = clock.GetUtcNow(), CreatedByUserId = currentUser.Id,
            Parties = parties,
        };
        db.Negotiations.Add(negotiation);
        await db.SaveChangesAsync(cancellationToken);
        return negotiation.Id;
    }

    public async Task AddPartyAsync(int id, PartyRequest r, CancellationToken cancellationToken)
    {
        var negotiation = await LoadAsync(id, cancellationToken);
        EnsureOpen(negotiation, "parties");
        var party = await PartyAsync(r, "party", cancellationToken);
        party.NegotiationId = id;
        db.NegotiationParties.Add(party);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task AddMeetingAsync(int id, MeetingRequest r, CancellationToken cancellationToken)
    {
        var negotiation = await LoadAsync(id, cancellationToken);
        var now = clock.GetUtcNow();
        if (r.HeldAt is not { } heldAt || heldAt > now.AddDays(1))
        {
            throw new DomainRuleException("heldAt", "heldAt (when the meeting took place) is required and cannot be in the future");
        }

        negotiation.Meetings.Add(new NegotiationMeeting
        {
            HeldAt = heldAt.ToUniversalTime(), Place = PartnerRules.Text("place", r.Place, 200, required: false), Minutes = PartnerRules.Required("minutes", r.Minutes, 20_000), RecordedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<int> AddProposalAsync(int id, ProposalRequest r, CancellationToken cancellationToken)
    {
        var negotiation = await LoadAsync(id, cancellationToken);
        EnsureOpen(negotiation, "title");
        if (r.ProposedByPartyId is { } by && !negotiation.Parties.Any(p => p.Id == by))
        {
            throw new DomainRuleException("proposedByPartyId", $"party {by} is not a party to this negotiation");
        }

        var proposal = new NegotiationProposal
        {
            Title = PartnerRules.Required("title", r.Title, 200), Text = PartnerRules.Required("text", r.Text, 20_000), ProposedByPartyId = r.ProposedByPartyId,
            CreatedAt = clock.GetUtcNow(),
        };
        negotiation.Proposals.Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
        return proposal.Id;
    }

    /// <summary>Records (or replaces) a party's position on a proposal.</summary>
    public async Task SetPositionAsync(int id, int proposalId, int partyId, PositionRequest r, CancellationToken cancellationToken)
    {
        var negotiation = await LoadAsync(id, cancellationToken);
        EnsureOpen(negotiation, "position");
        var proposal = await db.NegotiationProposals.Include(p => p.Positions).SingleOrDefaultAsync(p => p.Id == proposalId && p.NegotiationId == id, cancellationToken)
            ?? throw PartnerRules.NotFound("proposalId", $"proposal {proposalId} of this negotiation");
        if (!negotiation.Parties.Any(p => p.Id == partyId))
        {
            throw PartnerRules.NotFound("partyId", $"party {partyId} of this negotiation");
        }

        var kind = PartnerRules.Enum<PositionKind>("position", r.Position);
        var note = PartnerRules.Text("note", r.Note, 2000, required: false);
        var position = proposal.Positions.SingleOrDefault(p => p.PartyId == partyId);
        if (position is null)
        {
            position = new PartyPosition { PartyId = partyId };
            proposal.Positions.Add(position);
        }

        position.Position = kind;
        position.Note = note;
        position.RecordedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The signed agreement: its text, date and the parties that signed (at least two). Recorded once.</summary>
    public async Task RecordAgreementAsync(int id, AgreementRequest r, CancellationToken cancellationToken)
    {
        var negotiation = await LoadAsync(id, cancellationToken);
        EnsureOpen(negotiation, "text");
        var text = PartnerRules.Required("text", r.Text, 20_000);
        var today = DateOnly.FromDateTime(PartnerRules.InChina(clock.GetUtcNow()).DateTime);
        if (r.SignedOn is not { } signedOn || signedOn > today)
        {
            throw new DomainRuleException("signedOn", "signedOn is required and cannot be in the future");
        }

        var signing = (r.PartyIds ?? []).Distinct().ToList();
        if (signing.FirstOrDefault(p => !negotiation.Parties.Any(x => x.Id == p)) is var stranger and not 0)
        {
            throw new DomainRuleException("partyIds", $"party {stranger} is not a party to this negotiation");
        }

        if (signing.Count < 2)
        {
            throw new DomainRuleException("partyIds", "an agreement is signed by at least two parties");
        }

        if (r.ProposalId is { } proposalId && !negotiation.Proposals.Any(p => p.Id == proposalId))
        {
            throw new DomainRuleException("proposalId", $"proposal {proposalId} is not part of this negotiation");
        }

        negotiation.AgreementText = text;
        negotiation.AgreementSignedOn = signedOn;
        negotiation.AgreementProposalId = r.ProposalId;
        negotiation.State = NegotiationState.Agreed;
        foreach (var party in negotiation.Parties)
        {
            party.SignedAgreement = signing.Contains(party.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Files a follow-up task of the agreement as a case (source Staff) at a building in the negotiation's area, and links it.</summary>
    public async Task<long> AddTaskAsync(int id, TaskRequest r, CancellationToken cancellationToken)
    {
        var negotiation = await LoadAsync(id, cancellationToken);
        if (negotiation.State != NegotiationState.Agreed)
        {
            throw PartnerRules.Conflict("state", "record the signed agreement before its follow-up tasks");
        }

        var building = string.IsNullOrWhiteSpace(r.BuildingCode)
            ? null
            : await db.Nodes.AsNoTracking().Where(n => n.Code == r.BuildingCode.Trim() && n.Kind == NodeKind.Building).Select(n => n.Path).SingleOrDefaultAsync(cancellationToken);
        if (building is null || !building.StartsWith(negotiation.NodePath, StringComparison.Ordinal))
        {
            throw new DomainRuleException("buildingCode", "give the code of a building in the negotiation's area, where the task is to be done");
        }

        var result = await intake.SubmitAsync(new CaseSubmission
        {
            Category = r.Category, Description = r.Description, BuildingCode = r.BuildingCode!.Trim(), Source = CaseSource.Staff,
        }, cancellationToken);
        db.NegotiationTasks.Add(new NegotiationTask { NegotiationId = id, CaseId = result.Case.Id, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return result.Case.Id;
    }

    public async Task<List<NegotiationListItem>> ListAsync(CancellationToken cancellationToken)
    {
        var roots = (await scope.RolesGrantingAsync(Permission.ManageNegotiations, cancellationToken)).Where(r => r.NodePath is not null).Select(r => r.NodePath!).Distinct().ToList();
        if (roots.Count == 0)
        {
            throw PartnerRules.Forbidden("id", "Only staff who run negotiations see them.");
        }

        var items = new List<NegotiationListItem>();
        foreach (var root in roots)
        {
            items.AddRange(await db.Negotiations.AsNoTracking().Where(n => n.NodePath.StartsWith(root)).OrderByDescending(n => n.CreatedAt).Take(200)
                .Select(n => new NegotiationListItem(n.Id, db.Nodes.Where(x => x.Id == n.NodeId).Select(x => x.Code).First(), db.Nodes.Where(x => x.Id == n.NodeId).Select(x => x.Name).First(),
                    n.Title, n.State.ToString(), n.Parties.Count, n.Tasks.Count, n.CreatedAt))
                .ToListAsync(cancellationToken));
        }

        return [.. items.DistinctBy(i => i.Id).OrderByDescending(i => i.CreatedAt)];
    }

    public async Task<NegotiationDto> DetailAsync(int id, CancellationToken cancellationToken)
    {
        var n = await LoadAsync(id, cancellationToken);
        var node = await db.Nodes.AsNoTracking().Where(x => x.Id == n.NodeId).Select(x => new { x.Code, x.Name }).SingleAsync(cancellationToken);
        var partnerIds = n.Parties.Where(p => p.PartnerId is not null).Select(p => p.PartnerId!.Value).ToList();
        var partnerNames = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var caseIds = n.Tasks.Select(t => t.CaseId).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, Category = c.Category!.Code, c.Description, c.State }).ToDictionaryAsync(c => c.Id, cancellationToken);
        return new NegotiationDto(n.Id, node.Code, node.Name, n.Title, n.Description, n.State.ToString(), n.CreatedAt,
            [.. n.Parties.OrderBy(p => p.Id).Select(p => new PartyDto(p.Id, p.PartnerId, p.GroupName ?? partnerNames.GetValueOrDefault(p.PartnerId ?? 0, "?"), p.SignedAgreement))],
            [.. n.Meetings.OrderBy(m => m.HeldAt).Select(m => new MeetingDto(m.Id, m.HeldAt, m.Place, m.Minutes))],
            [.. n.Proposals.OrderBy(p => p.Id).Select(p => new ProposalDto(p.Id, p.Title, p.Text, p.ProposedByPartyId, p.CreatedAt,
                [.. p.Positions.OrderBy(x => x.PartyId).Select(x => new PositionDto(x.PartyId, x.Position.ToString(), x.Note, x.RecordedAt))]))],
            n.AgreementText, n.AgreementSignedOn, n.AgreementProposalId,
            [.. n.Tasks.OrderBy(t => t.Id).Select(t => cases[t.CaseId]).Select(c => new TaskDto(c.Id, c.Category, c.Description, c.State.ToString(),
                n.Tasks.First(t => t.CaseId == c.Id).CreatedAt))]);
    }

    private async Task<Negotiation> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var negotiation = await db.Negotiations.Include(n => n.Parties).Include(n => n.Meetings).Include(n => n.Proposals).ThenInclude(p => p.Positions).Include(n => n.Tasks)
            .AsSplitQuery().SingleOrDefaultAsync(n => n.Id == id, cancellationToken) ?? throw PartnerRules.NotFound("id", $"negotiation {id}");
        await EnsureScopeAsync(negotiation.NodePath, "id", cancellationToken);
        return negotiation;
    }

    private async Task EnsureScopeAsync(string path, string field, CancellationToken cancellationToken)
    {
        if (!await scope.CanAsync(Permission.ManageNegotiations, path, cancellationToken))
        {
            throw PartnerRules.Forbidden(field, "This place is outside the part of the tree where you run negotiations.");
        }
    }

    private static void EnsureOpen(Negotiation negotiation, string field)
    {
        if (negotiation.State != NegotiationState.Open)
        {
            throw PartnerRules.Conflict(field, "the agreement is signed: the negotiation takes no more parties, proposals or positions");
        }
    }

    private async Task<NegotiationParty> PartyAsync(PartyRequest p, string field, CancellationToken cancellationToken)
    {
        var group = PartnerRules.Text($"{field}.groupName", p.GroupName, 200, required: false);
        if ((p.PartnerId is null) == (group is null))
        {
            throw new DomainRuleException(field, "a party is either a registered partner (partnerId) or a named group (groupName)");
        }

        if (p.PartnerId is { } partnerId && !await db.Partners.AnyAsync(x => x.Id == partnerId, cancellationToken))
        {
            throw new DomainRuleException($"{field}.partnerId", $"no partner {partnerId}");
        }

        return new NegotiationParty { PartnerId = p.PartnerId, GroupName = group };
    }
}
