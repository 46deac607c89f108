using System.Net;
using System.Net.Http.Json;
using System.Text;
using Endorse.Accounts;
using Endorse.Contacts;
using Endorse.Import;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Listing;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;
using static Endorse.IntegrationTests.Import.ImportFixture;

namespace Endorse.IntegrationTests.Import;

/// <summary>
/// Imports that explain themselves, with export files as Salesforce and HubSpot write them (samples/salesforce-eu:
/// every field quoted, CRLF, a street over two lines; samples/hubspot: labels, "yyyy-MM-dd HH:mm" dates, a deals
/// export with only a "Deal Stage" column).
/// </summary>
public class ImportReportTests
{
    private static string Eu(string file) => Sample(Path.Combine("salesforce-eu", file));

    private static string HubSpot(string file) => Sample(Path.Combine("hubspot", file));

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Every_warning_is_stored_with_its_line_column_value_and_what_was_done_and_shown_by_the_API_and_as_CSV(string database)
    {
        await using var app = new EndorseApp(database);
        await SeedAsync(app);
        var client = await app.ClientForAsync(Roles.ReferenceManager);

        var run = await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Accounts, Eu("Account.csv"));

        // Six rows name an industry with no sector; three a country no region lists.
        Assert.Equal((ImportStatus.Completed, 8, 0, 9), (run.Status, run.Created, run.Rejected, run.Warnings));
        var page = await client.GetFromJsonAsync<Page<ImportWarningRow>>($"/api/v1/imports/{run.Id}/warnings?pageSize=50", CustomerTestData.Json);
        Assert.Equal(9, page!.Total);
        var lines = page.Items.Select(w => (w.LineNumber, w.ExternalId, w.Kind, w.Column, w.Value)).ToList();
        Assert.Equal(
            [
                (3, "001Dm00000EU0002", ImportWarningKind.UnknownIndustry, "Industry", "Banking"),
                (4, "001Dm00000EU0003", ImportWarningKind.UnknownCountry, "BillingCountry", "Italy"),
                (4, "001Dm00000EU0003", ImportWarningKind.UnknownIndustry, "Industry", "Biotechnology"),
                (5, "001Dm00000EU0004", ImportWarningKind.UnknownIndustry, "Industry", "Manufacturing"),

                // The street of the row before spans two lines: this row starts on line 7.
                (7, "001Dm00000EU0005", ImportWarningKind.UnknownCountry, "BillingCountry", "Spain"),
                (7, "001Dm00000EU0005", ImportWarningKind.UnknownIndustry, "Industry", "Biotechnology"),
                (8, "001Dm00000EU0006", ImportWarningKind.UnknownCountry, "BillingCountry", "Netherlands"),
                (8, "001Dm00000EU0006", ImportWarningKind.UnknownIndustry, "Industry", "Transportation"),
                (9, "001Dm00000EU0007", ImportWarningKind.UnknownIndustry, "Industry", "Insurance"),
            ],
            lines.OrderBy(l => l.LineNumber).ThenBy(l => l.Column, StringComparer.Ordinal));
        Assert.Contains("imported without a sector", page.Items.First(w => w.Value == "Banking").Message, StringComparison.Ordinal);

        var onlyCountries = await client.GetFromJsonAsync<Page<ImportWarningRow>>($"/api/v1/imports/{run.Id}/warnings?kind=UnknownCountry", CustomerTestData.Json);
        Assert.Equal(3, onlyCountries!.Total);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/imports/{run.Id}/warnings?kind=Shrug")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/imports/9999/warnings")).StatusCode);

        var csv = await client.GetAsync($"/api/v1/imports/{run.Id}/warnings.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var csvLines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("LineNumber,ExternalId,Kind,Column,Value,Message", csvLines[0].TrimEnd('\r'));
        Assert.Equal(10, csvLines.Length);
        Assert.Contains(csvLines, l => l.StartsWith("8,001Dm00000EU0006,Industry matches no sector,Industry,Transportation,", StringComparison.Ordinal));

        // The industries and account types the file used, with how each reads.
        var industries = await client.GetFromJsonAsync<List<ImportIndustry>>($"/api/v1/imports/{run.Id}/industries", CustomerTestData.Json);
        Assert.NotNull(industries);
        Assert.Equal(["Biotechnology", "Banking", "Insurance", "Manufacturing", "Transportation", "Healthcare"], industries.Select(i => i.Industry));
        Assert.Equal((2, 2, (int?)null), (industries[0].Rows, industries[0].AccountsWithoutSector, industries[0].SectorId));
        Assert.Equal(("Healthcare", 0), (industries[^1].Sector, industries[^1].AccountsWithoutSector));
        var types = await client.GetFromJsonAsync<List<ImportAccountType>>($"/api/v1/imports/{run.Id}/account-types", CustomerTestData.Json);
        Assert.NotNull(types);
        Assert.Equal(AccountRelationship.FormerCustomer, types.Single(t => t.Value == "Former Customer").ReadAs);
        Assert.Null(types.Single(t => t.Value == "Channel Partner / Reseller").ReadAs);
        Assert.Equal(3, types.Single(t => t.Value == "Customer - Direct").Rows);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Missing_sectors_are_created_or_mapped_from_the_report_applied_to_the_accounts_and_their_contacts_once(string database)
    {
        await using var app = new EndorseApp(database);
        await SeedAsync(app);
        var client = await app.ClientForAsync(Roles.ReferenceManager);
        var run = await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Accounts, Eu("Account.csv"));
        await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Contacts, Eu("Contact.csv"));
        var financial = await app.WithDbAsync(db => db.Sectors.Where(s => s.Name == "Financial services").Select(s => s.Id).SingleAsync());
        var before = await SnapshotAsync(app);

        // Bad resolutions change nothing.
        async Task<HttpStatusCode> Bad(object body) => (await client.PostJsonAsync($"/api/v1/imports/{run.Id}/industries", body)).StatusCode;
        Assert.Equal(HttpStatusCode.BadRequest, await Bad(new { resolutions = Array.Empty<object>() }));
        Assert.Equal(HttpStatusCode.BadRequest, await Bad(new { resolutions = new[] { new { industry = "Astrology", createSector = true } } }));
        Assert.Equal(HttpStatusCode.BadRequest, await Bad(new { resolutions = new object[] { new { industry = "Banking", createSector = true, sectorId = financial } } }));
        Assert.Equal(HttpStatusCode.BadRequest, await Bad(new { resolutions = new object[] { new { industry = "Banking", sectorId = 99999 } } }));
        Assert.Equal(HttpStatusCode.BadRequest, await Bad(new { resolutions = new object[] { new { industry = "Banking", sectorId = financial }, new { industry = "banking", createSector = true } } }));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostJsonAsync("/api/v1/imports/9999/industries", new { resolutions = new[] { new { industry = "Banking", createSector = true } } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(Roles.SalesRep)).PostJsonAsync($"/api/v1/imports/{run.Id}/industries", new { resolutions = new[] { new { industry = "Banking", createSector = true } } })).StatusCode);
        Assert.Equal(before, await SnapshotAsync(app));
        Assert.Equal(2, await app.WithDbAsync(db => db.Sectors.CountAsync()));

        var body = new { resolutions = new object[] { new { industry = "Biotechnology", createSector = true }, new { industry = "Banking", sectorId = financial } } };
        var resolved = await (await client.PostJsonAsync($"/api/v1/imports/{run.Id}/industries", body)).Content.ReadFromJsonAsync<IndustriesResolved>(CustomerTestData.Json);
        Assert.Equal((1, 1, 3), (resolved!.SectorsCreated, resolved.MappingsSaved, resolved.AccountsUpdated));
        Assert.Equal(("Financial services", true), resolved.Industries.Where(i => i.Industry == "Banking").Select(i => (i.Sector, i.ByMapping)).Single());

        await app.WithDbAsync(async db =>
        {
            var biotech = await db.Sectors.SingleAsync(s => s.Name == "Biotechnology");
            Assert.Equal(2, await db.Accounts.CountAsync(a => a.SectorId == biotech.Id));
            Assert.Equal(financial, (await db.Accounts.SingleAsync(a => a.ExternalId == "001Dm00000EU0002")).SectorId);

            // Contacts carry their account's sector with them.
            Assert.Equal(0, await db.Contacts.CountAsync(c => c.SectorId != c.Account!.SectorId));
            Assert.Equal(biotech.Id, (await db.Contacts.SingleAsync(c => c.ExternalId == "003Dm00000EU0006")).SectorId);
            var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "Import" && a.Action == "IndustriesResolved");
            Assert.Contains("Biotechnology", audit.Changes!, StringComparison.Ordinal);
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityType == "Sector" && a.Action == "Created" && a.Changes!.Contains("Biotechnology")));
            return 0;
        });

        // The same resolutions again change nothing.
        var snapshot = await SnapshotAsync(app);
        var again = await (await client.PostJsonAsync($"/api/v1/imports/{run.Id}/industries", body)).Content.ReadFromJsonAsync<IndustriesResolved>(CustomerTestData.Json);
        Assert.Equal((0, 0, 0), (again!.SectorsCreated, again.MappingsSaved, again.AccountsUpdated));
        Assert.Equal(snapshot, await SnapshotAsync(app));

        // The next import of the same file reads both industries by itself: fewer warnings, every row unchanged.
        var reimport = await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Accounts, Eu("Account.csv"));
        Assert.Equal((0, 0, 8, 6), (reimport.Created, reimport.Updated, reimport.Skipped, reimport.Warnings));
        var reread = await client.GetFromJsonAsync<List<ImportIndustry>>($"/api/v1/imports/{reimport.Id}/industries", CustomerTestData.Json);
        Assert.Equal((ImportReadingBasis.Mapping, "Financial services"), reread!.Where(i => i.Industry == "Banking").Select(i => (i.BasisAtImport, i.SectorAtImport)).Single());

        // A mapping changed to another sector moves the accounts it had placed.
        var insurance = await app.AddSectorAsync("Banking & insurance");
        var moved = await (await client.PostJsonAsync($"/api/v1/imports/{run.Id}/industries", new { resolutions = new[] { new { industry = "Banking", sectorId = insurance } } })).Content.ReadFromJsonAsync<IndustriesResolved>(CustomerTestData.Json);
        Assert.Equal((0, 1, 1), (moved!.SectorsCreated, moved.MappingsSaved, moved.AccountsUpdated));
        Assert.Equal(insurance, await app.WithDbAsync(db => db.Accounts.Where(a => a.ExternalId == "001Dm00000EU0002").Select(a => a.SectorId).SingleAsync()));

        var mappings = await client.GetFromJsonAsync<List<ImportMappingRow>>("/api/v1/import-mappings", CustomerTestData.Json);
        var mapping = Assert.Single(mappings!);
        Assert.Equal(("Banking", "Banking & insurance"), (mapping.Value, mapping.Sector));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/import-mappings/{mapping.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/import-mappings/{mapping.Id}")).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Relationships_come_from_the_CRMs_type_or_won_deals_and_a_persons_setting_survives_reimports(string database)
    {
        await using var app = new EndorseApp(database);
        await SeedAsync(app);
        var client = await app.ClientForAsync(Roles.ReferenceManager);
        await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Accounts, Eu("Account.csv"));

        async Task<(AccountRelationship, RelationshipSource)> Of(string externalId) =>
            await app.WithDbAsync(db => db.Accounts.Where(a => a.ExternalId == externalId).Select(a => new ValueTuple<AccountRelationship, RelationshipSource>(a.Relationship, a.RelationshipSource)).SingleAsync());

        Assert.Equal((AccountRelationship.Customer, RelationshipSource.Crm), await Of("001Dm00000EU0001"));
        Assert.Equal((AccountRelationship.Customer, RelationshipSource.Crm), await Of("001Dm00000EU0002"));
        Assert.Equal((AccountRelationship.FormerCustomer, RelationshipSource.Crm), await Of("001Dm00000EU0003"));
        Assert.Equal((AccountRelationship.Prospect, RelationshipSource.Crm), await Of("001Dm00000EU0005"));
        Assert.Equal((AccountRelationship.Prospect, RelationshipSource.Derived), await Of("001Dm00000EU0006"));

        // The reseller's type says nothing; its won deal makes it a customer when the deals come in.
        var deals = await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Opportunities, Eu("Opportunity.csv"));
        Assert.Equal((3, 0), (deals.Created, deals.Warnings));
        Assert.Equal((AccountRelationship.Customer, RelationshipSource.Derived), await Of("001Dm00000EU0006"));
        Assert.Equal((AccountRelationship.Prospect, RelationshipSource.Crm), await Of("001Dm00000EU0005"));

        // A person says Kliniken Nord has left; the CRM still says "Customer - Direct". The import keeps the person's word and warns.
        var id = await app.WithDbAsync(db => db.Accounts.Where(a => a.ExternalId == "001Dm00000EU0001").Select(a => a.Id).SingleAsync());
        var account = await (await client.GetAsync($"/api/v1/accounts/{id}")).ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/accounts/{id}/relationship", new { relationship = "FormerCustomer", updatedAt = account["updatedAt"]!.GetValue<DateTimeOffset>() })).StatusCode);

        var again = await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Accounts, Eu("Account.csv"));
        Assert.Equal((0, 0, 8), (again.Created, again.Updated, again.Skipped));
        Assert.Equal((AccountRelationship.FormerCustomer, RelationshipSource.Person), await Of("001Dm00000EU0001"));
        var kept = await client.GetFromJsonAsync<Page<ImportWarningRow>>($"/api/v1/imports/{again.Id}/warnings?kind=RelationshipKept", CustomerTestData.Json);
        var warning = Assert.Single(kept!.Items);
        Assert.Equal((2, "Type", "Customer - Direct"), (warning.LineNumber, warning.Column, warning.Value));
        Assert.Contains("their setting was kept", warning.Message, StringComparison.Ordinal);
        Assert.Equal(AccountRelationship.Customer, await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == id).Select(a => a.CrmRelationship).SingleAsync()));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Titles_in_five_languages_give_tiers_and_a_persons_correction_survives_a_reimport(string database)
    {
        await using var app = new EndorseApp(database);
        await SeedAsync(app);
        var client = await app.ClientForAsync(Roles.ReferenceManager);
        await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Accounts, Eu("Account.csv"));
        var contacts = await ImportFileAsync(app, ImportFormat.Salesforce, ImportEntity.Contacts, Eu("Contact.csv"));
        Assert.Equal((13, 0, 0), (contacts.Created, contacts.Rejected, contacts.Warnings));

        var tiers = await app.WithDbAsync(db => db.Contacts.OrderBy(c => c.ExternalId).Select(c => new { c.Title, c.SeniorityTier, c.SeniorityInferred }).ToListAsync());
        Assert.All(tiers, t => Assert.True(t.SeniorityInferred));
        Assert.Equal(
            [
                ("Geschäftsführerin", SeniorityTier.CLevel), ("Leiter IT", SeniorityTier.Director), ("Teamleiterin Patientenservice", SeniorityTier.Manager),
                ("Directrice générale", SeniorityTier.CLevel), ("Responsable des achats", SeniorityTier.Manager), ("Amministratore delegato", SeniorityTier.CLevel),
                ("Responsabile IT", SeniorityTier.Manager), ("Director General", SeniorityTier.CLevel), ("Jefe de Compras", SeniorityTier.Manager),
                ("Algemeen directeur", SeniorityTier.CLevel), ("Hoofd ICT", SeniorityTier.Director), ("Vizepräsident Finanzen", SeniorityTier.VicePresident),
                ("Sachbearbeiterin Einkauf", SeniorityTier.Practitioner),
            ],
            tiers.Select(t => (t.Title!, t.SeniorityTier)));

        // A person says Lukas Brandt, "Leiter IT", is the CIO in all but name.
        var lukas = await app.WithDbAsync(db => db.Contacts.Where(c => c.ExternalId == "003Dm00000EU0002").Select(c => new { c.Id, c.UpdatedAt }).SingleAsync());
        var set = await client.PutJsonAsync($"/api/v1/contacts/{lukas.Id}/seniority", new { seniorityTier = "CLevel", updatedAt = lukas.UpdatedAt });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        // The CRM now calls him "Abteilungsleiter IT" and Deniz "Bereichsleiterin Patientenservice".
        var changed = File.ReadAllText(Eu("Contact.csv"))
            .Replace("\"Leiter IT\"", "\"Abteilungsleiter IT\"", StringComparison.Ordinal)
            .Replace("\"Teamleiterin Patientenservice\"", "\"Bereichsleiterin Patientenservice\"", StringComparison.Ordinal);
        var reimport = await ImportAsync(app, ImportFormat.Salesforce, ImportEntity.Contacts, new MemoryStream(Encoding.UTF8.GetBytes(changed)), "Contact.csv");
        Assert.Equal((0, 2, 11, 1), (reimport.Created, reimport.Updated, reimport.Skipped, reimport.Warnings));

        var after = await (await client.GetAsync($"/api/v1/contacts/{lukas.Id}")).ReadJsonAsync();
        Assert.Equal(("Abteilungsleiter IT", "CLevel", false, "Director"), (after["title"]!.GetValue<string>(), after["seniorityTier"]!.GetValue<string>(), after["seniorityInferred"]!.GetValue<bool>(), after["titleReadsAs"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(after["seniorityTierSetBy"]!.GetValue<string>()));
        Assert.Equal(SeniorityTier.VicePresident, await app.WithDbAsync(db => db.Contacts.Where(c => c.ExternalId == "003Dm00000EU0003").Select(c => c.SeniorityTier).SingleAsync()));
        var warning = Assert.Single((await client.GetFromJsonAsync<Page<ImportWarningRow>>($"/api/v1/imports/{reimport.Id}/warnings", CustomerTestData.Json))!.Items);
        Assert.Equal((ImportWarningKind.SeniorityKept, 3, "Title", "Abteilungsleiter IT"), (warning.Kind, warning.LineNumber, warning.Column, warning.Value));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_HubSpot_deals_export_with_only_a_deal_stage_reads_won_and_closed_from_the_stage_and_a_mapping_fixes_custom_stages(string database)
    {
        await using var app = new EndorseApp(database);
        await SeedAsync(app);
        var client = await app.ClientForAsync(Roles.ReferenceManager);
        var companies = await ImportFileAsync(app, ImportFormat.HubSpot, ImportEntity.Accounts, HubSpot("companies.csv"));
        Assert.Equal((ImportStatus.Completed, 6, 0), (companies.Status, companies.Created, companies.Rejected));

        async Task<AccountRelationship> Of(string externalId) =>
            await app.WithDbAsync(db => db.Accounts.Where(a => a.ExternalId == externalId).Select(a => a.Relationship).SingleAsync());

        Assert.Equal(AccountRelationship.Customer, await Of("18233401"));
        Assert.Equal(AccountRelationship.Prospect, await Of("18233402"));
        Assert.Equal(AccountRelationship.Prospect, await Of("18233403"));
        Assert.Equal(AccountRelationship.Customer, await Of("18233404"));
        Assert.Equal(AccountRelationship.Prospect, await Of("18233405"));
        Assert.Equal(AccountRelationship.FormerCustomer, await Of("18233406"));

        var deals = await ImportFileAsync(app, ImportFormat.HubSpot, ImportEntity.Opportunities, HubSpot("deals.csv"));
        Assert.Equal((ImportStatus.Completed, 8, 0, 3), (deals.Status, deals.Created, deals.Rejected, deals.Warnings));
        async Task<(bool Won, bool Closed)> Deal(string id) =>
            await app.WithDbAsync(db => db.Opportunities.Where(o => o.ExternalId == id).Select(o => new ValueTuple<bool, bool>(o.IsWon, o.IsClosed)).SingleAsync());

        Assert.Equal((true, true), await Deal("90001"));
        Assert.Equal((false, false), await Deal("90002"));
        Assert.Equal((false, false), await Deal("90003"));
        Assert.Equal((true, true), await Deal("90004"));
        Assert.Equal((false, true), await Deal("90005"));
        Assert.Equal((false, false), await Deal("90006"));
        Assert.Equal((false, false), await Deal("90007"));
        Assert.Equal((true, true), await Deal("90008"));

        var stages = await client.GetFromJsonAsync<List<ImportDealStage>>($"/api/v1/imports/{deals.Id}/deal-stages", CustomerTestData.Json);
        // HubSpot's label "Closed Won" and its id "closedwon" are one stage.
        Assert.Equal(7, stages!.Count);
        Assert.Equal((2, DealOutcome.Won, ImportReadingBasis.BuiltIn), stages.Where(s => s.Stage == "Closed Won").Select(s => (s.Rows, s.ReadAs, s.Basis)).Single());
        Assert.Equal((DealOutcome.Lost, ImportReadingBasis.BuiltIn), stages.Where(s => s.Stage == "Closed Lost").Select(s => (s.ReadAs, s.Basis)).Single());
        Assert.Equal((DealOutcome.Open, ImportReadingBasis.Unknown), stages.Where(s => s.Stage == "98765432").Select(s => (s.ReadAs, s.Basis)).Single());
        Assert.Equal((DealOutcome.Won, ImportReadingBasis.Guessed), stages.Where(s => s.Stage == "Won - Renewal").Select(s => (s.ReadAs, s.Basis)).Single());
        var warnings = await client.GetFromJsonAsync<Page<ImportWarningRow>>($"/api/v1/imports/{deals.Id}/warnings", CustomerTestData.Json);
        Assert.Equal([(4, "98765432"), (8, "Verbal commit"), (9, "Won - Renewal")], warnings!.Items.Select(w => (w.LineNumber, w.Value!)));
        Assert.All(warnings.Items, w => Assert.Equal(("Deal Stage", ImportWarningKind.UnknownDealStage), (w.Column, w.Kind)));

        // Kestrel's partner pipeline: 98765432 is its won stage. Bad mappings change nothing.
        var before = await SnapshotAsync(app);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJsonAsync($"/api/v1/imports/{deals.Id}/deal-stages", new { stages = new[] { new { stage = "Moonshot", outcome = "Won" } } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendRawJsonAsync(HttpMethod.Post, $"/api/v1/imports/{deals.Id}/deal-stages", "{\"stages\":[{\"stage\":\"98765432\",\"outcome\":\"Maybe\"}]}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostJsonAsync($"/api/v1/imports/{deals.Id}/deal-stages", new { stages = new[] { new { stage = "98765432" } } })).StatusCode);
        Assert.Equal(before, await SnapshotAsync(app));

        var body = new { stages = new[] { new { stage = "98765432", outcome = "Won" }, new { stage = "Verbal commit", outcome = "Open" }, new { stage = "Won - Renewal", outcome = "Won" } } };
        var mapped = await (await client.PostJsonAsync($"/api/v1/imports/{deals.Id}/deal-stages", body)).Content.ReadFromJsonAsync<DealStagesMapped>(CustomerTestData.Json);
        Assert.Equal((3, 1, 1), (mapped!.MappingsSaved, mapped.OpportunitiesUpdated, mapped.AccountsChanged));
        Assert.Equal((true, true), await Deal("90003"));
        Assert.Equal(AccountRelationship.Customer, await Of("18233403"));
        Assert.Equal(DealOutcome.Won, mapped.Stages.Single(s => s.Stage == "98765432").MappedAs);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Import" && a.Action == "DealStagesMapped")));

        // Again: nothing to change. The next import reads the stages through the mappings: no warnings, nothing changed.
        var snapshot = await SnapshotAsync(app);
        var again = await (await client.PostJsonAsync($"/api/v1/imports/{deals.Id}/deal-stages", body)).Content.ReadFromJsonAsync<DealStagesMapped>(CustomerTestData.Json);
        Assert.Equal((0, 0, 0), (again!.MappingsSaved, again.OpportunitiesUpdated, again.AccountsChanged));
        Assert.Equal(snapshot, await SnapshotAsync(app));
        var reimport = await ImportFileAsync(app, ImportFormat.HubSpot, ImportEntity.Opportunities, HubSpot("deals.csv"));
        Assert.Equal((0, 0, 8, 0), (reimport.Created, reimport.Updated, reimport.Skipped, reimport.Warnings));
        Assert.Equal(snapshot, await SnapshotAsync(app));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_file_that_fails_keeps_no_warnings_no_values_and_no_rows(string database)
    {
        await using var app = new EndorseApp(database);
        await SeedAsync(app);
        await ImportFileAsync(app, ImportFormat.HubSpot, ImportEntity.Accounts, HubSpot("companies.csv"));
        var before = await SnapshotAsync(app);

        // A quote never closed on the last line: the whole file is refused, warnings and all.
        var broken = File.ReadAllText(HubSpot("deals.csv")) + "\"90009\",\"Broken,\"Sales Pipeline\",\"Verbal commit\n";
        var run = await ImportAsync(app, ImportFormat.HubSpot, ImportEntity.Opportunities, new MemoryStream(Encoding.UTF8.GetBytes(broken)), "deals.csv");

        Assert.Equal((ImportStatus.Failed, 0), (run.Status, run.Warnings));
        Assert.Equal(before, await SnapshotAsync(app));
        Assert.Equal(0, await app.WithDbAsync(db => db.ImportWarnings.CountAsync(w => w.ImportRunId == run.Id)));
        Assert.Equal(0, await app.WithDbAsync(db => db.ImportSeenValues.CountAsync(v => v.ImportRunId == run.Id)));
    }
}
