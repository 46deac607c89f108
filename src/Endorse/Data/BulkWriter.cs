using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using SQLitePCL;

namespace Endorse.Data;

/// <summary>A column of a bulk write: its name in the table and how to read its value from a row.</summary>
public sealed record BulkColumn<T>(string Name, Func<T, object?> Value);

/// <summary>
/// Writes many rows past EF Core's change tracker, on the DbContext's own connection and inside its current
/// transaction (so a rollback takes the rows back with everything else): binary COPY on PostgreSQL, one
/// prepared statement reused for every row on SQLite. Values are converted as EF Core stores them (on SQLite,
/// instants as sortable integers and money as doubles; see <see cref="SqliteConventions"/>). The caller opens
/// the connection and keeps it open while the writer is used.
/// </summary>
public abstract class BulkWriter : IAsyncDisposable
{
    private protected BulkWriter(DatabaseFacade database) => Database = database;

    private protected DatabaseFacade Database { get; }

    public static BulkWriter For(DatabaseFacade database) =>
        database.IsSqlite() ? new SqliteBulkWriter(database) : new PostgresBulkWriter(database);

    /// <summary>Inserts the rows; returns how many were written.</summary>
    public abstract Task<long> InsertAsync<T>(string table, IReadOnlyList<BulkColumn<T>> columns, IEnumerable<T> rows, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets <paramref name="columns"/> of each row whose <paramref name="keys"/> all equal the row's values (a key
    /// may be a concurrency token); returns how many rows the database updated.
    /// </summary>
    public abstract Task<long> UpdateAsync<T>(string table, IReadOnlyList<BulkColumn<T>> keys, IReadOnlyList<BulkColumn<T>> columns, IReadOnlyList<T> rows, CancellationToken cancellationToken = default);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private protected static string Quote(string name) => "\"" + name + "\"";

    private protected static string Names<T>(IEnumerable<BulkColumn<T>> columns) => string.Join(", ", columns.Select(c => Quote(c.Name)));

    /// <summary>
    /// SQLite runs in-process, so a statement prepared once and stepped per row is as fast as writing gets; it is driven
    /// through SQLite's own API (bind, step, reset) because Microsoft.Data.Sqlite opens a data reader for every
    /// execution, which costs as much as the insert itself. Statements run in the connection's current transaction.
    /// </summary>
    private sealed class SqliteBulkWriter(DatabaseFacade database) : BulkWriter(database)
    {
        private static readonly DateTimeOffsetToBinaryConverter Instant = new();
        private readonly Dictionary<string, sqlite3_stmt> prepared = new(StringComparer.Ordinal);

        private sqlite3 Handle => ((SqliteConnection)Database.GetDbConnection()).Handle
            ?? throw new InvalidOperationException("The connection must be open for a bulk write.");

        public override Task<long> InsertAsync<T>(string table, IReadOnlyList<BulkColumn<T>> columns, IEnumerable<T> rows, CancellationToken cancellationToken = default)
        {
            var sql = $"INSERT INTO {Quote(table)} ({Names(columns)}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
            return Task.FromResult(Execute(sql, columns, rows, cancellationToken));
        }

        public override Task<long> UpdateAsync<T>(string table, IReadOnlyList<BulkColumn<T>> keys, IReadOnlyList<BulkColumn<T>> columns, IReadOnlyList<T> rows, CancellationToken cancellationToken = default)
        {
            var set = string.Join(", ", columns.Select(c => $"{Quote(c.Name)} = ?"));
            var where = string.Join(" AND ", keys.Select(k => $"{Quote(k.Name)} = ?"));
            return Task.FromResult(Execute($"UPDATE {Quote(table)} SET {set} WHERE {where}", [.. columns, .. keys], rows, cancellationToken));
        }

        public override async ValueTask DisposeAsync()
        {
            foreach (var statement in prepared.Values)
            {
                statement.Dispose();
            }

            prepared.Clear();
            await base.DisposeAsync();
        }

        private long Execute<T>(string sql, IReadOnlyList<BulkColumn<T>> columns, IEnumerable<T> rows, CancellationToken cancellationToken)
        {
            var db = Handle;
            if (!prepared.TryGetValue(sql, out var statement))
            {
                Check(raw.sqlite3_prepare_v2(db, sql, out statement), db);
                prepared[sql] = statement;
            }

            long affected = 0;
            var count = 0;
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    Check(Bind(statement, i + 1, columns[i].Value(row)), db);
                }

                var rc = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (rc != raw.SQLITE_DONE)
                {
                    Check(rc, db);
                }

                affected += raw.sqlite3_changes(db);
                if (++count % 4096 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            raw.sqlite3_clear_bindings(statement);
            return affected;
        }

        private static void Check(int rc, sqlite3 db)
        {
            if (rc != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, db);
            }
        }

        // As EF Core stores them on SQLite: instants as sortable integers, money as REAL, dates as yyyy-MM-dd text.
        private static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
        {
            null => raw.sqlite3_bind_null(statement, index),
            string text => raw.sqlite3_bind_text(statement, index, text),
            int number => raw.sqlite3_bind_int64(statement, index, number),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
            double number => raw.sqlite3_bind_double(statement, index, number),
            decimal money => raw.sqlite3_bind_double(statement, index, (double)money),
            DateTimeOffset instant => raw.sqlite3_bind_int64(statement, index, Instant.ConvertToProviderTyped(instant)),
            DateOnly day => raw.sqlite3_bind_text(statement, index, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException($"A bulk write cannot store a {value.GetType().Name} on SQLite."),
        };
    }

    private sealed class PostgresBulkWriter(DatabaseFacade database) : BulkWriter(database)
    {
        private NpgsqlConnection Connection => (NpgsqlConnection)Database.GetDbConnection();

        public override async Task<long> InsertAsync<T>(string table, IReadOnlyList<BulkColumn<T>> columns, IEnumerable<T> rows, CancellationToken cancellationToken = default) =>
            await CopyAsync($"COPY {Quote(table)} ({Names(columns)}) FROM STDIN (FORMAT BINARY)", columns, rows, cancellationToken);

        public override async Task<long> UpdateAsync<T>(string table, IReadOnlyList<BulkColumn<T>> keys, IReadOnlyList<BulkColumn<T>> columns, IReadOnlyList<T> rows, CancellationToken cancellationToken = default)
        {
            if (rows.Count == 0)
            {
                return 0;
            }

            // The new values go into a temporary table by COPY, then one joined UPDATE applies them all. The
            // temporary table takes its column types from the target (k0… are the keys, c0… the new values).
            var staging = Quote("bulk_update_" + table);
            var aliases = keys.Select((k, i) => $"{Quote(k.Name)} AS k{i}").Concat(columns.Select((c, i) => $"{Quote(c.Name)} AS c{i}"));
            await ExecuteAsync($"DROP TABLE IF EXISTS {staging}; CREATE TEMPORARY TABLE {staging} AS SELECT {string.Join(", ", aliases)} FROM {Quote(table)} WITH NO DATA", cancellationToken);
            var staged = keys.Select((k, i) => k with { Name = "k" + i.ToString(CultureInfo.InvariantCulture) })
                .Concat(columns.Select((c, i) => c with { Name = "c" + i.ToString(CultureInfo.InvariantCulture) }))
                .ToList();
            await CopyAsync($"COPY {staging} ({string.Join(", ", staged.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)", staged, rows, cancellationToken);
            var set = string.Join(", ", columns.Select((c, i) => $"{Quote(c.Name)} = s.c{i}"));
            var where = string.Join(" AND ", keys.Select((k, i) => $"t.{Quote(k.Name)} = s.k{i}"));
            var updated = await ExecuteAsync($"UPDATE {Quote(table)} AS t SET {set} FROM {staging} AS s WHERE {where}", cancellationToken);
            await ExecuteAsync($"DROP TABLE {staging}", cancellationToken);
            return updated;
        }

        private async Task<long> CopyAsync<T>(string copy, IReadOnlyList<BulkColumn<T>> columns, IEnumerable<T> rows, CancellationToken cancellationToken)
        {
            long count = 0;
            await using var importer = await Connection.BeginBinaryImportAsync(copy, cancellationToken);
            importer.Timeout = TimeSpan.Zero;
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = columns[i].Value(row);
                    if (value is null)
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await importer.WriteAsync(value, cancellationToken);
                    }
                }

                count++;
            }

            await importer.CompleteAsync(cancellationToken);
            return count;
        }

        private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken)
        {
            await using var command = Connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 0;
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
