using Endorse.Accounts;
using Endorse.Contacts;
using Endorse.Data;
using Endorse.Demo;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Listing;
using Endorse.Users;
using Endorse.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Endorse.IntegrationTests.Demo;

public class DemoDataTests
{
    private sealed record Counts(int Accounts, int Contacts, int Opportunities, int Sectors, int Regions, int SalesAreas, int Products, int AccountProducts, int Users);

    private static async Task<Counts> CountAsync(EndorseDbContext db) => new(
        await db.Accounts.CountAsync(), await db.Contacts.CountAsync(), await db.Opportunities.CountAsync(),
        await db.Sectors.CountAsync(), await db.Regions.CountAsync(), await db.SalesAreas.CountAsync(),
        await db.Products.CountAsync(), await db.AccountProducts.CountAsync(), await db.Users.CountAsync());

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_first_start_loads_the_demo_data_set_and_a_second_start_keeps_it(string database)
    {
        await using var app = new EndorseApp(database, new Dictionary<string, string?> { ["Demo:Enabled"] = "true" });
        _ = app.Services; // starts Endorse: migrations, demo users, demo data

        var first = await app.WithDbAsync(CountAsync);
        Assert.Equal(DemoDataLoader.AccountCount + DemoImports.Companies, first.Accounts);
        Assert.Equal(DemoDataLoader.ContactCount, first.Contacts);
        Assert.Equal(DemoDataLoader.OpportunityCount + DemoImports.Deals, first.Opportunities);
        Assert.Equal(12, first.Sectors);
        Assert.Equal(5, first.Regions);
        Assert.InRange(first.SalesAreas, 10, 12);
        Assert.InRange(first.Products, 8, 10);
        Assert.True(first.AccountProducts > first.Accounts, "customers own products");
        Assert.Equal(DemoSetup.DemoUsers.Count, first.Users);
        Assert.Equal(0, await app.WithDbAsync(db => db.Contacts.CountAsync(c => c.SectorId != c.Account!.SectorId || c.RegionId != c.Account.RegionId)));
        Assert.True(await app.WithDbAsync(db => db.Contacts.AnyAsync(c => c.SectorId != null && c.RegionId != null)), "contacts carry their account's sector and region");

        var (repOwns, repArea, managerArea, managedArea) = await app.WithDbAsync(async db =>
        {
            var rep = await db.Users.SingleAsync(u => u.Email == "rep@demo.endorse.example");
            var manager = await db.Users.SingleAsync(u => u.Email == "salesmanager@demo.endorse.example");
            var area = await db.SalesAreas.SingleAsync(a => a.Name == DemoDataSetup.DemoSalesArea);
            return (await db.Accounts.CountAsync(a => a.OwnerId == rep.Id), rep.SalesAreaId, manager.SalesAreaId, area.ManagerId == manager.Id ? area.Id : (int?)null);
        });
        Assert.InRange(repOwns, 50, 150);
        Assert.NotNull(managerArea);
        Assert.Equal(managerArea, managedArea);
        Assert.Equal(managerArea, repArea);

        // The demo data reads back through EF Core with what the list pages filter on.
        var sample = await app.WithDbAsync(db => db.Contacts.AsNoTracking().Where(c => c.SeniorityTier == SeniorityTier.CLevel).OrderBy(c => c.NameSearch).FirstAsync());
        Assert.Equal(SeniorityInference.FromTitle(sample.Title), sample.SeniorityTier);
        Assert.True(await app.WithDbAsync(db => db.Accounts.AnyAsync(a => a.DisclosurePermission == DisclosurePermission.NoPublicity)));

        // The demo program: active advocates, and each demo user has a request and a notification that links to it.
        Assert.True(await app.WithDbAsync(db => db.Advocates.CountAsync(a => a.Status == Endorse.Advocates.AdvocateStatus.Active)) >= 20, "the demo has active advocates");

        // Sourcing shows in use with customers only: discovery finds candidates, and every demo nomination and open wish
        // is at an account whose relationship is customer (former customers in the demo are left out).
        using (var scope = app.Services.CreateScope())
        {
            var ranking = (await scope.ServiceProvider.GetRequiredService<Endorse.Discovery.DiscoveryIndex>().RankAsync(new Endorse.Discovery.DiscoveryCriteria(), 10)).Ranking;
            Assert.True(ranking.CandidateCount >= 10, $"the demo has {ranking.CandidateCount} discovery candidates");
        }

        Assert.True(await app.WithDbAsync(db => db.Nominations.CountAsync()) >= 5, "the demo has nominations");
        Assert.Equal(0, await app.WithDbAsync(db => db.Nominations.CountAsync(n => db.Accounts.Any(a => a.Id == n.AccountId && a.Relationship != AccountRelationship.Customer))));
        Assert.Equal(0, await app.WithDbAsync(db => db.WishListEntries.CountAsync(w => w.OpenAccountId != null && db.Accounts.Any(a => a.Id == w.AccountId && a.Relationship != AccountRelationship.Customer))));
        foreach (var (email, _, _) in DemoSetup.DemoUsers)
        {
            var (requests, links) = await app.WithDbAsync(async db =>
            {
                var user = await db.Users.SingleAsync(u => u.Email == email);
                return (await db.ReferenceRequests.CountAsync(r => r.RequesterId == user.Id),
                    await db.Notifications.Where(n => n.UserId == user.Id).Select(n => n.Link).ToListAsync());
            });
            Assert.True(requests > 0, $"{email} has no demo request");
            Assert.NotEmpty(links);
            // Every notification opens a record of the app; each user has at least one about their request.
            Assert.All(links, link => Assert.Matches(@"^/[a-z-]+(/\d+)?(\?.+)?$", link));
            Assert.Contains(links, link => link is not null && System.Text.RegularExpressions.Regex.IsMatch(link, @"^/requests/\d+$"));
        }

        // Prospects, customers and former customers; and two HubSpot imports whose reports have something to show.
        var relationships = await app.WithDbAsync(db => db.Accounts.GroupBy(a => a.Relationship).Select(g => g.Key).ToListAsync());
        Assert.Equal([AccountRelationship.Prospect, AccountRelationship.Customer, AccountRelationship.FormerCustomer], relationships.Order());
        var imports = await app.WithDbAsync(db => db.ImportRuns.OrderBy(r => r.Id).Select(r => new { r.Status, r.Warnings }).ToListAsync());
        Assert.Equal(2, imports.Count);
        Assert.All(imports, i => Assert.True(i.Status == Endorse.Import.ImportStatus.Completed && i.Warnings > 0, $"{i.Status}, {i.Warnings} warnings"));

        // A second start on the same database: same counts, nothing duplicated.
        await using (var secondStart = app.WithWebHostBuilder(_ => { }))
        {
            _ = secondStart.Services;
        }

        Assert.Equal(first, await app.WithDbAsync(CountAsync));
        Assert.False(await app.WithDbAsync(db => DemoDataLoader.LoadAsync(db, [], new DateOnly(2026, 1, 1))));
        Assert.Equal(first, await app.WithDbAsync(CountAsync));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_bulk_generator_writes_rows_that_read_back_through_EF_Core(string database)
    {
        await using var app = new EndorseApp(database);
        var rep = await app.CreateUserAsync(Roles.SalesRep);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var result = await app.WithDbAsync(db => BulkGenerator.RunAsync(db, new GenerateOptions(400, 2_000, 1_000, Seed: 5), TimeProvider.System, _ => { }));
        Assert.Equal(400, result.Accounts);
        Assert.Equal(2_000, result.Contacts);
        Assert.Equal(1_000, result.Opportunities);

        var counts = await app.WithDbAsync(CountAsync);
        Assert.Equal((400, 2_000, 1_000), (counts.Accounts, counts.Contacts, counts.Opportunities));
        Assert.Equal(result.AccountProducts, counts.AccountProducts);

        // Every account is owned by the one sales rep, and the columns EF Core keeps read back as EF Core writes them.
        var accounts = await app.WithDbAsync(db => db.Accounts.AsNoTracking().Include(a => a.Products).OrderBy(a => a.Id).ToListAsync());
        Assert.All(accounts, a =>
        {
            Assert.Equal(rep.Id, a.OwnerId);
            Assert.Equal(SearchText.Normalize(a.Name), a.NameSearch);
            Assert.Equal(SizeBands.FromEmployees(a.Employees), a.SizeBand);
            Assert.InRange(a.CreatedAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
            Assert.Equal(a.CreatedAt, a.UpdatedAt);
            Assert.True(a.AnnualRevenue > 0);
        });
        Assert.Contains(accounts, a => a.Products.Count > 0 && a.Products.All(p => p.GoLiveOn <= DateOnly.FromDateTime(DateTime.UtcNow)));

        // The search columns work with the list helpers: a prefix search and a filter on an index.
        var someone = await app.WithDbAsync(db => db.Contacts.AsNoTracking().OrderBy(c => c.Id).Skip(1_234).FirstAsync());
        var prefix = SearchText.Normalize(someone.LastName)[..3];
        var found = await app.WithDbAsync(db => db.Contacts.AsNoTracking().WherePrefix(c => c.NameSearch, prefix).OrderBy(c => c.NameSearch).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.LastName, Account = c.Account!.Name }).ToPageAsync(new PageRequest(PageSize: 200)));
        Assert.NotEmpty(found.Items);
        Assert.All(found.Items, c => Assert.StartsWith(prefix, SearchText.Normalize(c.LastName), StringComparison.Ordinal));
        Assert.Equal(
            await app.WithDbAsync(db => db.Contacts.CountAsync(c => c.Account!.OwnerId == rep.Id)),
            counts.Contacts);

        // A second run adds to what is there, and EF Core's own inserts still get fresh ids afterwards.
        await app.WithDbAsync(db => BulkGenerator.RunAsync(db, new GenerateOptions(10, 20, 5, Seed: 6), TimeProvider.System, _ => { }));
        var added = await app.WithDbAsync(async db =>
        {
            var account = new Account { Name = "Added After Generation" };
            db.Accounts.Add(account);
            db.Contacts.Add(new Contact { Account = account, LastName = "Later" });
            await db.SaveChangesAsync();
            return account.Id;
        });
        Assert.Equal(411, added);
        Assert.Equal(2_021, await app.WithDbAsync(db => db.Contacts.CountAsync()));
    }

    [Fact]
    public void The_generate_command_reads_its_options_and_refuses_bad_ones()
    {
        Assert.True(GenerateCommand.TryParse(["--accounts", "200000", "--contacts", "1000000", "--opportunities", "2000000", "--seed", "7"], out var options, out _));
        Assert.Equal(new GenerateOptions(200_000, 1_000_000, 2_000_000, 7), options);
        Assert.False(GenerateCommand.TryParse(["--accounts", "many"], out _, out var error));
        Assert.Contains("--accounts", error, StringComparison.Ordinal);
        Assert.False(GenerateCommand.TryParse(["--rows", "5"], out _, out _));
        Assert.False(GenerateCommand.TryParse(["--accounts", "0", "--contacts", "5"], out _, out _));
    }
}
