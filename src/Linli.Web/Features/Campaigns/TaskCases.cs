using System.Globalization;
using Linli.Web.Data;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Tree;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Campaigns;

/// <summary>
/// A problem found during a task, turned into a case: filed through <see cref="CaseIntake"/> (source Staff) at the task's
/// building, and linked from the task. Intake's request key makes a second tap answer the same case.
/// </summary>
public sealed class TaskCases(LinliDb db, CampaignTaskWork work, CaseIntake intake)
{
    public async Task<TaskCaseFiled> FileAsync(long taskId, TaskCaseRequest r, IReadOnlyList<IncomingPhoto> photos, CancellationToken cancellationToken = default)
    {
        var task = await work.EnsureMayDoAsync(taskId, requireActive: true, cancellationToken);
        if (task.CaseId is { } filed)
        {
            return new TaskCaseFiled(taskId, filed, await db.Cases.AsNoTracking().Where(c => c.Id == filed).Select(c => c.Receipt).SingleAsync(cancellationToken));
        }

        var node = await db.Nodes.AsNoTracking().Where(n => n.Id == task.NodeId).Select(n => new { n.Kind, n.Code, n.ParentId, n.Geometry }).SingleAsync(cancellationToken);
        var building = node.Kind switch
        {
            NodeKind.Building => node.Code,
            NodeKind.Unit => await db.Nodes.AsNoTracking().Where(n => n.Id == node.ParentId).Select(n => n.Code).SingleAsync(cancellationToken),
            _ => null,
        };
        var centre = building is null ? node.Geometry?.InteriorPoint : null;
        var result = await intake.SubmitAsync(new CaseSubmission
        {
            Category = r.Category,
            Description = r.Description,
            BuildingCode = building,
            Latitude = centre?.Y,
            Longitude = centre?.X,
            Source = CaseSource.Staff,
            Photos = photos,
            // Stable so a second tap finds the first case, unguessable enough that nobody can take the key first.
            ClientRequestKey = $"campaign-task-{taskId.ToString(CultureInfo.InvariantCulture)}-{task.CampaignCreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}",
        }, cancellationToken);

        // Intake committed on its own; the link follows (a failure here leaves the case, which a retry finds by its key).
        await db.CampaignTasks.Where(t => t.Id == taskId).ExecuteUpdateAsync(s => s.SetProperty(t => t.CaseId, result.Case.Id), cancellationToken);
        return new TaskCaseFiled(taskId, result.Case.Id, result.Case.Receipt);
    }
}
