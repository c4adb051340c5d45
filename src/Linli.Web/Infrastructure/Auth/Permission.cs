using Linli.Web.Features.People;

namespace Linli.Web.Infrastructure.Auth;

/// <summary>What a role lets its holder do inside the subtree where it is held.</summary>
public enum Permission
{
    ViewPeopleInRoles,
    EditTree,
    ImportTree,
    ManageStaff,
    ReadResidents,
    SearchAudit,
    ManageDepartments,
    ManageCategories,

    /// <summary>See the cases in the subtree (not the reporters' contacts: those are for the case's handlers).</summary>
    ViewCases,

    /// <summary>Dispatch by hand, merge duplicates, cancel, close.</summary>
    DispatchCases,

    ManageOpen311Keys,

    /// <summary>Manage the anti-fraud alliance of a community (members, awareness events) and see its weekly figures.</summary>
    ManageAntiFraudAlliance,

    /// <summary>Visit and close the dissuasion orders of the communities in scope.</summary>
    HandleDissuasionOrders,

    /// <summary>See and act on dissuasion orders of the subtree once they are escalated (overdue).</summary>
    SuperviseDissuasionOrders,

    /// <summary>Raise fraud-risk alerts in the communities where the holder's partner is an alliance member.</summary>
    RaiseFraudAlerts,

    /// <summary>Register community partners serving the subtree, suspend them, record agreements and offers, score them.</summary>
    ManagePartners,

    /// <summary>Run multi-party negotiations (协商) at a node of the subtree and file their follow-up cases.</summary>
    ManageNegotiations,

    /// <summary>Create and run volunteer associations, read their rosters (audited), set community targets. Never police.</summary>
    ManageVolunteers,

    /// <summary>Log one's own half-days in the community: patrols, visits to households and organisations, facility checks.</summary>
    LogCommunityPolicing,

    /// <summary>See which communities of the subtree have a community officer, and officers' weekly half-day compliance.</summary>
    ViewPolicingCoverage,

    /// <summary>Record a potential safety hazard (隐患) found in the subtree.</summary>
    ReportHazards,

    /// <summary>Set a hazard's responsible party and deadline, record rectification, re-inspect and eliminate it.</summary>
    ManageHazards,

    /// <summary>Read, question and close the safety tips (线索) of the areas in scope. Police only: tips are leads for them.</summary>
    TriageSafetyTips,

    /// <summary>Open and run neighbour dispute mediations (矛盾纠纷调解) in the subtree; parties' contacts are audited reads.</summary>
    MediateDisputes,

    /// <summary>Open, close and publish the annual public vote for the top community officers of the subtree.</summary>
    RunOfficerVotes,

    /// <summary>
    /// Speak publicly for a unit of the subtree: reply to residents' advice and complaints, adopt advice into the work
    /// plan and report progress, publish the plan against a priority vote's top concern and report back on it.
    /// </summary>
    SpeakForUnit,

    /// <summary>Hide spam or abuse on the public feedback wall of the subtree, with a published reason.</summary>
    ModerateFeedback,

    /// <summary>Build, schedule and close surveys and priority votes for residents of the subtree; see and export results.</summary>
    RunSurveys,

    /// <summary>Send a notice to a node of the subtree (residents who opted in, or chiefs of a kind) and see acknowledgements.</summary>
    BroadcastNotices,

    /// <summary>See satisfaction follow-up figures (rates per unit and officer) for the subtree.</summary>
    ViewSatisfaction,

    /// <summary>Launch and end campaigns (专项行动) over the subtree, send their emergency broadcasts. Never police.</summary>
    RunCampaigns,

    /// <summary>See campaign progress (done / total per area, lagging grids) for the subtree. Aggregates only.</summary>
    ViewCampaignProgress,

    /// <summary>Do the campaign tasks of the buildings and units one holds (or is assigned), and file a case from one.</summary>
    DoCampaignTasks,

    /// <summary>Register households for care on their behalf (with their recorded consent) and manage the register. Reads audited; never police.</summary>
    ManageCareRegister,

    /// <summary>Take part in the group channels (per grid, building and campaign) of one's own part of the tree.</summary>
    UseChannels,

    /// <summary>Pin and unpin instructions in the channels one uses: the grid chief and staff, not building or unit chiefs.</summary>
    PinChannelMessages,

    /// <summary>See the dashboards of the subtree: every capability's figures, changes, rankings and map. Aggregates only; never police.</summary>
    ViewDashboards,

    /// <summary>Export the dashboards' figures and the cases of the subtree (CSV, XLSX; no reporters' contacts), in the background when large.</summary>
    ExportData,
}

/// <summary>The one table of which role grants which permission. Scope (own subtree only) is applied on top of it.</summary>
public static class RolePermissions
{
    private static readonly Dictionary<StaffRole, Permission[]> Grants = new()
    {
        [StaffRole.Administrator] =
        [
            Permission.ViewPeopleInRoles, Permission.EditTree, Permission.ImportTree, Permission.ManageStaff,
            Permission.ReadResidents, Permission.SearchAudit, Permission.ManageDepartments, Permission.ManageCategories,
            Permission.ViewCases, Permission.DispatchCases, Permission.ManageOpen311Keys,
            Permission.ManageAntiFraudAlliance, Permission.SuperviseDissuasionOrders,
            Permission.ManagePartners, Permission.ManageNegotiations, Permission.ManageVolunteers,
            Permission.ViewPolicingCoverage, Permission.ReportHazards, Permission.ManageHazards, Permission.MediateDisputes,
            Permission.RunOfficerVotes,
            Permission.SpeakForUnit, Permission.ModerateFeedback, Permission.RunSurveys, Permission.BroadcastNotices, Permission.ViewSatisfaction,
            Permission.RunCampaigns, Permission.ViewCampaignProgress, Permission.ManageCareRegister, Permission.UseChannels, Permission.PinChannelMessages,
            Permission.ViewDashboards, Permission.ExportData,
        ],
        [StaffRole.StreetStaff] =
        [
            Permission.ViewPeopleInRoles, Permission.EditTree, Permission.ReadResidents, Permission.ViewCases, Permission.DispatchCases,
            Permission.ManageAntiFraudAlliance, Permission.SuperviseDissuasionOrders,
            Permission.ManagePartners, Permission.ManageNegotiations, Permission.ManageVolunteers,
            Permission.ViewPolicingCoverage, Permission.ReportHazards, Permission.ManageHazards, Permission.MediateDisputes,
            Permission.SpeakForUnit, Permission.ModerateFeedback, Permission.RunSurveys, Permission.BroadcastNotices, Permission.ViewSatisfaction,
            Permission.RunCampaigns, Permission.ViewCampaignProgress, Permission.ManageCareRegister, Permission.UseChannels, Permission.PinChannelMessages,
            Permission.ViewDashboards, Permission.ExportData,
        ],
        [StaffRole.CommunityWorker] =
        [
            Permission.ViewPeopleInRoles, Permission.ReadResidents, Permission.ViewCases, Permission.DispatchCases,
            Permission.ManageAntiFraudAlliance, Permission.HandleDissuasionOrders,
            Permission.ManagePartners, Permission.ManageNegotiations, Permission.ManageVolunteers,
            Permission.ReportHazards, Permission.ManageHazards, Permission.MediateDisputes,
            Permission.SpeakForUnit, Permission.ModerateFeedback, Permission.RunSurveys, Permission.BroadcastNotices, Permission.ViewSatisfaction,
            Permission.ViewCampaignProgress, Permission.DoCampaignTasks, Permission.ManageCareRegister, Permission.UseChannels, Permission.PinChannelMessages,
            Permission.ViewDashboards, Permission.ExportData,
        ],
        [StaffRole.GridChief] =
        [
            Permission.ViewPeopleInRoles, Permission.ReadResidents, Permission.ViewCases, Permission.ReportHazards,
            Permission.ViewCampaignProgress, Permission.DoCampaignTasks, Permission.UseChannels, Permission.PinChannelMessages,
            Permission.ViewDashboards,
        ],
        [StaffRole.BuildingChief] = [Permission.ViewPeopleInRoles, Permission.ReadResidents, Permission.ReportHazards, Permission.DoCampaignTasks, Permission.UseChannels],
        [StaffRole.UnitChief] = [Permission.ViewPeopleInRoles, Permission.ReadResidents, Permission.ReportHazards, Permission.DoCampaignTasks, Permission.UseChannels],

        // Policing views never include residents' household links or volunteer rosters (purpose limitation).
        [StaffRole.CommunityPolice] =
        [
            Permission.ViewPeopleInRoles, Permission.ManageAntiFraudAlliance, Permission.HandleDissuasionOrders,
            Permission.LogCommunityPolicing, Permission.ViewPolicingCoverage, Permission.ReportHazards, Permission.ManageHazards,
            Permission.TriageSafetyTips, Permission.MediateDisputes, Permission.SpeakForUnit, Permission.ViewSatisfaction,
        ],
        [StaffRole.DepartmentHandler] = [],
        [StaffRole.PartnerStaff] = [Permission.RaiseFraudAlerts],
    };

    public static bool Allows(StaffRole role, Permission permission) => Grants[role].Contains(permission);

    public static IEnumerable<StaffRole> RolesGranting(Permission permission) =>
        Grants.Where(g => g.Value.Contains(permission)).Select(g => g.Key);
}
