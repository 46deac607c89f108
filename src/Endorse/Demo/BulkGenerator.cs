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
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Endorse.Demo;

/// <summary>How much the scale generator writes.</summary>
public sealed record GenerateOptions(int Accounts, int Contacts, int Opportunities, int Seed = 42);

/// <summary>What the scale generator wrote and how long it took.</summary>
public sealed record GenerateResult(long Accounts, long AccountProducts, long Contacts, long Opportunities, TimeSpan Elapsed);

/// <summary>
/// Writes generated data in bulk, bypassing the change tracker: binary COPY on PostgreSQL, a prepared INSERT
/// reused in one transaction per 50,000 rows on SQLite. Fills the search columns, size band and timestamps
/// exactly as <see cref="EndorseDbContext"/> would on save, so the rows read back through EF Core like any other.
/// </summary>
public static class BulkGenerator
{
    private const int SqliteBatch = 50_000;
    private const int RebuildIndexesFrom = 100_000;
    private const int ProgressEvery = 100_000;
    private static readonly DateTimeOffsetToBinaryConverter SqliteInstant = new();

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
            ITableWriter writer = isSqlite ? new SqliteTableWriter((SqliteConnection)connection) : new PostgresTableWriter((NpgsqlConnection)connection);
            if (isSqlite)
            {
                await ExecuteAsync(connection, "PRAGMA cache_size=-262144; PRAGMA synchronous=NORMAL;", cancellationToken);
            }

            object Instant(DateTimeOffset value) => isSqlite ? SqliteInstant.ConvertToProviderTyped(value) : value;
            object? Money(decimal? value) => value is null ? null : isSqlite ? (double)value.Value : value.Value;

            var owned = new List<(int AccountId, int ProductId, DateOnly? GoLiveOn)>();
            var index = 0;
            var accounts = generator.Accounts(options.Accounts).Select(a =>
            {
                a.Id = AccountId(index++);
                owned.AddRange(a.Products.Select(p => (a.Id, p.ProductId, p.GoLiveOn)));
                return a;
            });
            var accountRows = await writer.WriteAsync("Accounts", AccountColumns(Instant(now), Money), accounts, options.Accounts, Progress(log, "accounts", options.Accounts), cancellationToken);
            if (!isSqlite && accountRows > 0)
            {
                await ExecuteAsync(connection, "SELECT setval(pg_get_serial_sequence('\"Accounts\"', 'Id'), (SELECT MAX(\"Id\") FROM \"Accounts\"))", cancellationToken);
            }

            var productRows = await writer.WriteAsync("AccountProducts", AccountProductColumns, owned, owned.Count, Progress(log, "products owned", owned.Count), cancellationToken);
            var contactRows = await writer.WriteAsync("Contacts", ContactColumns(Instant(now)), generator.Contacts(options.Contacts, AccountId), options.Contacts, Progress(log, "contacts", options.Contacts), cancellationToken);
            var opportunityRows = await writer.WriteAsync("Opportunities", OpportunityColumns(Instant(now), Money), generator.Opportunities(options.Opportunities, AccountId), options.Opportunities, Progress(log, "opportunities", options.Opportunities), cancellationToken);

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

    private static Column<Account>[] AccountColumns(object now, Func<decimal?, object?> money) =>
    [
        new("Id", a => a.Id),
        new("Name", a => a.Name),
        new("NameSearch", a => a.NameSearch),
        new("Website", a => a.Website),
        new("Country", a => a.Country),
        new("SectorId", a => a.SectorId),
        new("RegionId", a => a.RegionId),
        new("SalesAreaId", a => a.SalesAreaId),
        new("Employees", a => a.Employees),
        new("SizeBand", a => (int)a.SizeBand),
        new("AnnualRevenue", a => money(a.AnnualRevenue)),
        new("CustomerSince", a => a.CustomerSince),
        new("ContractSignedOn", a => a.ContractSignedOn),
        new("RenewalOn", a => a.RenewalOn),
        new("SatisfactionKind", a => (int)a.SatisfactionKind),
        new("SatisfactionScore", a => a.SatisfactionScore),
        new("SatisfactionMeasuredOn", a => a.SatisfactionMeasuredOn),
        new("OpenEscalations", a => a.OpenEscalations),
        new("OwnerId", a => a.OwnerId),
        new("OwnerExternalId", a => a.OwnerExternalId),
        new("DisclosurePermission", a => (int)a.DisclosurePermission),
        new("Notes", a => a.Notes),
        new("Source", a => (int)a.Source),
        new("ExternalId", a => a.ExternalId),
        new("CreatedAt", _ => now),
        new("UpdatedAt", _ => now),
    ];

    private static readonly Column<(int AccountId, int ProductId, DateOnly? GoLiveOn)>[] AccountProductColumns =
    [
        new("AccountId", p => p.AccountId),
        new("ProductId", p => p.ProductId),
        new("GoLiveOn", p => p.GoLiveOn),
    ];

    private static Column<Contact>[] ContactColumns(object now) =>
    [
        new("AccountId", c => c.AccountId),
        new("FirstName", c => c.FirstName),
        new("LastName", c => c.LastName),
        new("NameSearch", c => c.NameSearch),
        new("FirstNameSearch", c => c.FirstNameSearch),
        new("Email", c => c.Email),
        new("EmailSearch", c => c.EmailSearch),
        new("Phone", c => c.Phone),
        new("Title", c => c.Title),
        new("SeniorityTier", c => (int)c.SeniorityTier),
        new("SeniorityInferred", c => c.SeniorityInferred),
        new("Language", c => c.Language),
        new("Source", c => (int)c.Source),
        new("ExternalId", c => c.ExternalId),
        new("CreatedAt", _ => now),
        new("UpdatedAt", _ => now),
    ];

    private static Column<Opportunity>[] OpportunityColumns(object now, Func<decimal?, object?> money) =>
    [
        new("Name", o => o.Name),
        new("NameSearch", o => o.NameSearch),
        new("AccountId", o => o.AccountId),
        new("Stage", o => o.Stage),
        new("Amount", o => money(o.Amount)),
        new("Currency", o => o.Currency),
        new("CloseDate", o => o.CloseDate),
        new("IsClosed", o => o.IsClosed),
        new("IsWon", o => o.IsWon),
        new("ProductId", o => o.ProductId),
        new("OwnerId", o => o.OwnerId),
        new("OwnerExternalId", o => o.OwnerExternalId),
        new("Source", o => (int)o.Source),
        new("ExternalId", o => o.ExternalId),
        new("CreatedAt", _ => now),
        new("UpdatedAt", _ => now),
    ];

    private sealed record Column<T>(string Name, Func<T, object?> Value);

    private interface ITableWriter
    {
        Task<long> WriteAsync<T>(string table, Column<T>[] columns, IEnumerable<T> rows, long expected, Action<long, TimeSpan> progress, CancellationToken cancellationToken);
    }

    private sealed class SqliteTableWriter(SqliteConnection connection) : ITableWriter
    {
        public async Task<long> WriteAsync<T>(string table, Column<T>[] columns, IEnumerable<T> rows, long expected, Action<long, TimeSpan> progress, CancellationToken cancellationToken)
        {
            // Inserting into a dozen secondary indexes row by row costs SQLite far more than building them once
            // afterwards from sorted data, so a large write drops them and recreates them from their own SQL.
            var indexes = expected >= RebuildIndexesFrom ? await DropIndexesAsync(table, cancellationToken) : [];
            long count;
            try
            {
                count = Insert(table, columns, rows, progress, cancellationToken);
            }
            finally
            {
                foreach (var sql in indexes)
                {
                    await ExecuteAsync(connection, sql, CancellationToken.None);
                }
            }

            return count;
        }

        private async Task<List<string>> DropIndexesAsync(string table, CancellationToken cancellationToken)
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

        private long Insert<T>(string table, Column<T>[] columns, IEnumerable<T> rows, Action<long, TimeSpan> progress, CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            using var command = connection.CreateCommand();
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
            var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null))).ToArray();

            long count = 0;
            var transaction = connection.BeginTransaction();
            try
            {
                command.Transaction = transaction;
                command.Prepare();
                foreach (var row in rows)
                {
                    for (var i = 0; i < columns.Length; i++)
                    {
                        parameters[i].Value = columns[i].Value(row) ?? DBNull.Value;
                    }

                    command.ExecuteNonQuery();
                    count++;
                    if (count % SqliteBatch == 0)
                    {
                        transaction.Commit();
                        transaction.Dispose();
                        transaction = connection.BeginTransaction();
                        command.Transaction = transaction;
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    if (count % ProgressEvery == 0)
                    {
                        progress(count, watch.Elapsed);
                    }
                }

                transaction.Commit();
            }
            finally
            {
                transaction.Dispose();
            }

            if (count % ProgressEvery != 0 || count == 0)
            {
                progress(count, watch.Elapsed);
            }

            return count;
        }
    }

    private sealed class PostgresTableWriter(NpgsqlConnection connection) : ITableWriter
    {
        public async Task<long> WriteAsync<T>(string table, Column<T>[] columns, IEnumerable<T> rows, long expected, Action<long, TimeSpan> progress, CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            var copy = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
            long count = 0;
            await using (var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken))
            {
                importer.Timeout = TimeSpan.Zero;
                foreach (var row in rows)
                {
                    await importer.StartRowAsync(cancellationToken);
                    foreach (var column in columns)
                    {
                        var value = column.Value(row);
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
                    if (count % ProgressEvery == 0)
                    {
                        progress(count, watch.Elapsed);
                    }
                }

                await importer.CompleteAsync(cancellationToken);
            }

            if (count % ProgressEvery != 0 || count == 0)
            {
                progress(count, watch.Elapsed);
            }

            return count;
        }
    }
}
