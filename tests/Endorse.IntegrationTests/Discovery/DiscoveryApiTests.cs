using System.Net;
using Endorse.Contacts;
using Endorse.Discovery;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.IntegrationTests.Readiness;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Endorse.IntegrationTests.Discovery;

public class DiscoveryApiTests
{
    private sealed record Seed(int Sector, int Product, int Veteran, int VeteranCeo, int VeteranManager, int NewLogo, int NewLogoVp, int Prospect, int Escalated, int AdvocateContact, int Colleague, int FormerCeo);

    private static async Task<Seed> SeedAsync(EndorseApp app)
    {
        var sector = await app.AddSectorAsync("Healthcare");
        var product = await app.AddProductAsync("Endorse Cloud");

        // The best-used advocate: a healthcare customer with the product.
        var model = await app.AddCustomerAsync("Model Health", sectorId: sector, productId: product);
        var advocateContact = await app.AddPersonAsync(model, "Mo", "Model", SeniorityTier.CLevel);
        var advocate = await app.EnrolAsync(advocateContact);
        await app.AddCompletedActivitiesAsync(advocate, model, 4);
        var colleague = await app.AddPersonAsync(model, "Col", "League", SeniorityTier.Manager);

        var veteran = await app.AddCustomerAsync("Veteran Hospital", sinceDaysAgo: 3000, sectorId: sector, productId: product, nps: 70);
        var ceo = await app.AddPersonAsync(veteran, "Vera", "Veteran", SeniorityTier.CLevel, "Chief Executive Officer");
        var manager = await app.AddPersonAsync(veteran, "Vic", "Veteran", SeniorityTier.Manager);
        var newLogo = await app.AddCustomerAsync("New Logo Clinic", sinceDaysAgo: 40, sectorId: sector, productId: product, nps: 70);
        var vp = await app.AddPersonAsync(newLogo, "Nell", "Newcomer", SeniorityTier.VicePresident);
        var prospect = await app.AddCustomerAsync("Prospect Care", sinceDaysAgo: null, sectorId: sector, productId: product);
        await app.AddPersonAsync(prospect, "Pat", "Prospect", SeniorityTier.CLevel);
        var escalated = await app.AddCustomerAsync("Escalated Medical", sectorId: sector, productId: product, escalations: 2);
        await app.AddPersonAsync(escalated, "Ed", "Escalated", SeniorityTier.CLevel);

        // A customer of long standing who has left: the customer-since date stays, the relationship says former customer.
        var former = await app.AddCustomerAsync("Former Infirmary", sinceDaysAgo: 3500, sectorId: sector, productId: product, nps: 90, relationship: Endorse.Accounts.AccountRelationship.FormerCustomer);
        var formerCeo = await app.AddPersonAsync(former, "Fern", "Former", SeniorityTier.CLevel);
        return new Seed(sector, product, veteran, ceo, manager, newLogo, vp, prospect, escalated, advocateContact, colleague, formerCeo);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Discovery_ranks_customers_contacts_who_are_not_advocates_explains_why_and_links_to_a_nomination(string database)
    {
        await using var app = new EndorseApp(database);
        var seed = await SeedAsync(app);
        var client = await app.ClientForAsync(Roles.ReferenceManager);

        var response = await client.GetAsync("/api/v1/discovery");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var ranked = body["candidates"]!.AsArray().Select(c => (int)c!["contactId"]!).ToList();

        // Customers only, advocates never, gated accounts left out; the longstanding customer's CEO first.
        Assert.Equal(seed.VeteranCeo, ranked[0]);
        Assert.Contains(seed.NewLogoVp, ranked);
        Assert.Contains(seed.Colleague, ranked);
        Assert.DoesNotContain(seed.AdvocateContact, ranked);
        Assert.DoesNotContain(seed.FormerCeo, ranked);
        Assert.True(ranked.IndexOf(seed.VeteranManager) > ranked.IndexOf(seed.VeteranCeo));
        Assert.True(ranked.IndexOf(seed.NewLogoVp) > ranked.IndexOf(seed.VeteranCeo));
        Assert.Equal(4, (int)body["candidateCount"]!);
        Assert.Equal(1, (int)body["excludedAccountCount"]!);
        Assert.Equal("Open escalation", (string)body["excludedByReason"]![0]!["label"]!);
        var excluded = body["excluded"]![0]!;
        Assert.Equal("Escalated Medical", (string)excluded["accountName"]!);
        Assert.Equal("The account has 2 open service escalations.", (string)excluded["sentences"]![0]!);

        var first = body["candidates"]![0]!;
        Assert.Equal("Vera Veteran", (string)first["name"]!);
        var factors = first["factors"]!.AsArray();
        Assert.Equal(10, factors.Count);
        Assert.Equal((double)first["score"]!, factors.Sum(f => (double)f!["points"]!), 1);
        Assert.Equal("Healthcare: 1 of the 1 profile accounts (the most common sector has 1).", (string)factors.Single(f => (string)f!["factor"]! == "Sector")!["explanation"]!);
        Assert.StartsWith("Customer for 8.2 years", (string)factors.Single(f => (string)f!["factor"]! == "Tenure")!["explanation"]!, StringComparison.Ordinal);
        var link = (string)first["nominateUrl"]!;
        Assert.StartsWith($"/nominations/new?contactId={seed.VeteranCeo}&reason=Found%20by%20candidate%20discovery", link, StringComparison.Ordinal);
        Assert.Equal(first["reason"]!.ToString(), Uri.UnescapeDataString(link[(link.IndexOf("reason=", StringComparison.Ordinal) + 7)..]));
        Assert.Equal(1, (int)body["profile"]!["accounts"]!);

        // Fill a gap: product × sector, seniority; search by account name; paging.
        var vps = await (await client.GetAsync($"/api/v1/discovery?productId={seed.Product}&sectorId={seed.Sector}&minimumSeniority=VicePresident")).ReadJsonAsync();
        Assert.Equal([seed.VeteranCeo, seed.NewLogoVp], vps["candidates"]!.AsArray().Select(c => (int)c!["contactId"]!));
        var search = await (await client.GetAsync("/api/v1/discovery?search=new%20logo")).ReadJsonAsync();
        Assert.Equal([seed.NewLogoVp], search["candidates"]!.AsArray().Select(c => (int)c!["contactId"]!));
        var second = await (await client.GetAsync("/api/v1/discovery?page=2&pageSize=2")).ReadJsonAsync();
        Assert.Equal(ranked.Skip(2).Take(2), second["candidates"]!.AsArray().Select(c => (int)c!["contactId"]!));
        Assert.Equal(3, (int)second["candidates"]![0]!["rank"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/discovery?pageSize=500")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/discovery?minimumSeniority=Boss")).StatusCode);

        // The export holds every candidate with an absolute nomination link.
        var csv = await client.GetStringAsync("/api/v1/discovery/export.csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.Contains($"http://localhost/nominations/new?contactId={seed.VeteranCeo}", lines[1], StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_index_ranks_like_the_naive_discovery_and_sees_every_change(string database)
    {
        await using var app = new EndorseApp(database);
        var seed = await SeedAsync(app);
        var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var exec = await app.CreateUserAsync(Roles.Executive);
        using var scope = app.Services.CreateScope();
        var index = scope.ServiceProvider.GetRequiredService<DiscoveryIndex>();
        var naive = scope.ServiceProvider.GetRequiredService<NaiveDiscovery>();
        DiscoveryCriteria[] criteria = [new(), new() { ProductId = seed.Product, SectorId = seed.Sector }, new() { MinimumSeniority = SeniorityTier.Director }];

        async Task SameAsync()
        {
            foreach (var c in criteria)
            {
                Assert.Equal(Shape(await naive.RankAsync(c, 50)), Shape((await index.RankAsync(c, 50)).Ranking));
            }
        }

        await SameAsync();

        // Through the API (read-your-writes): a gate, a wish, an executive-program membership.
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJsonAsync($"/api/v1/accounts/{seed.NewLogo}/gates", new { kind = "OnHold", startsOn = SourcingTestData.Today, endsOn = SourcingTestData.Today.AddDays(9), reason = "Go-live week" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJsonAsync("/api/v1/wish-list", new { accountId = seed.Veteran, dealOrSegment = "Hospitals" })).StatusCode);
        var program = await (await manager.PostJsonAsync("/api/v1/executive-programs", new { name = "CIO Circle", kind = "Peering" })).ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJsonAsync($"/api/v1/executive-programs/{(int)program["id"]!}/members", new { contactId = seed.VeteranManager, companyExecutiveId = exec.Id })).StatusCode);
        var ranking = (await index.RankAsync(new DiscoveryCriteria(), 50)).Ranking;
        Assert.DoesNotContain(ranking.Hits, h => h.Contact.ContactId == seed.NewLogoVp);
        Assert.Contains(ranking.ExcludedByReason, c => c.Kind == Endorse.Readiness.GateKind.OnHold);
        Assert.NotNull(ranking.Hits.Single(h => h.Account.AccountId == seed.Veteran && h.Contact.ContactId == seed.VeteranCeo).Account.Wish);
        Assert.NotEqual(0, ranking.Hits.Single(h => h.Contact.ContactId == seed.VeteranManager).Contact.ExecutiveProgramId);
        await SameAsync();

        // Straight in the database (an import, another feature): found by the periodic check.
        await app.EnrolAsync(seed.Colleague);
        await app.WithDbAsync(async db =>
        {
            var contact = await db.Contacts.SingleAsync(c => c.Id == seed.VeteranManager);
            contact.SeniorityTier = SeniorityTier.VicePresident;
            var account = await db.Accounts.SingleAsync(a => a.Id == seed.Prospect);
            account.CustomerSince = SourcingTestData.Today.AddDays(-800);
            account.Relationship = Endorse.Accounts.AccountRelationship.Customer; // an import decides the relationship with the date
            return await db.SaveChangesAsync();
        });
        await app.AddOpportunityAsync(seed.Veteran, "Veteran expansion", 2_000_000m, SourcingTestData.Today.AddDays(30));
        await index.RefreshAsync();
        var after = (await index.RankAsync(new DiscoveryCriteria(), 50)).Ranking;
        Assert.DoesNotContain(after.Hits, h => h.Contact.ContactId == seed.Colleague);
        Assert.DoesNotContain(after.Hits, h => h.Account.AccountId == seed.Veteran);
        Assert.Contains(after.Hits, h => h.Account.AccountId == seed.Prospect);
        await SameAsync();
    }

    private static string[] Shape(DiscoveryRanking r) =>
    [
        .. r.Hits.Select(h => $"{h.Contact.ContactId}:{h.Score:F6}:{h.Contact.Tier}:{h.Contact.ExecutiveProgramId}:{h.Account.Wish?.EntryId}"),
        $"candidates {r.CandidateCount} accounts {r.AccountCount} excluded {r.ExcludedAccountCount}/{r.ExcludedContactCount}",
        .. r.Excluded.Select(e => $"x{e.Account.AccountId}:{string.Join('|', e.Readiness.Sentences)}:{e.Readiness.FreeOn}"),
        .. r.ExcludedByReason.Select(c => $"{c.Kind}={c.Accounts}"),
        $"profile {r.Profile.Count}/{r.Profile.AdvocateAccounts}/{r.Profile.WishAccounts}",
    ];
}
