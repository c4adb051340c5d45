using Linli.Web.Data;
using Linli.Web.Features.Audit;
using Linli.Web.Features.People;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Partners;

/// <summary>The registry: partners, the communities they serve, their contacts, status and joining agreement.</summary>
public sealed class PartnerRegistry(LinliDb db, PartnerAccess access, ScopeAuthorizer scope, CurrentUser currentUser, AuditLog audit, TimeProvider clock)
{
    private const int MaxContacts = 5;

    public async Task<int> CreateAsync(SavePartnerRequest request, CancellationToken cancellationToken)
    {
        var partner = new PartnerOrganisation { Name = "", CreatedAt = clock.GetUtcNow() };
        await ApplyAsync(partner, request, cancellationToken);
        db.Partners.Add(partner);
        await db.SaveChangesAsync(cancellationToken);
        return partner.Id;
    }

    public async Task UpdateAsync(int id, SavePartnerRequest request, CancellationToken cancellationToken)
    {
        await access.EnsureCanManageAsync(id, cancellationToken);
        var partner = await db.Partners.Include(p => p.Areas).Include(p => p.Contacts).SingleAsync(p => p.Id == id, cancellationToken);
        await ApplyAsync(partner, request, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SuspendAsync(int id, SuspendRequest request, CancellationToken cancellationToken)
    {
        await access.EnsureCanManageAsync(id, cancellationToken);
        var reason = PartnerRules.Required("reason", request.Reason, 500);
        var partner = await db.Partners.SingleAsync(p => p.Id == id, cancellationToken);
        if (partner.Status == PartnerStatus.Suspended)
        {
            throw PartnerRules.Conflict("status", "the partner is already suspended");
        }

        partner.Status = PartnerStatus.Suspended;
        partner.SuspensionReason = reason;
        partner.SuspendedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ReinstateAsync(int id, CancellationToken cancellationToken)
    {
        await access.EnsureCanManageAsync(id, cancellationToken);
        var partner = await db.Partners.SingleAsync(p => p.Id == id, cancellationToken);
        if (partner.Status == PartnerStatus.Active)
        {
            throw PartnerRules.Conflict("status", "the partner is not suspended");
        }

        partner.Status = PartnerStatus.Active;
        partner.SuspensionReason = null;
        partner.SuspendedAt = null;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records that the partner signed the current version of the joining agreement; an older version is refused.</summary>
    public async Task SignAsync(int id, SignAgreementRequest request, CancellationToken cancellationToken)
    {
        await access.EnsureCanManageAsync(id, cancellationToken);
        var current = await CurrentVersionAsync(cancellationToken);
        if (request.Version is not { } version)
        {
            throw new DomainRuleException("version", "version is required");
        }

        if (current == 0 || version != current)
        {
            throw new DomainRuleException("version", current == 0
                ? "no joining agreement has been published yet"
                : $"sign the current version of the joining agreement ({current}), not {version}");
        }

        var today = DateOnly.FromDateTime(PartnerRules.InChina(clock.GetUtcNow()).DateTime);
        if (request.SignedOn is not { } signedOn || signedOn > today || signedOn.Year < 2000)
        {
            throw new DomainRuleException("signedOn", "signedOn is required and cannot be in the future");
        }

        var signedBy = PartnerRules.Required("signedBy", request.SignedBy, 100);
        db.PartnerSignatures.Add(new PartnerSignature
        {
            PartnerId = id, Version = version, SignedOn = signedOn, SignedBy = signedBy, RecordedByUserId = currentUser.Id, RecordedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Publishes a new version of the joining agreement (city-wide: a role at a root). Partners then sign it again.</summary>
    public async Task<AgreementTextDto> PublishAgreementAsync(PublishAgreementRequest request, CancellationToken cancellationToken)
    {
        if (!await scope.CanAtRootAsync(Permission.ManagePartners, cancellationToken))
        {
            throw PartnerRules.Forbidden("text", "The joining agreement is city-wide: only a role held at the city publishes it.");
        }

        var text = new PartnerAgreementText
        {
            Text = PartnerRules.Required("text", request.Text, 20_000),
            TextEn = PartnerRules.Text("textEn", request.TextEn, 20_000, required: false),
            Version = await CurrentVersionAsync(cancellationToken) + 1,
            PublishedAt = clock.GetUtcNow(),
        };
        db.PartnerAgreementTexts.Add(text);
        await db.SaveChangesAsync(cancellationToken);
        return new AgreementTextDto(text.Version, text.Text, text.TextEn, text.PublishedAt);
    }

    public async Task<int> CurrentVersionAsync(CancellationToken cancellationToken) =>
        await db.PartnerAgreementTexts.MaxAsync(t => (int?)t.Version, cancellationToken) ?? 0;

    public async Task<List<AgreementTextDto>> AgreementsAsync(CancellationToken cancellationToken) =>
        await db.PartnerAgreementTexts.AsNoTracking().OrderByDescending(t => t.Version)
            .Select(t => new AgreementTextDto(t.Version, t.Text, t.TextEn, t.PublishedAt)).ToListAsync(cancellationToken);

    /// <summary>The partners the caller manages or works for: those serving an area in their scope, and their own.</summary>
    public async Task<List<PartnerListItem>> ListAsync(CancellationToken cancellationToken)
    {
        var roots = await access.ManagedRootsAsync(cancellationToken);
        var own = await access.OwnPartnerIdsAsync(cancellationToken);
        if (roots.Count == 0)
        {
            // Partner staff open their own partner by its id; the registry list is for those who manage partners.
            throw PartnerRules.Forbidden("id", "Only staff who manage partners see the registry.");
        }

        var rows = await db.Partners.AsNoTracking().OrderBy(p => p.Type).ThenBy(p => p.Name)
            .Select(p => new
            {
                Item = new PartnerListItem(p.Id, p.Name, p.NameEn, p.Type.ToString(), p.Subtype, p.Status.ToString(),
                    p.Signatures.OrderByDescending(s => s.Version).Select(s => (int?)s.Version).FirstOrDefault()),
                Paths = p.Areas.Select(a => a.Node!.Path).ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Where(r => own.Contains(r.Item.Id) || r.Paths.Any(path => roots.Any(root => path.StartsWith(root, StringComparison.Ordinal))))
            .Select(r => r.Item)];
    }

    /// <summary>One partner for staff, with its contacts; reading the contacts is audited.</summary>
    public async Task<PartnerDto> DetailAsync(int id, CancellationToken cancellationToken)
    {
        if (!await access.IsStaffOfAsync(id, cancellationToken))
        {
            await access.EnsureCanSeeAsync(id, cancellationToken);
        }

        var p = await db.Partners.AsNoTracking().Where(p => p.Id == id).Select(p => new
        {
            p.Id, p.Name, p.NameEn, p.Type, p.Subtype, p.Description, p.Status, p.SuspensionReason, p.SuspendedAt,
            Areas = p.Areas.OrderBy(a => a.Node!.Code).Select(a => new AreaDto(a.Node!.Code, a.Node.Name, a.Node.NameEn)).ToList(),
            Paths = p.Areas.Select(a => a.Node!.Path).ToList(),
            Contacts = p.Contacts.OrderBy(c => c.Id).Select(c => new ContactDto(c.Name, c.Contact)).ToList(),
            Signature = p.Signatures.OrderByDescending(s => s.Version).ThenByDescending(s => s.Id).Select(s => new SignatureDto(s.Version, s.SignedOn, s.SignedBy)).FirstOrDefault(),
        }).SingleAsync(cancellationToken);
        var current = await CurrentVersionAsync(cancellationToken);
        var offers = await PartnerOffers.OffersOf(db, id).ToListAsync(cancellationToken);
        if (p.Contacts.Count > 0)
        {
            await audit.RecordReadsAsync("partner registry: contacts",
                [new AuditedRecord("PartnerContacts", id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, p.Paths.FirstOrDefault())], cancellationToken);
        }

        return new PartnerDto(p.Id, p.Name, p.NameEn, p.Type.ToString(), p.Subtype, p.Description, p.Status.ToString(), p.SuspensionReason, p.SuspendedAt,
            p.Areas, p.Contacts, p.Signature, current, p.Signature is not null && p.Signature.Version == current, offers);
    }

    private async Task ApplyAsync(PartnerOrganisation partner, SavePartnerRequest request, CancellationToken cancellationToken)
    {
        partner.Name = PartnerRules.Required("name", request.Name, 200);
        partner.NameEn = PartnerRules.Text("nameEn", request.NameEn, 200, required: false);
        partner.Type = PartnerRules.Enum<PartnerType>("type", request.Type);
        partner.Subtype = PartnerRules.Text("subtype", request.Subtype, 100, required: false);
        partner.Description = PartnerRules.Text("description", request.Description, 2000, required: false);
        var areas = await AreasAsync(request.AreaCodes, cancellationToken);
        var contacts = Contacts(request.Contacts);
        partner.Areas.Clear();
        partner.Areas.AddRange(areas.Select(id => new PartnerArea { NodeId = id }));
        partner.Contacts.Clear();
        partner.Contacts.AddRange(contacts);
    }

    /// <summary>The areas served: communities (or a street or district for all its communities), each inside the caller's scope.</summary>
    private async Task<List<int>> AreasAsync(List<string>? codes, CancellationToken cancellationToken)
    {
        var wanted = (codes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct().ToList();
        if (wanted.Count == 0)
        {
            throw new DomainRuleException("areaCodes", "a partner serves at least one community");
        }

        var nodes = await db.Nodes.AsNoTracking().Where(n => wanted.Contains(n.Code)).Select(n => new { n.Id, n.Code, n.Path, n.Kind }).ToListAsync(cancellationToken);
        var unknown = wanted.Except(nodes.Select(n => n.Code)).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainRuleException("areaCodes", $"unknown node(s): {string.Join(", ", unknown)}");
        }

        foreach (var node in nodes)
        {
            if (!await scope.CanAsync(Permission.ManagePartners, node.Path, cancellationToken))
            {
                throw PartnerRules.Forbidden("areaCodes", $"Area {node.Code} is outside the part of the tree you work in.");
            }
        }

        if (nodes.FirstOrDefault(n => n.Kind > NodeKind.Community) is { } tooSmall)
        {
            throw new DomainRuleException("areaCodes", $"{tooSmall.Code} is a {tooSmall.Kind.ToWire()}: partners serve communities (or a whole street or district)");
        }

        return [.. nodes.Select(n => n.Id)];
    }

    private static List<PartnerContact> Contacts(List<ContactRequest>? requests)
    {
        var contacts = new List<PartnerContact>();
        foreach (var (c, i) in (requests ?? []).Select((c, i) => (c, i)))
        {
            if (string.IsNullOrWhiteSpace(c.Name) && string.IsNullOrWhiteSpace(c.Contact))
            {
                continue;
            }

            var name = PartnerRules.Required($"contacts[{i}].name", c.Name, 100);
            if (!ContactAddress.TryNormalise(c.Contact, out var contact, out _))
            {
                throw new DomainRuleException($"contacts[{i}].contact", "give one phone number or email address");
            }

            contacts.Add(new PartnerContact { Name = name, Contact = contact });
        }

        return contacts.Count > MaxContacts
            ? throw new DomainRuleException("contacts", $"at most {MaxContacts} contacts")
            : contacts;
    }
}
