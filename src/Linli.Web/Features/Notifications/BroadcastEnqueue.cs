using System.Data.Common;
using Linli.Web.Data;
using Linli.Web.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Linli.Web.Features.Notifications;

/// <summary>
/// Writes a broadcast and its messages in one transaction, the messages with one INSERT … SELECT over the audience, so
/// a million recipients never pass through this process's memory. Residents get it on the channel they chose for
/// broadcasts (falling back to email, SMS, then the in-app inbox); chiefs on their confirmed email, else SMS, else in-app.
/// Quiet hours are the default window (urgent ones go at once); opt-outs are applied when each message is sent.
/// </summary>
public sealed class BroadcastEnqueue(LinliDb db, TimeProvider clock)
{
    private const string Insert = """
        INSERT INTO outbox_messages ("Channel", "Recipient", "Subject", "Body", "UserId", "Purpose", "CreatedAt", "NextAttemptAt", "Attempts", "BroadcastId", "AudiencePath")
        """;

    private const string EmailOk = """u."EmailConfirmed" AND u."Email" IS NOT NULL""";
    private const string PhoneOk = """u."PhoneNumberConfirmed" AND u."PhoneNumber" IS NOT NULL""";

    public async Task EnqueueAsync(Broadcast broadcast, string nodeName, string? nodeNameEn, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        broadcast.CreatedAt = now;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Broadcasts.Add(broadcast);
            await db.SaveChangesAsync(cancellationToken);

            var next = broadcast.Urgent ? now : QuietHours.Default.NextAllowed(now);
            var subject = Subject(broadcast, nodeName, nodeNameEn);
            broadcast.Recipients = await InsertAudienceAsync(broadcast, subject, next, now, cancellationToken);
            if (broadcast.WeComRobot is { } robot)
            {
                db.Outbox.Add(new OutboxMessage
                {
                    Channel = NotificationChannel.WeCom, Recipient = robot, Subject = subject, Body = broadcast.Text, Purpose = NoticePurpose.Broadcast,
                    BroadcastId = broadcast.Id, CreatedAt = now, NextAttemptAt = next,
                });
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    public static string Subject(Broadcast broadcast, string nodeName, string? nodeNameEn) =>
        $"[邻里 Linli] {(broadcast.Urgent ? "紧急通知 Urgent notice" : "通知 Notice")}: {nodeName}{(nodeNameEn is null ? "" : " / " + nodeNameEn)}";

    private async Task<int> InsertAudienceAsync(Broadcast broadcast, string subject, DateTimeOffset next, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var postgres = db.Database.IsNpgsql();
        var idText = postgres ? """u."Id"::text""" : """lower(u."Id")""";
        string sql;
        if (broadcast.Audience == BroadcastAudience.Residents)
        {
            sql = Insert + $"""

                SELECT
                  CASE WHEN p."Broadcasts" IN ('Email', 'Preferred') AND {EmailOk} THEN 'Email'
                       WHEN p."Broadcasts" IN ('Sms', 'Preferred') AND {PhoneOk} THEN 'Sms'
                       WHEN p."Broadcasts" = 'InApp' THEN 'InApp'
                       WHEN {EmailOk} THEN 'Email' WHEN {PhoneOk} THEN 'Sms' ELSE 'InApp' END,
                  CASE WHEN p."Broadcasts" IN ('Email', 'Preferred') AND {EmailOk} THEN u."Email"
                       WHEN p."Broadcasts" IN ('Sms', 'Preferred') AND {PhoneOk} THEN u."PhoneNumber"
                       WHEN p."Broadcasts" = 'InApp' THEN {idText}
                       WHEN {EmailOk} THEN u."Email" WHEN {PhoneOk} THEN u."PhoneNumber" ELSE {idText} END,
                  @subject, @body, u."Id", 'Broadcast', @now, @next, 0, @broadcast, n."Path"
                FROM household_links h
                JOIN tree_nodes n ON n."Id" = h."UnitNodeId"
                JOIN "AspNetUsers" u ON u."Id" = h."UserId"
                JOIN notification_preferences p ON p."UserId" = h."UserId"
                WHERE n."Path" LIKE @prefix AND p."Broadcasts" <> 'Off'
                """;
        }
        else
        {
            sql = Insert + $"""

                SELECT
                  CASE WHEN {EmailOk} THEN 'Email' WHEN {PhoneOk} THEN 'Sms' ELSE 'InApp' END,
                  CASE WHEN {EmailOk} THEN u."Email" WHEN {PhoneOk} THEN u."PhoneNumber" ELSE {idText} END,
                  @subject, @body, u."Id", 'Broadcast', @now, @next, 0, @broadcast, MIN(n."Path")
                FROM role_assignments r
                JOIN tree_nodes n ON n."Id" = r."NodeId"
                JOIN "AspNetUsers" u ON u."Id" = r."UserId"
                WHERE r."Role" = @role AND n."Path" LIKE @prefix
                GROUP BY u."Id", u."Email", u."EmailConfirmed", u."PhoneNumber", u."PhoneNumberConfirmed"
                """;
        }

        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandTimeout = 600;
        Add(command, "subject", subject);
        Add(command, "body", broadcast.Text);
        Add(command, "now", postgres ? now : now.UtcTicks);
        Add(command, "next", postgres ? next : next.UtcTicks);
        Add(command, "broadcast", broadcast.Id);
        Add(command, "prefix", broadcast.NodePath + "%");
        Add(command, "role", ChiefRole(broadcast.Audience).ToString());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static StaffRole ChiefRole(BroadcastAudience audience) => audience switch
    {
        BroadcastAudience.GridChiefs => StaffRole.GridChief,
        BroadcastAudience.BuildingChiefs => StaffRole.BuildingChief,
        _ => StaffRole.UnitChief,
    };

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
