using Endorse.Accounts;
using Endorse.Contacts;
using Endorse.Demo;
using Endorse.Listing;

namespace Endorse.Tests.Demo;

public class DataGeneratorTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static DemoCatalog.Ids Catalog() => new(
        Enumerable.Range(1, DemoCatalog.Sectors.Count).ToArray(),
        Enumerable.Range(1, DemoCatalog.Regions.Count).ToArray(),
        DemoCatalog.SalesAreas.Select((a, i) => (a.Name, Id: i + 1)).ToDictionary(a => a.Name, a => a.Id),
        Enumerable.Range(1, DemoCatalog.Products.Count).ToArray(),
        DemoCatalog.Products.Select(p => (DateOnly?)new DateOnly(Today.Year, Today.Month, 1).AddMonths(-p.LaunchedMonthsAgo)).ToArray());

    private static (List<Account> Accounts, List<Contact> Contacts, List<Endorse.Opportunities.Opportunity> Opportunities) Generate(int seed, IReadOnlyList<string?>? owners = null)
    {
        var generator = new DataGenerator(seed, Catalog(), owners ?? ["rep-a", "rep-b", null], Today);
        var accounts = generator.Accounts(300).ToList();
        var contacts = generator.Contacts(1_500, i => i + 1).ToList();
        var opportunities = generator.Opportunities(600, i => i + 1).ToList();
        return (accounts, contacts, opportunities);
    }

    [Fact]
    public void The_same_seed_gives_the_same_data_and_another_seed_other_data()
    {
        var first = Generate(7);
        var again = Generate(7);
        var other = Generate(8);

        static string Fingerprint((List<Account> A, List<Contact> C, List<Endorse.Opportunities.Opportunity> O) data) => string.Join("\n",
            data.A.Select(a => $"{a.Name}|{a.Country}|{a.SectorId}|{a.Employees}|{a.AnnualRevenue}|{a.CustomerSince}|{a.RenewalOn}|{a.SatisfactionScore}|{a.DisclosurePermission}|{a.OwnerId}|{string.Join(",", a.Products.Select(p => $"{p.ProductId}@{p.GoLiveOn}"))}")
                .Concat(data.C.Select(c => $"{c.AccountId}|{c.FirstName}|{c.LastName}|{c.Email}|{c.Title}|{c.SeniorityTier}"))
                .Concat(data.O.Select(o => $"{o.AccountId}|{o.Name}|{o.Stage}|{o.Amount}|{o.CloseDate}|{o.IsWon}")));

        Assert.Equal(Fingerprint(first), Fingerprint(again));
        Assert.NotEqual(Fingerprint(first), Fingerprint(other));
    }

    [Fact]
    public void Accounts_spread_over_every_sector_region_size_and_disclosure_permission()
    {
        var (accounts, _, _) = Generate(42);

        Assert.Equal(DemoCatalog.Sectors.Count, accounts.Select(a => a.SectorId).Distinct().Count());
        Assert.Equal(DemoCatalog.Regions.Count, accounts.Select(a => a.RegionId).Distinct().Count());
        Assert.True(accounts.Select(a => a.SalesAreaId).Distinct().Count() >= 10);
        Assert.All(Enum.GetValues<SizeBand>().Where(b => b != SizeBand.Unknown), band => Assert.Contains(accounts, a => a.SizeBand == band));
        Assert.All(Enum.GetValues<DisclosurePermission>(), permission => Assert.Contains(accounts, a => a.DisclosurePermission == permission));

        var noPublicity = accounts.Count(a => a.DisclosurePermission == DisclosurePermission.NoPublicity);
        Assert.InRange(noPublicity, 10, 60);

        // Escalations are the exception, not the rule.
        Assert.InRange(accounts.Count(a => a.OpenEscalations == 0), 220, 290);
        Assert.Contains(accounts, a => a.OpenEscalations > 0);
        Assert.Contains(accounts, a => a.SatisfactionKind == SatisfactionKind.Nps && a.SatisfactionMeasuredOn is not null);
        Assert.Contains(accounts, a => a.SatisfactionKind == SatisfactionKind.Csat && a.SatisfactionScore is >= 0 and <= 100);
    }

    [Fact]
    public void Account_dates_and_products_are_consistent()
    {
        var (accounts, _, _) = Generate(42);

        Assert.All(accounts, a =>
        {
            Assert.Equal(SourceSystem.Endorse, a.Source);
            Assert.Null(a.ExternalId);
            Assert.Equal(SearchText.Normalize(a.Name), a.NameSearch);
            Assert.Equal(SizeBands.FromEmployees(a.Employees), a.SizeBand);
            if (a.CustomerSince is { } since)
            {
                Assert.True(since < Today);
                Assert.True(a.RenewalOn > a.ContractSignedOn);
                Assert.All(a.Products, p => Assert.InRange(p.GoLiveOn!.Value, since, Today));
            }
            else
            {
                Assert.Empty(a.Products);
            }
        });

        // Strategic new products have customers, but fewer than the core platform.
        var strategic = DemoCatalog.Products.Select((p, i) => (p, Id: i + 1)).Where(x => x.p.IsStrategic).Select(x => x.Id).ToHashSet();
        var ownersOfStrategic = accounts.Count(a => a.Products.Any(p => strategic.Contains(p.ProductId)));
        Assert.InRange(ownersOfStrategic, 1, accounts.Count(a => a.Products.Any(p => p.ProductId == 1)) - 1);
    }

    [Fact]
    public void Owners_are_dealt_round_robin_and_reps_outside_Endorse_keep_a_crm_id()
    {
        var (accounts, _, opportunities) = Generate(42, ["rep-a", "rep-b", null]);

        Assert.Equal(100, accounts.Count(a => a.OwnerId == "rep-a"));
        Assert.Equal(100, accounts.Count(a => a.OwnerId == "rep-b"));
        Assert.All(accounts.Where(a => a.OwnerId is null), a => Assert.NotNull(a.OwnerExternalId));
        Assert.All(opportunities, o => Assert.Equal(accounts[o.AccountId!.Value - 1].OwnerId, o.OwnerId));
    }

    [Fact]
    public void Contacts_belong_to_existing_accounts_cover_every_tier_and_have_the_company_domain()
    {
        var (accounts, contacts, opportunities) = Generate(42);

        Assert.All(contacts, c => Assert.InRange(c.AccountId, 1, accounts.Count));
        Assert.All(opportunities, o => Assert.InRange(o.AccountId!.Value, 1, accounts.Count));
        Assert.Equal(accounts.Count, contacts.Select(c => c.AccountId).Distinct().Count());

        Assert.All(Enum.GetValues<SeniorityTier>(), tier => Assert.Contains(contacts, c => c.SeniorityTier == tier));
        Assert.All(contacts, c => Assert.Equal(SeniorityInference.FromTitle(c.Title), c.SeniorityTier));
        Assert.True(contacts.Count(c => c.SeniorityTier == SeniorityTier.CLevel) < contacts.Count(c => c.SeniorityTier == SeniorityTier.Manager));

        Assert.All(contacts, c =>
        {
            var domain = new Uri(accounts[c.AccountId - 1].Website!).Host["www.".Length..];
            Assert.EndsWith("@" + domain, c.Email, StringComparison.Ordinal);
            Assert.Matches("^[a-z0-9.-]+@[a-z0-9.-]+$", c.Email);
            Assert.Equal(SearchText.Normalize($"{c.LastName} {c.FirstName}"), c.NameSearch);
        });
        Assert.Equal(contacts.Count, contacts.Select(c => c.Email).Distinct().Count());
    }

    [Fact]
    public void Every_title_template_infers_the_tier_it_is_listed_under()
    {
        foreach (var (tier, templates) in WordLists.Titles)
        {
            foreach (var template in templates)
            {
                foreach (var department in WordLists.Departments)
                {
                    var title = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, department);
                    Assert.True(SeniorityInference.FromTitle(title) == tier, $"'{title}' infers {SeniorityInference.FromTitle(title)}, listed under {tier}");
                }
            }
        }
    }

    [Fact]
    public void Opportunities_are_open_in_the_future_or_closed_in_the_past()
    {
        var (_, _, opportunities) = Generate(42);

        Assert.All(opportunities.Where(o => o.IsClosed), o => Assert.True(o.CloseDate <= Today && o.Stage!.StartsWith("Closed", StringComparison.Ordinal)));
        Assert.All(opportunities.Where(o => !o.IsClosed), o => Assert.True(o.CloseDate > Today && !o.IsWon));
        Assert.Contains(opportunities, o => o.IsWon);
        Assert.Contains(opportunities, o => o.IsClosed && !o.IsWon);
        Assert.All(opportunities, o => Assert.InRange(o.Amount!.Value, 1_000m, 5_000_000m));
    }

    [Fact]
    public void Contacts_cannot_be_generated_before_accounts()
    {
        var generator = new DataGenerator(1, Catalog(), [], Today);
        Assert.Throws<InvalidOperationException>(() => generator.Contacts(1, i => i).ToList());
    }

    [Fact]
    public void Every_local_language_title_infers_the_tier_it_is_listed_under()
    {
        foreach (var (language, tiers) in WordLists.LocalTitles)
        {
            foreach (var (tier, titles) in tiers)
            {
                Assert.All(titles, title => Assert.True(SeniorityInference.FromTitle(title) == tier, $"{language} '{title}' infers {SeniorityInference.FromTitle(title)}, listed under {tier}"));
            }
        }
    }

    [Fact]
    public void Accounts_are_a_mix_of_prospects_customers_and_former_customers_and_prospects_have_won_nothing()
    {
        var (accounts, contacts, opportunities) = Generate(42);

        var byRelationship = accounts.GroupBy(a => a.Relationship).ToDictionary(g => g.Key, g => g.Count());
        Assert.InRange(byRelationship[AccountRelationship.Customer], 200, 270);
        Assert.InRange(byRelationship[AccountRelationship.Prospect], 20, 70);
        Assert.InRange(byRelationship[AccountRelationship.FormerCustomer], 8, 30);
        Assert.All(accounts.Where(a => a.Relationship == AccountRelationship.Customer), a => Assert.NotNull(a.CustomerSince));
        Assert.All(accounts.Where(a => a.Relationship == AccountRelationship.FormerCustomer), a => Assert.True(a.RenewalOn < Today, $"{a.Name} left but renews on {a.RenewalOn}"));
        Assert.All(accounts.Where(a => a.Relationship == AccountRelationship.FormerCustomer), a => Assert.Equal(RelationshipSource.Person, a.RelationshipSource));

        // Opportunities refer to accounts by position + 1 here.
        var prospects = accounts.Select((a, i) => (a, Id: i + 1)).Where(x => x.a.Relationship == AccountRelationship.Prospect).Select(x => x.Id).ToHashSet();
        Assert.DoesNotContain(opportunities, o => o.IsWon && prospects.Contains(o.AccountId!.Value));

        // Contacts in German-, French-, Spanish-, Italian- and Dutch-speaking countries partly carry titles in their language.
        Assert.Contains(contacts, c => c.Title is "Geschäftsführer" or "Leiter IT" or "Teamleiter Kundenservice" or "Projektleiterin" or "Sachbearbeiterin Buchhaltung" or "Referent Datenschutz" or "Softwareentwickler" or "Systemadministratorin");
    }
}
