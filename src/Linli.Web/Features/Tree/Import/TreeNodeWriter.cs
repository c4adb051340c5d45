using System.Globalization;
using Linli.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Linli.Web.Features.Tree.Import;

/// <summary>
/// Inserts new tree nodes in bulk inside the current transaction and sets their <see cref="TreeNode.Id"/>, without EF
/// change tracking: SQLite gets one prepared INSERT … RETURNING run once per row, PostgreSQL a binary COPY followed by
/// one query for the new ids. Other providers fall back to AddRange/SaveChanges. Table and column names and the Kind and
/// Geometry conversions come from the EF model, so they follow <see cref="TreeNodeConfiguration"/>.
/// </summary>
internal static class TreeNodeWriter
{
    private static readonly string[] Columns =
    [
        nameof(TreeNode.Code), nameof(TreeNode.ParentId), nameof(TreeNode.Kind), nameof(TreeNode.Name), nameof(TreeNode.NameEn),
        nameof(TreeNode.IsRural), nameof(TreeNode.Path), nameof(TreeNode.Depth), nameof(TreeNode.Geometry),
    ];

    /// <param name="needIds">Whether the caller needs the new ids (false for units, which have no children).</param>
    public static async Task InsertAsync(LinliDb db, IReadOnlyList<TreeNode> nodes, bool needIds, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("TreeNodeWriter runs inside the import's transaction.");
        var model = new ModelNames(db);
        switch (db.Database.GetDbConnection())
        {
            case SqliteConnection sqlite:
                await InsertSqliteAsync(sqlite, (SqliteTransaction)transaction, model, nodes, cancellationToken);
                break;
            case NpgsqlConnection npgsql:
                await CopyPostgresAsync(npgsql, model, nodes, needIds, cancellationToken);
                break;
            default:
                db.Nodes.AddRange(nodes);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                break;
        }
    }

    private static async Task InsertSqliteAsync(
        SqliteConnection connection, SqliteTransaction transaction, ModelNames model, IReadOnlyList<TreeNode> nodes, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {model.Table} ({string.Join(", ", model.ColumnNames)}) " +
            $"VALUES ({string.Join(", ", Columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))}) RETURNING {model.IdColumn}";
        var parameters = Columns.Select((_, i) => command.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i.ToString(CultureInfo.InvariantCulture) })).ToArray();
        command.Prepare();
        foreach (var node in nodes)
        {
            var values = model.Values(node);
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            node.Id = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
    }

    private static async Task CopyPostgresAsync(
        NpgsqlConnection connection, ModelNames model, IReadOnlyList<TreeNode> nodes, bool needIds, CancellationToken cancellationToken)
    {
        NpgsqlDbType[] types =
        [
            NpgsqlDbType.Varchar, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar,
            NpgsqlDbType.Boolean, NpgsqlDbType.Varchar, NpgsqlDbType.Integer, NpgsqlDbType.Bytea,
        ];
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY {model.Table} ({string.Join(", ", model.ColumnNames)}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var node in nodes)
            {
                await copy.StartRowAsync(cancellationToken);
                var values = model.Values(node);
                for (var i = 0; i < values.Length; i++)
                {
                    if (values[i] is null)
                    {
                        await copy.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await copy.WriteAsync(values[i], types[i], cancellationToken);
                    }
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        if (!needIds)
        {
            return;
        }

        var byCode = nodes.ToDictionary(n => n.Code, StringComparer.Ordinal);
        await using var read = connection.CreateCommand();
        read.CommandText = $"SELECT {model.CodeColumn}, {model.IdColumn} FROM {model.Table} WHERE {model.CodeColumn} = ANY(@codes)";
        read.Parameters.Add(new NpgsqlParameter<string[]>("codes", [.. byCode.Keys]));
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            byCode[reader.GetString(0)].Id = reader.GetInt32(1);
        }
    }

    /// <summary>Quoted names and provider values for the columns in <see cref="Columns"/>, read from the EF model.</summary>
    private sealed class ModelNames
    {
        private readonly IProperty _kind;
        private readonly IProperty _geometry;

        public ModelNames(LinliDb db)
        {
            var entity = db.Model.FindEntityType(typeof(TreeNode))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
            Table = sql.DelimitIdentifier(table.Name, table.Schema);
            ColumnNames = [.. Columns.Select(Column)];
            IdColumn = Column(nameof(TreeNode.Id));
            CodeColumn = Column(nameof(TreeNode.Code));
            _kind = entity.FindProperty(nameof(TreeNode.Kind))!;
            _geometry = entity.FindProperty(nameof(TreeNode.Geometry))!;
        }

        public string Table { get; }
        public string[] ColumnNames { get; }
        public string IdColumn { get; }
        public string CodeColumn { get; }

        public object?[] Values(TreeNode node) =>
        [
            node.Code, node.ParentId, ToProvider(_kind, node.Kind), node.Name, node.NameEn, node.IsRural, node.Path, node.Depth,
            node.Geometry is null ? null : ToProvider(_geometry, node.Geometry),
        ];

        private static object? ToProvider(IProperty property, object value) =>
            (property.GetValueConverter() ?? property.GetTypeMapping().Converter)?.ConvertToProvider(value) ?? value;
    }
}
