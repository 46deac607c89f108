using System.Text;
using Endorse.Data;
using Endorse.Import;
using Endorse.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Endorse.IntegrationTests.Import.ImportFixture;

namespace Endorse.IntegrationTests.Import;

/// <summary>
/// A first import into an empty table drops the table's non-unique indexes inside its transaction and builds them
/// again at the end (<see cref="DeferredIndexes"/>): whatever happens, the table must come out with the same indexes.
/// </summary>
public class DeferredIndexesTests
{
    private const int Rows = (ImportEngine.BatchSize * 2) + 10;

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Indexes_are_dropped_in_the_transaction_and_built_again_the_same(string database)
    {
        await using var app = new EndorseApp(database);
        var before = await IndexesAsync(app, "Contacts");
        Assert.Contains(before, i => i.Contains("NameSearch", StringComparison.Ordinal));

        var (dropped, during, rebuilt) = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var deferred = await DeferredIndexes.DropIfEmptyAsync(db.Database, "Contacts");
            Assert.NotNull(deferred);
            var during = await IndexesAsync(db, "Contacts");
            await deferred.RebuildAsync();
            var rebuilt = await IndexesAsync(db, "Contacts");
            await transaction.RollbackAsync();
            return (deferred.Definitions.Count, during, rebuilt);
        });

        // Only the primary key and the unique (Source, ExternalId) index stay while rows are loaded.
        Assert.Equal(before.Count - dropped, during.Count);
        Assert.True(dropped >= 6, $"{dropped} indexes were dropped");
        Assert.Contains(during, i => i.Contains("ExternalId", StringComparison.Ordinal));
        Assert.Equal(before, rebuilt);
        Assert.Equal(before, await IndexesAsync(app, "Contacts"));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_table_with_rows_or_no_transaction_keeps_its_indexes(string database)
    {
        await using var app = new EndorseApp(database);
        await SeedAsync(app);
        await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Accounts, Sample("Account.csv"));

        await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            Assert.Null(await DeferredIndexes.DropIfEmptyAsync(db.Database, "Contacts"));
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.Null(await DeferredIndexes.DropIfEmptyAsync(db.Database, "Accounts"));
            return 0;
        });
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_first_import_leaves_every_index_and_a_failed_one_leaves_them_too(string database)
    {
        await using var app = new EndorseApp(database);
        await SeedAsync(app);
        await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Accounts, Sample("Account.csv"));
        var before = await IndexesAsync(app, "Contacts");

        // Fails after two batches were written into the empty table: everything goes back, indexes included.
        var failed = await ImportContactsAsync(app, Contacts(Rows) + "003Z0001,001A000001,\"Ann,Lee,CEO\n");
        Assert.Equal(ImportStatus.Failed, failed.Status);
        Assert.Equal(0, await app.WithDbAsync(db => db.Contacts.CountAsync()));
        Assert.Equal(before, await IndexesAsync(app, "Contacts"));

        var imported = await ImportContactsAsync(app, Contacts(Rows));
        Assert.Equal((ImportStatus.Completed, Rows), (imported.Status, imported.Created));
        Assert.Equal(before, await IndexesAsync(app, "Contacts"));

        // The rebuilt indexes serve the list's search, and the same file again changes nothing.
        var found = await app.WithDbAsync(db => db.Contacts.Where(c => c.NameSearch == "last4000 first4000").Select(c => c.ExternalId).ToListAsync());
        Assert.Equal(["003X4000"], found);
        var again = await ImportContactsAsync(app, Contacts(Rows));
        Assert.Equal((0, Rows), (again.Created, again.Skipped));
    }

    private static Task<List<string>> IndexesAsync(EndorseApp app, string table) => app.WithDbAsync(db => IndexesAsync(db, table));

    /// <summary>The table's index definitions as the database states them, sorted.</summary>
    private static async Task<List<string>> IndexesAsync(EndorseDbContext db, string table)
    {
        var sql = db.Database.IsNpgsql()
            ? "SELECT indexdef AS \"Value\" FROM pg_indexes WHERE tablename = {0}"
            : "SELECT coalesce(sql, name) AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name = {0}";
        var indexes = await db.Database.SqlQueryRaw<string>(sql, table).ToListAsync();
        indexes.Sort(StringComparer.Ordinal);
        return indexes;
    }

    private static string Contacts(int count)
    {
        var csv = new StringBuilder("Id,AccountId,FirstName,LastName,Title,Email\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"003X{i:0000},001A000001,First{i},Last{i},CEO,person.{i}@example.com\n");
        }

        return csv.ToString();
    }
}
