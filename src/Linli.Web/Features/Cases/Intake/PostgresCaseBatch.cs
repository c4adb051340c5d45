using System.Data;
using System.Text.Json;
using Linli.Web.Features.Notifications;
using Linli.Web.Features.Rates.Rollups;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Linli.Web.Features.Cases.Intake;

/// <summary>
/// Writes a batch of new cases to PostgreSQL without EF Core's change tracking, which cost more CPU than everything
/// else in a report: one read of the case numbers from the table's own sequence, then one round trip that inserts the
/// cases, their events, followers, photos and outbox messages as arrays (one statement per table) and their roll-ups, then the commit.
/// The columns are the ones intake fills in; the others keep their defaults (null, or 0 for the counters).
/// <c>IntakeWriterTests</c> reads a written case back through EF and compares every mapped property, so a column added
/// to <see cref="Case"/> and set by intake cannot be missed here silently.
/// </summary>
public static class PostgresCaseBatch
{
    private const string ReserveNumbers = """SELECT nextval(pg_get_serial_sequence('cases', 'Id')) FROM generate_series(1, $1)""";

    private const string InsertCases = """
        INSERT INTO cases ("Id", "Receipt", "CategoryId", "Description", "Answers", "Source", "State", "Latitude", "Longitude",
          "Address", "GridNodeId", "GridPath", "BuildingCode", "ReporterUserId", "ReporterName", "ReporterEmail", "ReporterPhone",
          "ReporterAnonymous", "FiledByUserId", "AssignedDepartmentId", "AssignedRole", "AssignedNodeId", "ReportedAt",
          "DispatchedAt", "RespondBy", "ResolveBy", "EscalationLevel", "ClientRequestKey", "RequestFingerprint", "Open311Token",
          "Open311ApiKeyName", "VolunteerAssociationId", "Version")
        SELECT u.id, u.receipt, u.category, u.description, u.answers::jsonb, u.source, u.state, u.latitude, u.longitude,
          u.address, u.grid, u.grid_path, u.building, u.reporter, u.name, u.email, u.phone,
          u.anonymous, u.filed_by, u.department, u.role, u.node, u.reported_at,
          u.dispatched_at, u.respond_by, u.resolve_by, 0, u.request_key, u.fingerprint, u.token,
          u.key_name, u.association, 0
        FROM unnest($1::bigint[], $2::text[], $3::integer[], $4::text[], $5::text[], $6::text[], $7::text[], $8::double precision[],
          $9::double precision[], $10::text[], $11::integer[], $12::text[], $13::text[], $14::uuid[], $15::text[], $16::text[],
          $17::text[], $18::boolean[], $19::uuid[], $20::integer[], $21::text[], $22::integer[], $23::timestamptz[],
          $24::timestamptz[], $25::timestamptz[], $26::timestamptz[], $27::text[], $28::text[], $29::text[], $30::text[], $31::integer[])
          AS u(id, receipt, category, description, answers, source, state, latitude, longitude, address, grid, grid_path, building,
          reporter, name, email, phone, anonymous, filed_by, department, role, node, reported_at, dispatched_at, respond_by,
          resolve_by, request_key, fingerprint, token, key_name, association)
        """;

    private const string InsertEvents = """
        INSERT INTO case_events ("CaseId", "At", "Kind", "FromState", "ToState", "ActorUserId", "ActorRole", "ActorName", "Note",
          "IsPublic", "EscalatedTo", "ClientRequestKey")
        SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[],
          $9::text[], $10::boolean[], $11::text[], $12::text[])
        """;

    private const string InsertFollowers = """
        INSERT INTO case_followers ("CaseId", "UserId", "Email", "IsReporter", "Since")
        SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::boolean[], $5::timestamptz[])
        """;

    private const string InsertPhotos = """
        INSERT INTO case_photos ("CaseId", "Stage", "ContentType", "Content", "Width", "Height", "AddedAt")
        SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bytea[], $5::integer[], $6::integer[], $7::timestamptz[])
        """;

    private const string InsertOutbox = """
        INSERT INTO outbox_messages ("Channel", "Recipient", "Subject", "Body", "CaseId", "CreatedAt", "NextAttemptAt", "Attempts", "Purpose")
        SELECT u.channel, u.recipient, u.subject, u.body, u.case_id, u.created_at, u.next_attempt_at, 0, 'Service'
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::timestamptz[], $7::timestamptz[])
          AS u(channel, recipient, subject, body, case_id, created_at, next_attempt_at)
        """;

    /// <summary>Gives each case its number (and its rows their case id) from the <c>cases</c> sequence.</summary>
    public static async Task NumberAsync(NpgsqlConnection connection, IReadOnlyList<Case> cases)
    {
        await using var command = new NpgsqlCommand(ReserveNumbers, connection) { Parameters = { new() { Value = cases.Count } } };
        await using var reader = await command.ExecuteReaderAsync();
        foreach (var @case in cases)
        {
            await reader.ReadAsync();
            @case.Id = reader.GetInt64(0);
            @case.Events.ForEach(e => e.CaseId = @case.Id);
            @case.Followers.ForEach(f => f.CaseId = @case.Id);
            @case.Photos.ForEach(p => p.CaseId = @case.Id);
        }
    }

    /// <summary>Inserts numbered cases and their messages in one transaction; a unique key clash surfaces as EF's <see cref="DbUpdateException"/>.</summary>
    public static async Task InsertAsync(NpgsqlConnection connection, IReadOnlyList<Case> cases, IReadOnlyList<OutboxMessage> messages)
    {
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Cases(cases));
        var events = cases.SelectMany(c => c.Events).ToList();
        batch.BatchCommands.Add(Command(InsertEvents,
            events.Select(e => e.CaseId).ToArray(), events.Select(e => e.At).ToArray(), Names(events, e => e.Kind),
            events.Select(e => e.FromState?.ToString()).ToArray(), Names(events, e => e.ToState), events.Select(e => e.ActorUserId).ToArray(),
            events.Select(e => e.ActorRole).ToArray(), events.Select(e => e.ActorName).ToArray(), events.Select(e => e.Note).ToArray(),
            events.Select(e => e.IsPublic).ToArray(), events.Select(e => e.EscalatedTo).ToArray(), events.Select(e => e.ClientRequestKey).ToArray()));
        var followers = cases.SelectMany(c => c.Followers).ToList();
        if (followers.Count > 0)
        {
            batch.BatchCommands.Add(Command(InsertFollowers,
                followers.Select(f => f.CaseId).ToArray(), followers.Select(f => f.UserId).ToArray(), followers.Select(f => f.Email).ToArray(),
                followers.Select(f => f.IsReporter).ToArray(), followers.Select(f => f.Since).ToArray()));
        }

        var photos = cases.SelectMany(c => c.Photos).ToList();
        if (photos.Count > 0)
        {
            batch.BatchCommands.Add(Command(InsertPhotos,
                photos.Select(p => p.CaseId).ToArray(), Names(photos, p => p.Stage), photos.Select(p => p.ContentType).ToArray(),
                photos.Select(p => p.Content).ToArray(), photos.Select(p => p.Width).ToArray(), photos.Select(p => p.Height).ToArray(),
                photos.Select(p => p.AddedAt).ToArray()));
        }

        // The roll-ups, which EF's interceptor keeps for every other write of a case.
        var rollups = new RollupDelta();
        foreach (var @case in cases)
        {
            rollups.Add(CaseFacts.Of(@case), +1);
        }

        foreach (var command in RollupWriter.Commands(rollups))
        {
            batch.BatchCommands.Add(command);
        }

        if (messages.Count > 0)
        {
            batch.BatchCommands.Add(Command(InsertOutbox,
                Names(messages, m => m.Channel), messages.Select(m => m.Recipient).ToArray(), messages.Select(m => m.Subject).ToArray(),
                messages.Select(m => m.Body).ToArray(), messages.Select(m => m.CaseId).ToArray(), messages.Select(m => m.CreatedAt).ToArray(),
                messages.Select(m => m.NextAttemptAt).ToArray()));
        }

        try
        {
            await batch.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new DbUpdateException($"A new case clashed with a stored one ({e.ConstraintName}).", e);
        }
    }

    private static NpgsqlBatchCommand Cases(IReadOnlyList<Case> cases) => Command(InsertCases,
        cases.Select(c => c.Id).ToArray(), cases.Select(c => c.Receipt).ToArray(), cases.Select(c => c.CategoryId).ToArray(),
        cases.Select(c => c.Description).ToArray(), cases.Select(c => JsonSerializer.Serialize(c.Answers)).ToArray(),
        Names(cases, c => c.Source), Names(cases, c => c.State), cases.Select(c => c.Latitude).ToArray(), cases.Select(c => c.Longitude).ToArray(),
        cases.Select(c => c.Address).ToArray(), cases.Select(c => c.GridNodeId).ToArray(), cases.Select(c => c.GridPath).ToArray(),
        cases.Select(c => c.BuildingCode).ToArray(), cases.Select(c => c.ReporterUserId).ToArray(), cases.Select(c => c.ReporterName).ToArray(),
        cases.Select(c => c.ReporterEmail).ToArray(), cases.Select(c => c.ReporterPhone).ToArray(), cases.Select(c => c.ReporterAnonymous).ToArray(),
        cases.Select(c => c.FiledByUserId).ToArray(), cases.Select(c => c.AssignedDepartmentId).ToArray(), cases.Select(c => c.AssignedRole?.ToString()).ToArray(),
        cases.Select(c => c.AssignedNodeId).ToArray(), cases.Select(c => c.ReportedAt).ToArray(), cases.Select(c => c.DispatchedAt).ToArray(),
        cases.Select(c => c.RespondBy).ToArray(), cases.Select(c => c.ResolveBy).ToArray(), cases.Select(c => c.ClientRequestKey).ToArray(),
        cases.Select(c => c.RequestFingerprint).ToArray(), cases.Select(c => c.Open311Token).ToArray(), cases.Select(c => c.Open311ApiKeyName).ToArray(),
        cases.Select(c => c.VolunteerAssociationId).ToArray());

    /// <summary>Enums are stored by name, as EF's conversion does.</summary>
    private static string[] Names<T, TEnum>(IEnumerable<T> rows, Func<T, TEnum> value) where TEnum : struct, Enum =>
        [.. rows.Select(r => value(r).ToString())];

    private static NpgsqlBatchCommand Command(string sql, params object[] arrays)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var array in arrays)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = array });
        }

        return command;
    }
}
