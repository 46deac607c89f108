using System.Text;
using Endorse.Contacts;
using Endorse.Data;
using Endorse.Import;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Listing;
using Microsoft.EntityFrameworkCore;
using static Endorse.IntegrationTests.Import.ImportFixture;

namespace Endorse.IntegrationTests.Import;

/// <summary>
/// Files of several batches, so rows go through the bulk writer (inserts by COPY / prepared statements, updates by
/// keyed bulk update) more than once within one import's transaction.
/// </summary>
public class BulkImportTests
{
    private const int Rows = (ImportEngine.BatchSize * 2) + 500;
    private static readonly string[] Titles = ["Chief Executive Officer", "VP Sales", "Head of IT", "IT Manager", "Engineer"];
    private static readonly string[] Accounts = ["001A000001", "001A000002", "001A000003"];

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_large_file_is_created_then_skipped_then_only_its_changed_rows_are_updated(string database)
    {
        await using var app = await AppWithAccountsAsync(database);

        var first = await ImportContactsAsync(app, Contacts(Rows));
        Assert.Equal((ImportStatus.Completed, Rows, Rows, 0, 0, 0), (first.Status, first.RowsRead, first.Created, first.Updated, first.Skipped, first.Rejected));
        await app.WithDbAsync(async db =>
        {
            var accountIds = await db.Accounts.ToDictionaryAsync(a => a.ExternalId!, a => a.Id);
            var contacts = await db.Contacts.AsNoTracking().Where(c => c.Source == SourceSystem.Salesforce).ToListAsync();
            Assert.Equal(Rows, contacts.Count);
            foreach (var contact in contacts)
            {
                var index = int.Parse(contact.ExternalId!.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(accountIds[Accounts[index % Accounts.Length]], contact.AccountId);
                Assert.Equal(SeniorityInference.FromTitle(Titles[index % Titles.Length]), contact.SeniorityTier);
                Assert.True(contact.SeniorityInferred);
                Assert.NotEqual(default, contact.CreatedAt);
                Assert.Equal(contact.CreatedAt, contact.UpdatedAt);
                AssertSearchColumnsAsOnSave(contact);
            }

            // Searching "muller" or "zoe" finds Zoë Müller only through these normalized copies.
            var zoe = contacts.Single(c => c.ExternalId == "003X0000");
            Assert.Equal(("muller zoe", "zoe muller", "person.0@example.com"), (zoe.NameSearch, zoe.FirstNameSearch, zoe.EmailSearch));
            return 0;
        });

        var before = await SnapshotAsync(app);
        var again = await ImportContactsAsync(app, Contacts(Rows));
        Assert.Equal((Rows, 0, 0, Rows), (again.RowsRead, again.Created, again.Updated, again.Skipped));
        Assert.Equal(before, await SnapshotAsync(app));

        // A person set one contact's tier; the import must keep it while updating the title.
        await app.WithDbAsync(db => db.Contacts.Where(c => c.ExternalId == "003X0020")
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.SeniorityTier, SeniorityTier.Director).SetProperty(c => c.SeniorityInferred, false)));
        var stamps = await app.WithDbAsync(db => db.Contacts.AsNoTracking().ToDictionaryAsync(c => c.ExternalId!, c => c.UpdatedAt));

        var changed = await ImportContactsAsync(app, Contacts(Rows, i => i % 10 == 0 ? "Chief Financial Officer" : null, i => i == 7 ? "Renamed" : null));
        var expectedUpdates = (Rows / 10) + 1;
        Assert.Equal((0, expectedUpdates, Rows - expectedUpdates, 0), (changed.Created, changed.Updated, changed.Skipped, changed.Rejected));
        await app.WithDbAsync(async db =>
        {
            var contacts = await db.Contacts.AsNoTracking().ToDictionaryAsync(c => c.ExternalId!);
            foreach (var (id, contact) in contacts)
            {
                var index = int.Parse(id.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture);
                var wasChanged = index % 10 == 0 || index == 7;
                Assert.Equal(wasChanged, contact.UpdatedAt != stamps[id]);
                if (index % 10 == 0)
                {
                    Assert.Equal("Chief Financial Officer", contact.Title);
                    Assert.Equal(index == 20 ? SeniorityTier.Director : SeniorityTier.CLevel, contact.SeniorityTier);
                }

                AssertSearchColumnsAsOnSave(contact);
            }

            Assert.Equal(("Renamed", "renamed first7"), (contacts["003X0007"].LastName, contacts["003X0007"].NameSearch));
            Assert.False(contacts["003X0020"].SeniorityInferred);
            return 0;
        });
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Rejected_rows_in_the_middle_of_a_large_file_leave_every_other_row_imported(string database)
    {
        await using var app = await AppWithAccountsAsync(database);

        // Data row i is on line i + 2 (line 1 is the header).
        var lines = Contacts(Rows).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        lines[2_101 - 1] = "003X2099,001A000001,Ann,,CEO,ann@example.com";
        lines[3_001 - 1] = "003X2999,001ZZZZZZZ,Bob,Ray,CEO,bob@example.com";
        lines[4_000 - 1] = "003X0010,001A000001,Cid,Dup,CEO,cid@example.com";
        var result = await ImportContactsAsync(app, string.Join('\n', lines) + "\n");

        Assert.Equal((ImportStatus.Completed, Rows, Rows - 3, 3), (result.Status, result.RowsRead, result.Created, result.Rejected));
        Assert.Collection(
            await RejectionsAsync(app, result.Id),
            r => Assert.Equal((2_101, "003X2099", true), (r.LineNumber, r.ExternalId!, r.Reason.Contains("Last name is required", StringComparison.Ordinal))),
            r => Assert.Equal((3_001, "003X2999", true), (r.LineNumber, r.ExternalId!, r.Reason.Contains("001ZZZZZZZ", StringComparison.Ordinal))),
            r => Assert.Equal((4_000, "003X0010", true), (r.LineNumber, r.ExternalId!, r.Reason.Contains("more than once", StringComparison.Ordinal))));
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(Rows - 3, await db.Contacts.CountAsync());
            Assert.False(await db.Contacts.AnyAsync(c => c.ExternalId == "003X2099" || c.ExternalId == "003X2999"));
            Assert.Equal("Last10", (await db.Contacts.SingleAsync(c => c.ExternalId == "003X0010")).LastName);
            return 0;
        });
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_file_failing_after_several_batches_takes_back_every_bulk_insert_and_update(string database)
    {
        await using var app = await AppWithAccountsAsync(database);
        await ImportContactsAsync(app, Contacts(Rows));
        var before = await SnapshotAsync(app);
        var auditBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync());

        // Every existing contact changed (bulk updates), then as many new ones (bulk inserts), then a broken line.
        var content = Contacts(Rows * 2, _ => "Chief Operating Officer") + "003Y0001,001A000001,\"Ann,Lee,CEO\n";
        var result = await ImportContactsAsync(app, content);

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Contains("quote", result.Error, StringComparison.Ordinal);
        Assert.True(result.RowsRead > Rows + ImportEngine.BatchSize, "the failure came after batches had been written");
        Assert.Equal(before, await SnapshotAsync(app));
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(Rows, await db.Contacts.CountAsync());
            Assert.Equal(0, await db.Contacts.CountAsync(c => c.Title == "Chief Operating Officer"));
            // Only the failed import's own entry is added to the audit log.
            Assert.Equal(auditBefore + 1, await db.AuditEntries.CountAsync());
            Assert.Equal("ImportFailed", (await db.AuditEntries.OrderBy(a => a.Id).LastAsync()).Action);
            return 0;
        });
    }

    /// <summary>An app with the sample's three Salesforce accounts imported.</summary>
    private static async Task<EndorseApp> AppWithAccountsAsync(string database)
    {
        var app = new EndorseApp(database);
        await SeedAsync(app);
        await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Accounts, Sample("Account.csv"));
        return app;
    }

    /// <summary>Contact i: id 003X{i:0000}, account and title by turns; row 0 has accented names.</summary>
    private static string Contacts(int count, Func<int, string?>? title = null, Func<int, string?>? lastName = null)
    {
        var csv = new StringBuilder("Id,AccountId,FirstName,LastName,Title,Email\n");
        for (var i = 0; i < count; i++)
        {
            var (first, last) = i == 0 ? ("Zoë", "Müller") : ("First" + i, "Last" + i);
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"003X{i:0000},{Accounts[i % Accounts.Length]},{first},{lastName?.Invoke(i) ?? last},{title?.Invoke(i) ?? Titles[i % Titles.Length]},Person.{i}@Example.com\n");
        }

        return csv.ToString();
    }


    /// <summary>The search columns hold exactly what the DbContext would have written on save.</summary>
    private static void AssertSearchColumnsAsOnSave(Contact stored)
    {
        var expected = new Contact { FirstName = stored.FirstName, LastName = stored.LastName, Email = stored.Email };
        SearchColumns.Refresh(expected);
        Assert.Equal((expected.NameSearch, expected.FirstNameSearch, expected.EmailSearch), (stored.NameSearch, stored.FirstNameSearch, stored.EmailSearch));
    }
}
