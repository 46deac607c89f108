using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Endorse.Data;

/// <summary>
/// Loading a large file into an empty table: the table's non-unique indexes are dropped inside the load's own
/// transaction and built again, each in one sorted pass, when the load is done. Adding a million rows one by one to
/// six or seven B-trees costs far more than building them afterwards (PostgreSQL's manual, "Populating a Database").
/// Both databases change their schema transactionally, so a load that fails and rolls back gets its indexes back
/// with everything else. Unique indexes stay: they keep the load's own look-ups fast and enforce the keys.
/// <para>
/// On PostgreSQL dropping an index locks the table against readers until the transaction ends, so this is only done
/// when the table holds no rows at all (nothing to read yet: the first import of a CRM). On SQLite readers go on
/// reading the last committed state.
/// </para>
/// </summary>
public sealed class DeferredIndexes
{
    private readonly DatabaseFacade database;
    private readonly string table;
    private readonly IReadOnlyList<string> definitions;

    private DeferredIndexes(DatabaseFacade database, string table, IReadOnlyList<string> definitions)
    {
        this.database = database;
        this.table = table;
        this.definitions = definitions;
    }

    /// <summary>The CREATE INDEX statements dropped, to be run again by <see cref="RebuildAsync"/>.</summary>
    public IReadOnlyList<string> Definitions => definitions;

    /// <summary>
    /// Drops the table's non-unique indexes when the table is empty and a transaction is open on the context's open
    /// connection; returns null (and changes nothing) otherwise.
    /// </summary>
    public static async Task<DeferredIndexes?> DropIfEmptyAsync(DatabaseFacade database, string table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.CurrentTransaction is null)
        {
            return null;
        }

        var quoted = Quote(table);
        if (await ScalarAsync(database, $"SELECT 1 FROM {quoted} LIMIT 1", null, cancellationToken) is not null)
        {
            return null;
        }

        var sql = database.IsNpgsql()
            ? """
              SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
              WHERE x.indrelid = to_regclass(quote_ident(@table)) AND NOT x.indisunique AND NOT x.indisprimary ORDER BY i.relname
              """
            : "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name";
        var indexes = new List<(string Name, string Definition)>();
        await using (var command = Command(database, sql, table))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ScalarAsync(database, "DROP INDEX " + Quote(name), null, cancellationToken);
        }

        return new DeferredIndexes(database, table, indexes.Select(i => i.Definition).ToList());
    }

    /// <summary>Builds the dropped indexes again, in the same transaction, and refreshes the table's statistics.</summary>
    public async Task RebuildAsync(CancellationToken cancellationToken = default)
    {
        foreach (var definition in definitions)
        {
            await ScalarAsync(database, definition, null, cancellationToken);
        }

        // The planner's picture of the table was "empty"; give it the loaded one before anyone queries it.
        var analyze = database.IsSqlite() ? "PRAGMA analysis_limit = 1000; ANALYZE " : "ANALYZE ";
        await ScalarAsync(database, analyze + Quote(table), null, cancellationToken);
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static DbCommand Command(DatabaseFacade database, string sql, string? table)
    {
        var command = database.GetDbConnection().CreateCommand();
        command.Transaction = database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        if (table is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "table";
            parameter.Value = table;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task<object?> ScalarAsync(DatabaseFacade database, string sql, string? table, CancellationToken cancellationToken)
    {
        await using var command = Command(database, sql, table);
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
