using Endorse.Accounts;
using Endorse.Contacts;
using Endorse.Discovery;
using Endorse.ExecutivePrograms;
using Endorse.Fatigue;
using Endorse.Readiness;

namespace Endorse.Tests.Discovery;

public class DiscoveryRankerTests
{
    private const int Healthcare = 1;
    private const int Banking = 2;
    private const int Emea = 5;
    private const int Americas = 6;
    private const int Cloud = 100;
    private const int Payroll = 101;
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly FatiguePolicy Policy = FatiguePolicy.Default;

    private static readonly DiscoveryNames Names = new(
        new Dictionary<int, string> { [Healthcare] = "Healthcare", [Banking] = "Banking" },
        new Dictionary<int, string> { [Emea] = "EMEA", [Americas] = "Americas" },
        new Dictionary<int, string> { [Cloud] = "Cloud Suite", [Payroll] = "Payroll" },
        new Dictionary<int, ProgramFact> { [9] = new(9, "CIO Circle", ExecutiveProgramKind.Peering) });

    /// <summary>Three best-used advocates' accounts in healthcare (two in EMEA, all own Cloud Suite) and one wished-for bank.</summary>
    private static readonly DiscoveryProfile Profile = DiscoveryLoader.Profile(
        [
            new ProfileMember(900, Healthcare, Emea, SizeBand.Large, [Cloud], true, false),
            new ProfileMember(901, Healthcare, Emea, SizeBand.Large, [Cloud, Payroll], true, false),
            new ProfileMember(902, Healthcare, Americas, SizeBand.Enterprise, [Cloud], true, false),
        ],
        [new ProfileMember(903, Banking, Americas, SizeBand.Large, [Payroll], false, true)]);

    private static DiscoveryAccount Account(
        int id,
        int? sector = Healthcare,
        int? region = Emea,
        SizeBand size = SizeBand.Large,
        int[]? products = null,
        string? since = "2018-01-01",
        int? nps = 50,
        AccountState? readiness = null,
        DateOnly? happy = null,
        WishFact? wish = null,
        params DiscoveryContact[] contacts) => new()
        {
            AccountId = id,
            Name = $"Account {id}",
            NameSearch = $"account {id}",
            SectorId = sector,
            RegionId = region,
            SizeBand = size,
            ProductIds = products ?? [Cloud],
            CustomerSince = since is null ? null : DateOnly.Parse(since, System.Globalization.CultureInfo.InvariantCulture),
            SatisfactionKind = nps is null ? SatisfactionKind.None : SatisfactionKind.Nps,
            SatisfactionScore = nps,
            Readiness = readiness ?? new AccountState(id),
            OnboardedHappilyOn = happy,
            Wish = wish,
            Contacts = contacts.Length == 0 ? [new DiscoveryContact(id * 10, SeniorityTier.Director, 0)] : contacts,
        };

    private static DiscoveryRanking Rank(IReadOnlyList<DiscoveryAccount> accounts, DiscoveryCriteria? criteria = null, int top = 25) =>
        DiscoveryRanker.Rank(accounts, i => DiscoveryLoader.Blocking(Policy, accounts[i], Today), Profile, criteria ?? new DiscoveryCriteria(), Today, top);

    [Fact]
    public void A_longstanding_satisfied_customer_ranks_above_a_new_logo()
    {
        var veteran = Account(1, since: "2017-03-01", nps: 60);
        var newLogo = Account(2, since: "2026-09-01", nps: 60);

        var ranking = Rank([newLogo, veteran]);

        Assert.Equal([10, 20], ranking.Hits.Select(h => h.Contact.ContactId));
        var tenure = DiscoveryScorer.Explain(Profile, veteran, veteran.Contacts[0], Today, Names).Single(f => f.Factor == DiscoveryFactor.Tenure);
        Assert.Equal(1, tenure.Value);
        Assert.Equal("Customer for 9.7 years, since 2017-03-01 (full marks from 5).", tenure.Explanation);
    }

    [Fact]
    public void Each_factor_says_why_and_the_points_add_up_to_the_score()
    {
        var account = Account(1, contacts: new DiscoveryContact(10, SeniorityTier.CLevel, 9), happy: new DateOnly(2026, 10, 1), wish: new WishFact(4, "Sam Seller", "Globex deal", DateTimeOffset.UnixEpoch));

        var hit = Assert.Single(Rank([account]).Hits);
        var factors = DiscoveryScorer.Explain(Profile, account, hit.Contact, Today, Names);

        Assert.Equal(DiscoveryWeights.FactorCount, factors.Count);
        Assert.Equal(hit.Score, factors.Sum(f => f.Points), 9);
        Assert.Equal(100, factors.Sum(f => f.MaxPoints), 9);
        Assert.Equal("Healthcare: 3 of the 4 profile accounts (the most common sector has 3).", factors.Single(f => f.Factor == DiscoveryFactor.Sector).Explanation);
        Assert.Equal("Owns Cloud Suite, like 3 of the 4 profile accounts (the most common product: 3).", factors.Single(f => f.Factor == DiscoveryFactor.Products).Explanation);
        Assert.Equal("Member of the CIO Circle (peering program).", factors.Single(f => f.Factor == DiscoveryFactor.ExecutiveProgram).Explanation);
        Assert.Equal("Onboarded happily: the go-live check-in on 2026-10-01 found the customer happy.", factors.Single(f => f.Factor == DiscoveryFactor.OnboardedHappily).Explanation);
        Assert.Equal("On the wish list: Sam Seller wished for it (Globex deal).", factors.Single(f => f.Factor == DiscoveryFactor.WishList).Explanation);
        Assert.Equal("C-level: the most senior voice.", factors.Single(f => f.Factor == DiscoveryFactor.Seniority).Explanation);
    }

    [Fact]
    public void Resembling_the_profile_earns_points()
    {
        var alike = Account(1, sector: Healthcare, region: Emea, products: [Cloud]);
        var unlike = Account(2, sector: 77, region: 78, size: SizeBand.Small, products: [555]);

        var ranking = Rank([unlike, alike]);

        Assert.Equal([10, 20], ranking.Hits.Select(h => h.Contact.ContactId));
        var sector = DiscoveryScorer.Explain(Profile, unlike, unlike.Contacts[0], Today, Names).Single(f => f.Factor == DiscoveryFactor.Sector);
        Assert.Equal(0, sector.Points);
        Assert.Equal("Owns none of the products the profile accounts own.", DiscoveryScorer.Explain(Profile, unlike, unlike.Contacts[0], Today, Names).Single(f => f.Factor == DiscoveryFactor.Products).Explanation);
    }

    [Fact]
    public void Executives_and_happily_onboarded_customers_rank_higher_than_their_peers()
    {
        var plain = Account(1, contacts: new DiscoveryContact(10, SeniorityTier.VicePresident, 0));
        var member = Account(2, contacts: new DiscoveryContact(20, SeniorityTier.VicePresident, 9));
        var happy = Account(3, happy: Today.AddDays(-30), contacts: new DiscoveryContact(30, SeniorityTier.VicePresident, 0));

        Assert.Equal([20, 30, 10], Rank([plain, member, happy]).Hits.Select(h => h.Contact.ContactId));
    }

    [Fact]
    public void Gated_accounts_are_left_out_with_the_gate_sentence_and_counted_by_reason()
    {
        var escalated = Account(1, readiness: new AccountState(1) { OpenEscalations = 1 });
        var bid = Account(2, readiness: new AccountState(2) { LargestOpenBid = new OpenBid(5, "Mega deal", 900_000m, "USD", Today.AddDays(40)) });
        var both = Account(3, readiness: new AccountState(3) { OpenEscalations = 2, LargestOpenBid = new OpenBid(6, "Other deal", 600_000m, "USD", Today.AddDays(10)) });
        var fine = Account(4);

        var ranking = Rank([escalated, bid, both, fine]);

        Assert.Equal([40], ranking.Hits.Select(h => h.Contact.ContactId));
        Assert.Equal(3, ranking.ExcludedAccountCount);
        Assert.Equal([new GateCount(GateKind.OpenEscalation, 2), new GateCount(GateKind.BigBid, 2)], ranking.ExcludedByReason);
        var excluded = ranking.Excluded.Single(e => e.Account.AccountId == 1);
        Assert.Equal(["The account has 1 open service escalation."], excluded.Readiness.Blocking.Select(g => g.Sentence));
        Assert.Equal(Today.AddDays(41), ranking.Excluded.Single(e => e.Account.AccountId == 2).Readiness.FreeOn);
    }

    [Fact]
    public void A_gap_filter_keeps_only_the_product_and_sector_pair_the_region_and_the_seniority_asked_for()
    {
        var accounts = new[]
        {
            Account(1, sector: Healthcare, products: [Payroll], contacts: new DiscoveryContact(10, SeniorityTier.CLevel, 0)),
            Account(2, sector: Banking, products: [Payroll], contacts: new DiscoveryContact(20, SeniorityTier.CLevel, 0)),
            Account(3, sector: Healthcare, products: [Cloud], contacts: new DiscoveryContact(30, SeniorityTier.CLevel, 0)),
            Account(4, sector: Healthcare, region: Americas, products: [Payroll], contacts: [new DiscoveryContact(40, SeniorityTier.CLevel, 0), new DiscoveryContact(41, SeniorityTier.Manager, 0)]),
        };

        Assert.Equal([10, 40, 41], Rank(accounts, new DiscoveryCriteria { ProductId = Payroll, SectorId = Healthcare }).Hits.Select(h => h.Contact.ContactId).Order());
        Assert.Equal([10], Rank(accounts, new DiscoveryCriteria { ProductId = Payroll, SectorId = Healthcare, RegionId = Emea }).Hits.Select(h => h.Contact.ContactId));
        Assert.Equal([10, 40], Rank(accounts, new DiscoveryCriteria { ProductId = Payroll, SectorId = Healthcare, MinimumSeniority = SeniorityTier.VicePresident }).Hits.Select(h => h.Contact.ContactId).Order());
        Assert.Equal(3, Rank(accounts, new DiscoveryCriteria { ProductId = Payroll, SectorId = Healthcare }).CandidateCount);
    }

    [Fact]
    public void Ties_break_by_contact_id_and_the_top_is_bounded()
    {
        var accounts = Enumerable.Range(1, 30).Select(i => Account(i)).Reverse().ToList();

        var ranking = Rank(accounts, top: 5);

        Assert.Equal([10, 20, 30, 40, 50], ranking.Hits.Select(h => h.Contact.ContactId));
        Assert.Equal(30, ranking.CandidateCount);
        Assert.Equal(30, ranking.AccountCount);
    }

    [Fact]
    public void Without_advocates_or_wishes_resemblance_counts_as_neutral()
    {
        var account = Account(1);

        var factors = DiscoveryScorer.Explain(DiscoveryProfile.Empty, account, account.Contacts[0], Today, Names);

        Assert.All(factors.Where(f => f.Factor <= DiscoveryFactor.Region), f => Assert.Equal(0.5, f.Value));
        Assert.StartsWith("No best-used advocates or wishes", factors[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_nomination_link_carries_the_contact_and_the_reason()
    {
        var url = DiscoveryService.NominateUrl(42, "Found by candidate discovery (score 81.0 of 100): NPS 70.");

        Assert.Equal("/nominations/new?contactId=42&reason=Found%20by%20candidate%20discovery%20%28score%2081.0%20of%20100%29%3A%20NPS%2070.", url);
    }

    [Fact]
    public void The_search_matches_the_start_of_the_account_name()
    {
        var accounts = new[] { Account(1), Account(22) };

        Assert.Equal([220], Rank(accounts, new DiscoveryCriteria { Search = "Account 2" }).Hits.Select(h => h.Contact.ContactId));
    }
}
