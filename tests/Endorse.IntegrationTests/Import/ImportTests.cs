using System.Text;
using Endorse.Contacts;
using Endorse.Import;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Listing;
using Microsoft.EntityFrameworkCore;
using static Endorse.IntegrationTests.Import.ImportFixture;

namespace Endorse.IntegrationTests.Import;

public class ImportTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Salesforce_export_round_trip_links_contacts_infers_tiers_and_maps_sectors_and_regions(string database)
    {
        await using var app = new EndorseApp(database);
        var owner = await SeedAsync(app);

        var accounts = await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Accounts, Sample("Account.csv"));
        var contacts = await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Contacts, Sample("Contact.csv"));
        var opportunities = await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Opportunities, Sample("Opportunity.csv"));

        Assert.Equal((ImportStatus.Completed, 3, 0, 0, 0, 1), (accounts.Status, accounts.Created, accounts.Updated, accounts.Skipped, accounts.Rejected, accounts.Warnings));
        Assert.Equal((ImportStatus.Completed, 4, 0), (contacts.Status, contacts.Created, contacts.Rejected));
        Assert.Equal((ImportStatus.Completed, 2, 0), (opportunities.Status, opportunities.Created, opportunities.Rejected));

        await app.WithDbAsync(async db =>
        {
            var acme = await db.Accounts.Include(a => a.Sector).Include(a => a.Region).SingleAsync(a => a.ExternalId == "001A000001");
            Assert.Equal(SourceSystem.Salesforce, acme.Source);
            Assert.Equal("Healthcare", acme.Sector!.Name);
            Assert.Equal("EMEA", acme.Region!.Name);
            Assert.Equal(12000, acme.Employees);
            Assert.Equal(Endorse.Accounts.SizeBand.Enterprise, acme.SizeBand);
            Assert.Equal(owner.Id, acme.OwnerId);
            Assert.Equal("005A01", acme.OwnerExternalId);

            var borealis = await db.Accounts.Include(a => a.Sector).Include(a => a.Region).SingleAsync(a => a.ExternalId == "001A000002");
            Assert.Equal("Financial services", borealis.Sector!.Name);
            Assert.Equal("North America", borealis.Region!.Name);
            Assert.Null(borealis.OwnerId);
            Assert.Equal("005A02", borealis.OwnerExternalId);

            var cirrus = await db.Accounts.SingleAsync(a => a.ExternalId == "001A000003");
            Assert.Equal("Cirrus, Inc.", cirrus.Name);
            Assert.Null(cirrus.SectorId);
            Assert.Null(cirrus.AnnualRevenue);

            var berg = await db.Contacts.SingleAsync(c => c.ExternalId == "003A01");
            Assert.Equal(acme.Id, berg.AccountId);
            Assert.Equal(SeniorityTier.CLevel, berg.SeniorityTier);
            Assert.True(berg.SeniorityInferred);
            Assert.Equal(SeniorityTier.VicePresident, (await db.Contacts.SingleAsync(c => c.ExternalId == "003A03")).SeniorityTier);
            Assert.Equal(borealis.Id, (await db.Contacts.SingleAsync(c => c.ExternalId == "003A03")).AccountId);
            Assert.Equal(SeniorityTier.Manager, (await db.Contacts.SingleAsync(c => c.ExternalId == "003A02")).SeniorityTier);

            var won = await db.Opportunities.SingleAsync(o => o.ExternalId == "006A01");
            Assert.Equal((acme.Id, "Closed Won", 250000m, "EUR", new DateOnly(2024, 6, 30), true, true, owner.Id), (won.AccountId!.Value, won.Stage!, won.Amount!.Value, won.Currency!, won.CloseDate!.Value, won.IsWon, won.IsClosed, won.OwnerId!));

            var audit = await db.AuditEntries.Where(a => a.EntityType == "Import").ToListAsync();
            Assert.Equal(3, audit.Count);
            Assert.All(audit, a => Assert.Equal("ImportCompleted", a.Action));
            // No audit entry per imported row: only the one summary entry per import.
            Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.EntityType == "Account" || a.EntityType == "Contact" || a.EntityType == "Opportunity"));
            return 0;
        });
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Importing_the_same_files_again_skips_every_row_and_changes_nothing(string database)
    {
        await using var app = new EndorseApp(database);
        await SeedAsync(app);
        foreach (var (entity, file) in Files)
        {
            await ImportFileAsync(app, ImportFormat.Salesforce, entity, Sample(file));
        }

        var before = await SnapshotAsync(app);
        var auditBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync());

        foreach (var (entity, file) in Files)
        {
            var again = await ImportFileAsync(app, ImportFormat.Salesforce, entity, Sample(file));
            Assert.Equal(ImportStatus.Completed, again.Status);
            Assert.Equal(0, again.Created);
            Assert.Equal(0, again.Updated);
            Assert.Equal(again.RowsRead, again.Skipped);
            Assert.True(again.Skipped > 0);
        }

        Assert.Equal(before, await SnapshotAsync(app));
        Assert.Equal(auditBefore + 3, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_changed_row_is_updated_and_a_person_set_tier_is_kept(string database)
    {
        await using var app = new EndorseApp(database);
        await SeedAsync(app);
        await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Accounts, Sample("Account.csv"));
        await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Contacts, Sample("Contact.csv"));
        await app.WithDbAsync(db => db.Contacts.Where(c => c.ExternalId == "003A02")
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.SeniorityTier, SeniorityTier.Director).SetProperty(c => c.SeniorityInferred, false)));

        var changed = File.ReadAllText(Sample("Contact.csv"))
            .Replace("Jonas,Weber,IT Manager", "Jonas,Weber,Chief Technology Officer", StringComparison.Ordinal)
            .Replace("Tom,Ng,Software Engineer", "Tom,Ng,Director of Engineering", StringComparison.Ordinal);
        var result = await ImportAsync(app, ImportFormat.Salesforce, ImportEntity.Contacts, new MemoryStream(Encoding.UTF8.GetBytes(changed)), "Contact.csv");

        Assert.Equal((0, 2, 2), (result.Created, result.Updated, result.Skipped));
        await app.WithDbAsync(async db =>
        {
            var jonas = await db.Contacts.SingleAsync(c => c.ExternalId == "003A02");
            Assert.Equal("Chief Technology Officer", jonas.Title);
            Assert.Equal(SeniorityTier.Director, jonas.SeniorityTier);
            Assert.False(jonas.SeniorityInferred);
            Assert.Equal(SeniorityTier.Director, (await db.Contacts.SingleAsync(c => c.ExternalId == "003A04")).SeniorityTier);
            return 0;
        });
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Bad_rows_are_rejected_with_line_and_reason_and_the_rest_is_imported(string database)
    {
        await using var app = new EndorseApp(database);
        await SeedAsync(app);
        await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Accounts, Sample("Account.csv"));

        var contacts = await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Contacts, Sample("Contact_bad.csv"));
        Assert.Equal((ImportStatus.Completed, 5, 2, 3), (contacts.Status, contacts.RowsRead, contacts.Created, contacts.Rejected));
        var rejected = await RejectionsAsync(app, contacts.Id);
        Assert.Collection(
            rejected,
            r => Assert.Equal((3, "003B01", true), (r.LineNumber, r.ExternalId!, r.Reason.Contains("more than once", StringComparison.Ordinal))),
            r => Assert.Equal((4, "003B02", true), (r.LineNumber, r.ExternalId!, r.Reason.Contains("Last name is required", StringComparison.Ordinal))),
            r => Assert.Equal((5, "003B03", true), (r.LineNumber, r.ExternalId!, r.Reason.Contains("001ZZZZZZZ", StringComparison.Ordinal) && r.Reason.Contains("not in Endorse", StringComparison.Ordinal))));

        var opportunities = await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Opportunities, Sample("Opportunity_bad.csv"));
        Assert.Equal((1, 3), (opportunities.Created, opportunities.Rejected));
        Assert.Collection(
            await RejectionsAsync(app, opportunities.Id),
            r => Assert.Equal((3, true), (r.LineNumber, r.Reason.Contains("Close date '31/12/2024'", StringComparison.Ordinal))),
            r => Assert.Equal((4, true), (r.LineNumber, r.Reason.Contains("Amount 'lots'", StringComparison.Ordinal))),
            r => Assert.Equal((5, true), (r.LineNumber, r.Reason.Contains("'maybe'", StringComparison.Ordinal))));
        Assert.Equal(2, await app.WithDbAsync(db => db.Contacts.CountAsync(c => c.ExternalId!.StartsWith("003B"))));
    }

    public static TheoryData<string, string> MalformedFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var database in TestDatabases.All)
        {
            foreach (var kind in new[] { "missing-column", "not-utf8", "huge-line", "huge-quoted-field", "unterminated-quote", "empty" })
            {
                data.Add(database, kind);
            }
        }

        return data;
    }

    [Theory, MemberData(nameof(MalformedFiles))]
    public async Task A_malformed_file_fails_and_changes_nothing(string database, string kind)
    {
        await using var app = new EndorseApp(database);
        await SeedAsync(app);
        await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Accounts, Sample("Account.csv"));
        var before = await SnapshotAsync(app);

        // Valid rows first, so a failure late in the file must roll back rows already written.
        var good = "Id,AccountId,FirstName,LastName,Title\n" + string.Concat(Enumerable.Range(1, 2_500).Select(i => $"003M{i},001A000001,First{i},Last{i},Engineer\n"));
        byte[] content = kind switch
        {
            "missing-column" => Encoding.UTF8.GetBytes("Id,AccountId,FirstName,Title\n003M1,001A000001,Ann,CEO\n"),
            "not-utf8" => [.. Encoding.UTF8.GetBytes(good), .. "003X1,001A000001,J"u8.ToArray(), 0xFC, .. "rgen,M\xfcller,CEO\n"u8.ToArray()],
            "huge-line" => Encoding.UTF8.GetBytes(good + "003X1,001A000001," + new string('x', 50 * 1024 * 1024) + ",Big,CEO\n"),
            "huge-quoted-field" => Encoding.UTF8.GetBytes(good + "003X1,001A000001,\"" + string.Concat(Enumerable.Repeat("line\n", 300_000)) + "\",Big,CEO\n"),
            "unterminated-quote" => Encoding.UTF8.GetBytes(good + "003X1,001A000001,\"Ann,Lee,CEO\n003X2,001A000001,Bob,Ray,CTO\n"),
            _ => [],
        };

        var result = await ImportAsync(app, ImportFormat.Salesforce, ImportEntity.Contacts, new MemoryStream(content), "Contact.csv");

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.Equal((0, 0, 0, 0), (result.Created, result.Updated, result.Skipped, result.Rejected));
        Assert.Equal(before, await SnapshotAsync(app));
        Assert.Empty(await RejectionsAsync(app, result.Id));
        var expected = kind switch
        {
            "missing-column" => "'LastName'",
            "not-utf8" => "UTF-8",
            "huge-line" or "huge-quoted-field" => "1 MB",
            "unterminated-quote" => "quote",
            _ => "empty",
        };
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task HubSpot_companies_and_contacts_import(string database)
    {
        await using var app = new EndorseApp(database);
        await SeedAsync(app);

        var companies = await ImportFileAsync(app, ImportFormat.HubSpot, ImportEntity.Accounts, Sample("hubspot-companies.csv"));
        var contacts = await ImportFileAsync(app, ImportFormat.HubSpot, ImportEntity.Contacts, Sample("hubspot-contacts.csv"));

        Assert.Equal((ImportStatus.Completed, 2, 0), (companies.Status, companies.Created, companies.Warnings));
        Assert.Equal((ImportStatus.Completed, 2, 1), (contacts.Status, contacts.Created, contacts.Rejected));
        await app.WithDbAsync(async db =>
        {
            var epsilon = await db.Accounts.Include(a => a.Sector).Include(a => a.Region).SingleAsync(a => a.Source == SourceSystem.HubSpot && a.ExternalId == "9002");
            Assert.Equal(("Epsilon Care", "Healthcare", "EMEA"), (epsilon.Name, epsilon.Sector!.Name, epsilon.Region!.Name));
            var mark = await db.Contacts.Include(c => c.Account).SingleAsync(c => c.Source == SourceSystem.HubSpot && c.ExternalId == "502");
            Assert.Equal(("Delta Logistics", SeniorityTier.CLevel), (mark.Account!.Name, mark.SeniorityTier));
            return 0;
        });
        Assert.Equal(4, (await RejectionsAsync(app, contacts.Id)).Single().LineNumber);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Generic_csv_imports_with_a_column_mapping(string database)
    {
        await using var app = new EndorseApp(database);
        await SeedAsync(app);
        var mapping = new Dictionary<string, string> { ["Id"] = "Code", ["Name"] = "Company", ["Sector"] = "Branch", ["Country"] = "Land", ["Employees"] = "Staff" };

        var result = await ImportFileAsync(app, ImportFormat.GenericCsv, ImportEntity.Accounts, Sample("generic-accounts.csv"), mapping);

        Assert.Equal((ImportStatus.Completed, 2, 1, 1), (result.Status, result.Created, result.Rejected, result.Warnings));
        Assert.Contains("Employees 'abc'", (await RejectionsAsync(app, result.Id)).Single().Reason, StringComparison.Ordinal);
        await app.WithDbAsync(async db =>
        {
            var iota = await db.Accounts.Include(a => a.Sector).Include(a => a.Region).SingleAsync(a => a.Source == SourceSystem.Csv && a.ExternalId == "G-3");
            Assert.Equal(("Iota Insurance", "Financial services", "EMEA", 20), (iota.Name, iota.Sector!.Name, iota.Region!.Name, iota.Employees!.Value));
            return 0;
        });

        var unmapped = await ImportFileAsync(app, ImportFormat.GenericCsv, ImportEntity.Accounts, Sample("generic-accounts.csv"), new Dictionary<string, string> { ["Id"] = "Code" });
        Assert.Equal(ImportStatus.Failed, unmapped.Status);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_demo_salesforce_export_imports_completely(string database)
    {
        await using var app = new EndorseApp(database);
        var folder = Path.Combine(RepoRoot, "samples", "salesforce");

        var accounts = await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Accounts, Path.Combine(folder, "Account.csv"));
        var contacts = await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Contacts, Path.Combine(folder, "Contact.csv"));
        var opportunities = await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Opportunities, Path.Combine(folder, "Opportunity.csv"));

        Assert.Equal((50, 200, 60), (accounts.Created, contacts.Created, opportunities.Created));
        Assert.Equal((0, 0, 0), (accounts.Rejected, contacts.Rejected, opportunities.Rejected));
    }

    private static readonly (ImportEntity Entity, string File)[] Files =
        [(ImportEntity.Accounts, "Account.csv"), (ImportEntity.Contacts, "Contact.csv"), (ImportEntity.Opportunities, "Opportunity.csv")];
}
