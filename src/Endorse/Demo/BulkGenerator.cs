using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Endorse.Accounts;
using Endorse.Contacts;
using Endorse.Data;
using Endorse.Opportunities;
using Endorse.Users;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Demo;

/// <summary>How much the scale generator writes.</summary>
public sealed record GenerateOptions(int Accounts, int Contacts, int Opportunities, int Seed = 42);

/// <summary>What the scale generator wrote and how long it took.</summary>
public sealed record GenerateResult(long Accounts, long AccountProducts, long Contacts, long Opportunities, TimeSpan Elapsed);

/// <summary>
/// Writes generated data in bulk through <see cref="BulkWriter"/>, bypassing the change tracker: binary COPY on
/// PostgreSQL, a prepared INSERT reused in one transaction per 50,000 rows on SQLite. Fills the search columns, size
/// band and timestamps exactly as <see cref="EndorseDbContext"/> would on save, so the rows read back through EF Core
/// like any other.
/// </summary>
public static class BulkGenerator
{
    private const int SqliteBatch = 50_000;
    private const int RebuildIndexesFrom = 100_000;
    private const int ProgressEvery = 100_000;

    public static async Task<GenerateResult> RunAsync(EndorseDbContext db, GenerateOptions options, TimeProvider clock, Action<string> log, CancellationToken cancellationToken = default)
    {
        var total = Stopwatch.StartNew();
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var catalog = await DemoCatalog.EnsureAsync(db, today, cancellationToken);
        var owners = await SalesRepIdsAsync(db, cancellationToken);
        var generator = new DataGenerator(options.Seed, catalog, owners, today);

        var firstAccountId = (await db.Accounts.MaxAsync(a => (int?)a.Id, cancellationToken) ?? 0) + 1;
        int AccountId(int index) => firstAccountId + index;

        var isSqlite = db.Database.IsSqlite();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var writer = BulkWriter.For(db.Database);
            if (isSqlite)
            {
                await ExecuteAsync(connection, "PRAGMA cache_size=-262144; PRAGMA synchronous=NORMAL;", cancellationToken);
            }

            var owned = new List<AccountProduct>();
            var index = 0;
            var accounts = generator.Accounts(options.Accounts).Select(a =>
            {
                a.Id = AccountId(index++);
                Stamp(a, now);
                a.Products.ForEach(p => p.AccountId = a.Id);
                owned.AddRange(a.Products);
                return a;
            });
            var accountRows = await WriteAsync(db, writer, "Accounts", [new("Id", a => a.Id), .. BulkColumns.Accounts], accounts, options.Accounts, Progress(log, "accounts", options.Accounts), cancellationToken);
            if (!isSqlite && accountRows > 0)
            {
                await ExecuteAsync(connection, "SELECT setval(pg_get_serial_sequence('\"Accounts\"', 'Id'), (SELECT MAX(\"Id\") FROM \"Accounts\"))", cancellationToken);
            }

            var productRows = await WriteAsync(db, writer, "AccountProducts", BulkColumns.AccountProducts, owned, owned.Count, Progress(log, "products owned", owned.Count), cancellationToken);
            var contacts = generator.Contacts(options.Contacts, AccountId).Select(c => Stamp(c, now));
            var contactRows = await WriteAsync(db, writer, "Contacts", BulkColumns.Contacts, contacts, options.Contacts, Progress(log, "contacts", options.Contacts), cancellationToken);
            var opportunities = generator.Opportunities(options.Opportunities, AccountId).Select(o => Stamp(o, now));
            var opportunityRows = await WriteAsync(db, writer, "Opportunities", BulkColumns.Opportunities, opportunities, options.Opportunities, Progress(log, "opportunities", options.Opportunities), cancellationToken);

            log("Updating the query planner's statistics…");
            await ExecuteAsync(connection, "ANALYZE", cancellationToken);

            db.Audit("DataGenerator", options.Seed.ToString(CultureInfo.InvariantCulture), "Generated", JsonSerializer.Serialize(new { accounts = accountRows, contacts = contactRows, opportunities = opportunityRows, options.Seed }));
            await db.SaveChangesAsync(cancellationToken);
            return new GenerateResult(accountRows, productRows, contactRows, opportunityRows, total.Elapsed);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The ids of the users in the sales rep role, in a stable order, so accounts are dealt out to them.</summary>
    public static async Task<List<string?>> SalesRepIdsAsync(EndorseDbContext db, CancellationToken cancellationToken = default)
    {
        var ids = await (from userRole in db.UserRoles
                         join role in db.Roles on userRole.RoleId equals role.Id
                         where role.Name == Roles.SalesRep
                         orderby userRole.UserId
                         select userRole.UserId).ToListAsync(cancellationToken);
        return ids.Cast<string?>().ToList();
    }

    private static Action<long, TimeSpan> Progress(Action<string> log, string what, long expected) => (rows, elapsed) =>
    {
        var rate = elapsed.TotalSeconds > 0 ? rows / elapsed.TotalSeconds : 0;
        var done = rows >= expected;
        log(string.Create(CultureInfo.InvariantCulture, $"{what}: {rows:N0} / {expected:N0} rows, {rate:N0} rows/s{(done ? $", {elapsed.TotalSeconds:N1} s" : string.Empty)}"));
    };

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static T Stamp<T>(T entity, DateTimeOffset now)
        where T : class
    {
        Timestamps.Stamp(entity, now, isNew: true);
        return entity;
    }

    /// <summary>
    /// PostgreSQL: one COPY per table, indexes kept. SQLite: a transaction per 50,000 rows; inserting into a dozen
    /// secondary indexes row by row costs SQLite far more than building them once afterwards from sorted data, so
    /// a large write drops the table's indexes and recreates them from their own SQL.
    /// </summary>
    private static async Task<long> WriteAsync<T>(EndorseDbContext db, BulkWriter writer, string table, BulkColumn<T>[] columns, IEnumerable<T> rows, long expected, Action<long, TimeSpan> progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        long count = 0;
        var counted = rows.Select(row =>
        {
            if (++count % ProgressEvery == 0)
            {
                progress(count, watch.Elapsed);
            }

            return row;
        });

        if (!db.Database.IsSqlite())
        {
            await writer.InsertAsync(table, columns, counted, cancellationToken);
        }
        else
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var indexes = expected >= RebuildIndexesFrom ? await DropIndexesAsync(connection, table, cancellationToken) : [];
            try
            {
                foreach (var chunk in counted.Chunk(SqliteBatch))
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    await writer.InsertAsync(table, columns, chunk, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                foreach (var sql in indexes)
                {
                    await ExecuteAsync(connection, sql, CancellationToken.None);
                }
            }
        }

        if (count % ProgressEvery != 0 || count == 0)
        {
            progress(count, watch.Elapsed);
        }

        return count;
    }

    private static async Task<List<string>> DropIndexesAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var query = connection.CreateCommand())
        {
            query.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $table AND sql IS NOT NULL";
            query.Parameters.AddWithValue("$table", table);
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"", cancellationToken);
        }

        return indexes.Select(i => i.Sql).ToList();
    }
}
