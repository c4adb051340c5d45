using Linli.Web.Data;
using Linli.Web.Features.Cases.Dispatch;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Notifications;
using Linli.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Cases.Lifecycle;

/// <summary>
/// Moves a case through its life: checks that the actor may take the action and that the state allows it, applies it,
/// records who, when and why, and queues the followers' notifications in the same transaction.
/// </summary>
public sealed class CaseWorkflow(
    LinliDb db, CaseNotifier notifier, PhotoProcessor photoProcessor, TimeProvider clock, IOptions<CasesOptions> options, IOutputCacheStore publicPages)
{
    /// <summary>Loads a case with what the workflow needs, tracked.</summary>
    public Task<Case?> LoadAsync(long id, CancellationToken cancellationToken) =>
        db.Cases.Include(c => c.Category).Include(c => c.Followers).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public Task<Case?> LoadByReceiptAsync(string receipt, CancellationToken cancellationToken) =>
        db.Cases.Include(c => c.Category).Include(c => c.Followers).FirstOrDefaultAsync(c => c.Receipt == receipt, cancellationToken);

    public async Task<PublicCaseView> PublicViewAsync(string receipt, CancellationToken cancellationToken) =>
        (await PublicCaseViews.ForReceiptAsync(db, receipt, clock.GetUtcNow(), options.Value.ReopenWindowDays, cancellationToken))!;

    public async Task<CaseEvent> ApplyAsync(Case @case, CaseActor actor, CaseCommand command, CancellationToken cancellationToken = default)
    {
        var action = command.Action;

        // A replay is recognised before any rule is checked: after the first try the state has moved on and would refuse it.
        var requestKey = ActionRequestKeys.Hash(command.RequestKey);
        if (requestKey is not null && await FindReplayAsync(@case.Id, requestKey, action, actor, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        if (!actor.May(action, @case.State))
        {
            throw new DomainRuleException("action", $"You may not {Describe(action)} this case.", StatusCodes.Status403Forbidden);
        }

        if (!CaseStateMachine.CanTake(action, @case.State))
        {
            throw new DomainRuleException("action", $"A case that is {@case.State} does not allow '{Describe(action)}'; allowed now: {string.Join(", ", CaseStateMachine.ActionsFrom(@case.State))}.", StatusCodes.Status409Conflict);
        }

        var note = CheckNote(action, command.Note);
        var now = clock.GetUtcNow();
        var from = @case.State;
        string? target = null;
        switch (action)
        {
            case CaseAction.Dispatch:
                target = await DispatchAsync(@case, command, now, cancellationToken);
                break;
            case CaseAction.Accept:
                @case.HandlerUserId = actor.UserId;
                @case.RespondedAt ??= now;
                break;
            case CaseAction.Resolve:
                AddResolutionPhotos(@case, command.Photos, now);
                @case.ResolvedAt = now;
                break;
            case CaseAction.Close:
                @case.ClosedAt = now;
                break;
            case CaseAction.Return:
                (@case.AssignedDepartmentId, @case.AssignedRole, @case.AssignedNodeId, @case.HandlerUserId) = (null, null, null, null);
                break;
            case CaseAction.Reopen:
                CheckReopenWindow(@case, actor, now);
                (@case.ResolvedAt, @case.ClosedAt) = (null, null);

                // A new round of work: the handler gets the category's full time again, and escalation starts over
                // rather than jumping levels because the first deadline is long past.
                @case.ResolveBy = now.AddMinutes(@case.Category!.ResolveWithinMinutes);
                @case.EscalationLevel = 0;
                break;
        }

        @case.State = CaseStateMachine.Next(action, from);
        var change = new CaseEvent
        {
            CaseId = @case.Id,
            At = now,
            Kind = CaseStateMachine.EventFor(action),
            FromState = from,
            ToState = @case.State,
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            ActorRole = actor.Role,
            Note = note,
            IsPublic = action != CaseAction.Return && command.Public,
            EscalatedTo = target,
            ClientRequestKey = requestKey,
        };
        db.CaseEvents.Add(change);
        if (action != CaseAction.Note || change.IsPublic)
        {
            await notifier.EnqueueAsync(@case, @case.Category!, change, cancellationToken);
        }

        try
        {
            await SaveAsync(@case, cancellationToken);
        }
        catch (Exception e) when (requestKey is not null && e is DbUpdateException or DomainRuleException { StatusCode: StatusCodes.Status409Conflict })
        {
            // Two tries with the same key raced (the unique index or the case's version let one through): answer with that one.
            db.ChangeTracker.Clear();
            if (await FindReplayAsync(@case.Id, requestKey, action, actor, cancellationToken) is { } winner)
            {
                return winner;
            }

            throw;
        }

        return change;
    }

    /// <summary>The event an earlier try with the same request key recorded; a key reused for something else is refused.</summary>
    private async Task<CaseEvent?> FindReplayAsync(long caseId, string requestKey, CaseAction action, CaseActor actor, CancellationToken cancellationToken)
    {
        var earlier = await db.CaseEvents.AsNoTracking().FirstOrDefaultAsync(e => e.CaseId == caseId && e.ClientRequestKey == requestKey, cancellationToken);
        if (earlier is not null && (earlier.Kind != CaseStateMachine.EventFor(action) || earlier.ActorUserId != actor.UserId))
        {
            throw new DomainRuleException("requestKey", "this request key was already used for a different action on this case", StatusCodes.Status409Conflict);
        }

        return earlier;
    }

    /// <summary>The reporter's rating of a closed case; given once.</summary>
    public async Task RateAsync(Case @case, int stars, bool solved, string? comment, CancellationToken cancellationToken = default)
    {
        if (@case.State != CaseState.Closed)
        {
            throw new DomainRuleException("state", "A case can be rated once it is closed.", StatusCodes.Status409Conflict);
        }

        if (@case.RatedAt is not null)
        {
            throw new DomainRuleException("stars", "This case has already been rated.", StatusCodes.Status409Conflict);
        }

        if (stars is < 1 or > 5)
        {
            throw new DomainRuleException("stars", "Give 1 to 5 stars.");
        }

        var errors = new List<SubmissionError>();
        SubmissionRules.CheckText("comment", comment, 1000, required: false, errors);
        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors[0].Field, errors[0].Message);
        }

        var now = clock.GetUtcNow();
        (@case.RatingStars, @case.RatingSolved, @case.RatingComment, @case.RatedAt) = (stars, solved, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), now);
        db.CaseEvents.Add(new CaseEvent { CaseId = @case.Id, At = now, Kind = CaseEventKind.Rated, FromState = @case.State, ToState = @case.State, ActorRole = "reporter", IsPublic = true });
        await SaveAsync(@case, cancellationToken);
    }

    /// <summary>Marks <paramref name="duplicate"/> as a duplicate of <paramref name="original"/>; its followers follow the original.</summary>
    public async Task MergeAsync(Case duplicate, Case original, CaseActor actor, string? note, CancellationToken cancellationToken = default)
    {
        if (duplicate.Id == original.Id)
        {
            throw new DomainRuleException("into", "A case cannot be merged into itself.");
        }

        if (!original.IsOpen)
        {
            throw new DomainRuleException("into", $"Case #{original.Id} is {original.State}; merge into an open case.", StatusCodes.Status409Conflict);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var marked = await ApplyAsync(duplicate, actor, new CaseCommand(CaseAction.MarkDuplicate) { Note = note ?? $"与 #{original.Id} 重复 / Duplicate of #{original.Id}" }, cancellationToken);
        duplicate.DuplicateOfId = original.Id;
        foreach (var follower in duplicate.Followers.Where(f => !original.Followers.Any(o => SameFollower(o, f))))
        {
            original.Followers.Add(new CaseFollower { UserId = follower.UserId, Email = follower.Email, Since = marked.At });
        }

        var merged = new CaseEvent
        {
            CaseId = original.Id, At = marked.At, Kind = CaseEventKind.Merged, FromState = original.State, ToState = original.State,
            ActorUserId = actor.UserId, ActorName = actor.Name, ActorRole = actor.Role, IsPublic = true,
            Note = $"#{duplicate.Id} 已并入本案 / Report #{duplicate.Id} was merged into this one",
        };
        db.CaseEvents.Add(merged);
        await notifier.EnqueueAsync(original, original.Category!, merged, cancellationToken);
        await SaveAsync(original, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A resident follows an open case instead of reporting it again.</summary>
    public async Task FollowAsync(Case @case, Guid? userId, string? email, CancellationToken cancellationToken = default)
    {
        if (!@case.IsOpen)
        {
            throw new DomainRuleException("case", "Only open cases can be followed.", StatusCodes.Status409Conflict);
        }

        var follower = new CaseFollower { UserId = userId, Email = email, Since = clock.GetUtcNow() };
        if (!@case.Followers.Any(f => SameFollower(f, follower)))
        {
            @case.Followers.Add(follower);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static bool SameFollower(CaseFollower a, CaseFollower b) =>
        (a.UserId is not null && a.UserId == b.UserId) || (a.Email is not null && string.Equals(a.Email, b.Email, StringComparison.OrdinalIgnoreCase));

    private async Task SaveAsync(Case @case, CancellationToken cancellationToken)
    {
        @case.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("case", "Someone else changed this case just now; reload it and try again.", StatusCodes.Status409Conflict);
        }

        await publicPages.EvictByTagAsync(PublicCaseCache.TagFor(@case.Receipt), cancellationToken);
    }

    private async Task<string> DispatchAsync(Case @case, CaseCommand command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var target = await ManualTargetAsync(@case, command, cancellationToken)
            ?? await DispatchRules.FindAsync(db, @case.Category!, @case.GridPath, cancellationToken)
            ?? throw new DomainRuleException("departmentCode", "No rule matches this case: name a department (departmentCode) or a role and node (role, nodeCode).");
        (@case.AssignedDepartmentId, @case.AssignedRole, @case.AssignedNodeId, @case.HandlerUserId) = (target.DepartmentId, target.Role, target.NodeId, null);
        if (@case.DispatchedAt is null)
        {
            // The clock starts at dispatch; redispatching a returned case does not restart it.
            @case.DispatchedAt = now;
            @case.RespondBy = now.AddMinutes(@case.Category!.RespondWithinMinutes);
            @case.ResolveBy = now.AddMinutes(@case.Category.ResolveWithinMinutes);
        }

        return target.Describe;
    }

    private async Task<DispatchTarget?> ManualTargetAsync(Case @case, CaseCommand command, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(command.DepartmentCode))
        {
            var department = await db.Departments.AsNoTracking().Where(d => d.Code == command.DepartmentCode).Select(d => new { d.Id, d.Code }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainRuleException("departmentCode", $"unknown department '{command.DepartmentCode}'");
            return new DispatchTarget(department.Id, null, null, $"department:{department.Code}");
        }

        if (string.IsNullOrWhiteSpace(command.Role))
        {
            return null;
        }

        if (!Infrastructure.EnumNames.TryParse<People.StaffRole>(command.Role, out var role) || People.RoleAssignment.IsHeldAtDepartment(role) || People.RoleAssignment.IsHeldAtPartner(role))
        {
            throw new DomainRuleException("role", "role must be a role held in the tree, such as GridChief, CommunityWorker or CommunityPolice");
        }

        var code = string.IsNullOrWhiteSpace(command.NodeCode) ? null : command.NodeCode.Trim();
        var node = await db.Nodes.AsNoTracking().Where(n => n.Code == code).Select(n => new { n.Id, n.Code, n.Path }).FirstOrDefaultAsync(cancellationToken);
        if (node is null || !@case.GridPath.StartsWith(node.Path, StringComparison.Ordinal))
        {
            throw new DomainRuleException("nodeCode", "nodeCode must be the case's grid or a node above it");
        }

        return new DispatchTarget(null, role, node.Id, $"{role}@{node.Code}");
    }

    private void AddResolutionPhotos(Case @case, IReadOnlyList<IncomingPhoto> photos, DateTimeOffset now)
    {
        var errors = new List<SubmissionError>();
        var processed = photoProcessor.Process(photos, "photos", errors);
        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors[0].Field, errors[0].Message);
        }

        if (processed.Count == 0 && @case.Category!.ResolutionNeedsPhoto)
        {
            throw new DomainRuleException("photos", $"'{@case.Category.Code}' cases are resolved only with a photo of the fix.");
        }

        foreach (var p in processed)
        {
            db.CasePhotos.Add(new CasePhoto { CaseId = @case.Id, Stage = PhotoStage.Resolution, ContentType = ProcessedPhoto.ContentType, Content = p.Content, Width = p.Width, Height = p.Height, AddedAt = now });
        }
    }

    private void CheckReopenWindow(Case @case, CaseActor actor, DateTimeOffset now)
    {
        var since = @case.ClosedAt ?? @case.ResolvedAt ?? now;
        var window = TimeSpan.FromDays(options.Value.ReopenWindowDays);
        if (actor.IsReporter && !actor.IsDispatcher && now > since + window)
        {
            throw new DomainRuleException("action", $"A case can be reopened within {options.Value.ReopenWindowDays} days of being resolved; please report it again.", StatusCodes.Status409Conflict);
        }
    }

    private static string? CheckNote(CaseAction action, string? note)
    {
        var errors = new List<SubmissionError>();
        var required = action is CaseAction.Note or CaseAction.Resolve or CaseAction.Return or CaseAction.Reopen or CaseAction.Cancel;
        SubmissionRules.CheckText("note", note, 4000, required, errors);
        if (errors.Count > 0)
        {
            throw new DomainRuleException("note", $"note {errors[0].Message}" + (required ? $" to {Describe(action)} a case" : ""));
        }

        return string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    private static string Describe(CaseAction action) => action switch
    {
        CaseAction.MarkDuplicate => "mark as duplicate",
        _ => action.ToString().ToLowerInvariant(),
    };
}
