using Linli.Web.Data;
using Linli.Web.Features.Audit;
using Linli.Web.Features.People;
using Linli.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Volunteers;

/// <summary>Joining and leaving an association with recorded consent, and the roster its managers read (audited).</summary>
public sealed class Membership(LinliDb db, VolunteerAccess access, Associations associations, AuditLog audit, TimeProvider clock)
{
    public async Task<MembershipDto> JoinAsync(int associationId, JoinRequest request, CancellationToken cancellationToken)
    {
        var userId = access.RequireUser();
        var association = await associations.FindAsync(associationId, cancellationToken);
        if (request.ConsentVersion != Consents.VolunteeringText.Version)
        {
            throw new DomainRuleException("consentVersion", $"agree to the current consent text, version {Consents.VolunteeringText.Version}");
        }

        if (association.Status != AssociationStatus.Active)
        {
            throw new DomainRuleException("association", "this association is not taking members (dormant or dissolved)", StatusCodes.Status409Conflict);
        }

        var skills = VolunteerRules.Text("skills", request.Skills, 200, required: false);
        var availability = VolunteerRules.Text("availability", request.Availability, 200, required: false);
        if (await db.VolunteerMemberships.AnyAsync(m => m.AssociationId == associationId && m.UserId == userId, cancellationToken))
        {
            throw new DomainRuleException("association", "you are already a member of this association", StatusCodes.Status409Conflict);
        }

        var now = clock.GetUtcNow();
        var consent = new ConsentRecord { UserId = userId, Purpose = Consents.Volunteering, TextVersion = Consents.VolunteeringText.Version, GivenAt = now };
        db.Consents.Add(consent);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var membership = new VolunteerMembership { AssociationId = associationId, UserId = userId, ConsentId = consent.Id, Skills = skills, Availability = availability, JoinedAt = now };
        db.VolunteerMemberships.Add(membership);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new MembershipDto(membership.Id, associationId, association.Name, skills, availability, now, association.LeaderUserId == userId);
    }

    /// <summary>Withdraws the consent and deletes the roster entry; a leader who leaves stops leading.</summary>
    public async Task<bool> LeaveAsync(int associationId, CancellationToken cancellationToken)
    {
        var userId = access.RequireUser();
        var membership = await db.VolunteerMemberships.FirstOrDefaultAsync(m => m.AssociationId == associationId && m.UserId == userId, cancellationToken);
        if (membership is null)
        {
            return false;
        }

        var consent = await db.Consents.FirstAsync(c => c.Id == membership.ConsentId, cancellationToken);
        consent.WithdrawnAt = clock.GetUtcNow();
        db.VolunteerMemberships.Remove(membership);
        var association = await db.VolunteerAssociations.FirstAsync(a => a.Id == associationId, cancellationToken);
        if (association.LeaderUserId == userId)
        {
            association.LeaderUserId = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<List<RosterEntry>> RosterAsync(int associationId, CancellationToken cancellationToken)
    {
        var association = await associations.FindAsync(associationId, cancellationToken);
        await access.RequireManageAsync(association.LeaderUserId, association.CommunityPath, cancellationToken);
        var leader = association.LeaderUserId;
        var roster = await db.VolunteerMemberships.AsNoTracking().Where(m => m.AssociationId == associationId).OrderBy(m => m.JoinedAt).ThenBy(m => m.Id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new RosterEntry(m.Id, u.Id, u.DisplayName, u.PhoneNumber, u.Email, m.Skills, m.Availability, m.JoinedAt, u.Id == leader))
            .ToListAsync(cancellationToken);
        await audit.RecordReadsAsync("volunteer roster: organising the association's service",
            roster.Where(r => r.UserId != access.UserId).Select(r => new AuditedRecord("VolunteerMembership", r.MembershipId.ToString(System.Globalization.CultureInfo.InvariantCulture), r.UserId, association.CommunityPath)),
            cancellationToken);
        return roster;
    }

    public async Task<List<MembershipDto>> MineAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.VolunteerMemberships.AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.JoinedAt).ThenBy(m => m.Id)
            .Join(db.VolunteerAssociations, m => m.AssociationId, a => a.Id, (m, a) => new MembershipDto(m.Id, a.Id, a.Name, m.Skills, m.Availability, m.JoinedAt, a.LeaderUserId == userId))
            .ToListAsync(cancellationToken);
}
