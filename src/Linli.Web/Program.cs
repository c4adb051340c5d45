using System.Text.Encodings.Web;
using System.Text.Unicode;
using Linli.Web.Components;
using Linli.Web.Data;
using Linli.Web.Features.AntiFraud;
using Linli.Web.Features.Care;
using Linli.Web.Features.Audit;
using Linli.Web.Features.Campaigns;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Cases.Work;
using Linli.Web.Features.Channels;
using Linli.Web.Features.Dashboards;
using Linli.Web.Features.Departments;
using Linli.Web.Features.Exports;
using Linli.Web.Features.Feedback;
using Linli.Web.Features.Hazards;
using Linli.Web.Features.FollowUps;
using Linli.Web.Features.Mediation;
using Linli.Web.Features.Negotiations;
using Linli.Web.Features.Notifications;
using Linli.Web.Features.OfficerAppraisal;
using Linli.Web.Features.Open311;
using Linli.Web.Features.OpenData;
using Linli.Web.Features.Partners;
using Linli.Web.Features.People;
using Linli.Web.Features.Policing;
using Linli.Web.Features.Rates;
using Linli.Web.Features.SafetyTips;
using Linli.Web.Features.Surveys;
using Linli.Web.Features.Tree;
using Linli.Web.Features.Volunteers;
using Linli.Web.Infrastructure;
using Linli.Web.Infrastructure.Auth;
using Linli.Web.Infrastructure.Jobs;
using Linli.Web.Infrastructure.Operations;
using Linli.Web.Infrastructure.Problems;
using Linli.Web.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddOpenApi();
builder.Services.AddLocalization();
builder.Services.AddRazorComponents();

// Write Chinese text as characters, not &#x…; entities: pages are less than half the size on a slow connection.
builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddLinliData(builder.Configuration);
builder.Services.AddReadReplica(builder.Configuration);
builder.Services.AddLinliOperations(builder.Configuration);
builder.Services.AddLinliIdentity(builder.Configuration, builder.Environment);
builder.Services.AddLinliRateLimits(builder.Configuration);

builder.Services.AddTreeFeature(builder.Configuration);
builder.Services.AddScoped<AuditLog>();
builder.Services.AddCasesFeature(builder.Configuration);
builder.Services.AddLinliJobs();
builder.Services.AddNotificationsFeature(builder.Configuration);
builder.Services.AddOpen311Feature(builder.Configuration);
builder.Services.AddAntiFraudFeature(builder.Configuration);
builder.Services.AddPartnersFeature();
builder.Services.AddScoped<NegotiationWork>();
builder.Services.AddVolunteersFeature(builder.Configuration);
builder.Services.AddPolicingFeature(builder.Configuration);
builder.Services.AddHazardsFeature(builder.Configuration);
builder.Services.AddMediationFeature(builder.Configuration);
builder.Services.AddOfficerAppraisalFeature();
builder.Services.AddSafetyTipsFeature(builder.Configuration);
builder.Services.AddSurveysFeature();
builder.Services.AddFeedbackFeature(builder.Configuration);
builder.Services.AddFollowUpsFeature(builder.Configuration);
builder.Services.AddCampaignsFeature();
builder.Services.AddCareFeature(builder.Configuration);
builder.Services.AddChannelsFeature(builder.Configuration);
builder.Services.AddDashboardsFeature();
builder.Services.AddOpenDataFeature(builder.Configuration);
builder.Services.AddExportsFeature(builder.Configuration);

var app = builder.Build();

if (await CommandLine.TryRunAsync(app, args))
{
    return;
}

await DatabaseStartup.PrepareAsync(app);

app.UseLinliForwardedHeaders();

app.UseExceptionHandler();

// The API answers errors as ProblemDetails; people in a browser get a page in their language instead.
app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"), ui => ui.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true));

// Routing after the status code pages, so a re-executed request is routed to the error page.
app.UseRouting();
app.UseLinliLocalization();
app.MapStaticAssets();
app.UseAuthentication();
app.UseAuthorization();
app.UseOutputCache();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapOpenApi();
app.UseSwaggerUI(options =>
{
    options.SwaggerEndpoint("/openapi/v1.json", "Linli API v1");
    options.RoutePrefix = "api-docs";
});
app.MapLinliHealth();

app.MapTreeApi();
app.MapDepartmentsApi();
app.MapAccountApi();
app.MapStaffApi();
app.MapHouseholdApi();
app.MapAuditApi();
app.MapCategoriesApi();
app.MapCasesApi();
app.MapWorkApi();
app.MapOpen311();
app.MapRatesApi();
app.MapAntiFraudApi();
app.MapPartnersApi();
app.MapNegotiationsApi();
app.MapVolunteersApi();
app.MapPolicingApi();
app.MapHazardsApi();
app.MapMediationApi();
app.MapOfficerAppraisalApi();
app.MapSafetyTipsApi();
app.MapSurveysApi();
app.MapFeedbackApi();
app.MapFollowUpsApi();
app.MapChannelsApi();
app.MapNotificationsApi();
app.MapCampaignsApi();
app.MapCareApi();
app.MapDashboardsApi();
app.MapOpenDataApi();
app.MapExportsApi();
app.MapLanguageSwitch();
app.MapRazorComponents<App>();

app.Run();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
