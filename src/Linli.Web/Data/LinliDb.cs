using Linli.Web.Features.AntiFraud.Alliance;
using Linli.Web.Features.AntiFraud.Orders;
using Linli.Web.Features.AntiFraud.Stats;
using Linli.Web.Features.Audit;
using Linli.Web.Features.Campaigns;
using Linli.Web.Features.Care;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Channels;
using Linli.Web.Features.Departments;
using Linli.Web.Features.Exports;
using Linli.Web.Features.Feedback;
using Linli.Web.Features.Hazards;
using Linli.Web.Features.FollowUps;
using Linli.Web.Features.Mediation;
using Linli.Web.Features.OfficerAppraisal;
using Linli.Web.Features.Partners;
using Linli.Web.Features.Negotiations;
using Linli.Web.Features.Notifications;
using Linli.Web.Features.Open311;
using Linli.Web.Features.People;
using Linli.Web.Features.Policing;
using Linli.Web.Features.Rates.Rollups;
using Linli.Web.Features.SafetyTips;
using Linli.Web.Features.Surveys;
using Linli.Web.Features.Tree;
using Linli.Web.Features.Volunteers;
using Linli.Web.Infrastructure.Jobs;
using Linli.Web.Infrastructure.Operations;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Data;

/// <summary>
/// The one model. Each provider has a subclass only so that its migrations live apart
/// (Migrations/Sqlite, Migrations/Postgres); the model itself is shared.
/// </summary>
public abstract class LinliDb(DbContextOptions options) : IdentityDbContext<LinliUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<TreeNode> Nodes => Set<TreeNode>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<DepartmentArea> DepartmentAreas => Set<DepartmentArea>();
    public DbSet<PartnerOrganisation> Partners => Set<PartnerOrganisation>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<ConsentRecord> Consents => Set<ConsentRecord>();
    public DbSet<HouseholdLink> HouseholdLinks => Set<HouseholdLink>();
    public DbSet<OneTimeCode> OneTimeCodes => Set<OneTimeCode>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<CaseCategory> CaseCategories => Set<CaseCategory>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<CasePhoto> CasePhotos => Set<CasePhoto>();
    public DbSet<CaseFollower> CaseFollowers => Set<CaseFollower>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<NotificationOptOut> NotificationOptOuts => Set<NotificationOptOut>();
    public DbSet<Broadcast> Broadcasts => Set<Broadcast>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<Open311ApiKey> Open311ApiKeys => Set<Open311ApiKey>();
    public DbSet<AllianceMembership> AllianceMemberships => Set<AllianceMembership>();
    public DbSet<DissuasionOrder> DissuasionOrders => Set<DissuasionOrder>();
    public DbSet<DissuasionEvent> DissuasionEvents => Set<DissuasionEvent>();
    public DbSet<AwarenessEvent> AwarenessEvents => Set<AwarenessEvent>();
    public DbSet<PartnerAgreementText> PartnerAgreementTexts => Set<PartnerAgreementText>();
    public DbSet<PartnerSignature> PartnerSignatures => Set<PartnerSignature>();
    public DbSet<PartnerArea> PartnerAreas => Set<PartnerArea>();
    public DbSet<PartnerOffer> PartnerOffers => Set<PartnerOffer>();
    public DbSet<OfferSignup> OfferSignups => Set<OfferSignup>();
    public DbSet<PartnerRating> PartnerRatings => Set<PartnerRating>();
    public DbSet<PartnerScore> PartnerScores => Set<PartnerScore>();
    public DbSet<Negotiation> Negotiations => Set<Negotiation>();
    public DbSet<NegotiationParty> NegotiationParties => Set<NegotiationParty>();
    public DbSet<NegotiationProposal> NegotiationProposals => Set<NegotiationProposal>();
    public DbSet<PartyPosition> PartyPositions => Set<PartyPosition>();
    public DbSet<NegotiationTask> NegotiationTasks => Set<NegotiationTask>();
    public DbSet<VolunteerAssociation> VolunteerAssociations => Set<VolunteerAssociation>();
    public DbSet<CommunityVolunteerTarget> VolunteerTargets => Set<CommunityVolunteerTarget>();
    public DbSet<VolunteerMembership> VolunteerMemberships => Set<VolunteerMembership>();
    public DbSet<VolunteerActivity> VolunteerActivities => Set<VolunteerActivity>();
    public DbSet<ShiftSignup> ShiftSignups => Set<ShiftSignup>();
    public DbSet<VolunteerNomination> VolunteerNominations => Set<VolunteerNomination>();
    public DbSet<VolunteerVoteCast> VolunteerVotesCast => Set<VolunteerVoteCast>();
    public DbSet<PolicingHalfDay> PolicingHalfDays => Set<PolicingHalfDay>();
    public DbSet<PolicingPatrol> PolicingPatrols => Set<PolicingPatrol>();
    public DbSet<PolicingVisit> PolicingVisits => Set<PolicingVisit>();
    public DbSet<FacilityCheck> FacilityChecks => Set<FacilityCheck>();
    public DbSet<Hazard> Hazards => Set<Hazard>();
    public DbSet<HazardEvent> HazardEvents => Set<HazardEvent>();
    public DbSet<HazardPhoto> HazardPhotos => Set<HazardPhoto>();
    public DbSet<MediationCase> Mediations => Set<MediationCase>();
    public DbSet<MediationMediator> MediationMediators => Set<MediationMediator>();
    public DbSet<OfficerVote> OfficerVotes => Set<OfficerVote>();
    public DbSet<OfficerVoteCandidate> OfficerVoteCandidates => Set<OfficerVoteCandidate>();
    public DbSet<OfficerVoteCast> OfficerVotesCast => Set<OfficerVoteCast>();
    public DbSet<SafetyTip> SafetyTips => Set<SafetyTip>();
    public DbSet<SafetyTipMessage> SafetyTipMessages => Set<SafetyTipMessage>();
    public DbSet<SafetyTipTally> SafetyTipTallies => Set<SafetyTipTally>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<SurveyQuestion> SurveyQuestions => Set<SurveyQuestion>();
    public DbSet<SurveyRespondent> SurveyRespondents => Set<SurveyRespondent>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();
    public DbSet<SurveyPlan> SurveyPlans => Set<SurveyPlan>();
    public DbSet<SurveyPlanReport> SurveyPlanReports => Set<SurveyPlanReport>();
    public DbSet<FeedbackPost> FeedbackPosts => Set<FeedbackPost>();
    public DbSet<FeedbackReply> FeedbackReplies => Set<FeedbackReply>();
    public DbSet<FeedbackFollower> FeedbackFollowers => Set<FeedbackFollower>();
    public DbSet<FeedbackFlag> FeedbackFlags => Set<FeedbackFlag>();
    public DbSet<FeedbackCommitment> FeedbackCommitments => Set<FeedbackCommitment>();
    public DbSet<FeedbackProgress> FeedbackProgress => Set<FeedbackProgress>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignTask> CampaignTasks => Set<CampaignTask>();
    public DbSet<CampaignGridProgress> CampaignGridProgress => Set<CampaignGridProgress>();
    public DbSet<CareEntry> CareEntries => Set<CareEntry>();
    public DbSet<HelpRequest> HelpRequests => Set<HelpRequest>();
    public DbSet<Channel> Channels => Set<Channel>();
    public DbSet<ChannelMessage> ChannelMessages => Set<ChannelMessage>();
    public DbSet<ChannelPhoto> ChannelPhotos => Set<ChannelPhoto>();
    public DbSet<ChannelReadMark> ChannelReadMarks => Set<ChannelReadMark>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<SharedVersion> SharedVersions => Set<SharedVersion>();
    public DbSet<SharedSecret> SharedSecrets => Set<SharedSecret>();
    public DbSet<ExportJob> ExportJobs => Set<ExportJob>();
    public DbSet<ExportChunk> ExportChunks => Set<ExportChunk>();
    public DbSet<CaseRollup> CaseRollups => Set<CaseRollup>();
    public DbSet<CaseDurationRollup> CaseDurationRollups => Set<CaseDurationRollup>();

    // Every context, however it was built, keeps the case roll-ups in step with the cases it saves.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.AddInterceptors(CaseRollupInterceptor.Instance);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LinliDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so the database reads on its own and reordering an enum is harmless.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditRewrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only.");
        }
    }
}

public sealed class SqliteLinliDb(DbContextOptions<SqliteLinliDb> options) : LinliDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite cannot order or compare DateTimeOffset; a UTC tick count sorts correctly. PostgreSQL uses timestamptz.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}

public sealed class PostgresLinliDb(DbContextOptions<PostgresLinliDb> options) : LinliDb(options);
