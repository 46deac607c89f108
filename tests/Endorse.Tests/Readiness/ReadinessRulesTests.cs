using Endorse.Accounts;
using Endorse.Advocates;
using Endorse.Fatigue;
using Endorse.Readiness;

namespace Endorse.Tests.Readiness;

public class ReadinessRulesTests
{
    private const int Account = 10;
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly FatiguePolicy Policy = FatiguePolicy.Default with { CoolDownDays = 0 };

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    private static ReadinessResult Evaluate(AccountState account, FatiguePolicy? policy = null, DateOnly? on = null) =>
        ReadinessRules.Evaluate(policy ?? Policy, account, on ?? Today);

    [Fact]
    public void A_healthy_account_may_be_approached_today()
    {
        var result = Evaluate(new AccountState(Account) { SatisfactionKind = SatisfactionKind.Nps, SatisfactionScore = 40 });

        Assert.True(result.Approachable);
        Assert.Empty(result.Blocking);
        Assert.Equal(Today, result.FreeOn);
    }

    [Fact]
    public void A_big_bid_gates_until_its_expected_close_and_names_the_opportunity()
    {
        var account = new AccountState(Account) { LargestOpenBid = new OpenBid(7, "Globex expansion", 750_000m, "EUR", D("2027-01-15")) };

        var result = Evaluate(account);

        var gate = Assert.Single(result.Blocking);
        Assert.Equal(GateKind.BigBid, gate.Kind);
        Assert.Equal(D("2027-01-15"), gate.Until);
        Assert.Equal(D("2027-01-16"), result.FreeOn);
        Assert.Equal("A big bid is in progress: “Globex expansion”, 750,000 EUR, at or above the program's 500,000, expected to close on 2027-01-15; next free on 2027-01-16.", gate.Sentence);
    }

    [Theory]
    [InlineData(499_999.99, true)]
    [InlineData(500_000, false)]
    public void A_bid_below_the_configured_amount_does_not_gate(double amount, bool approachable)
    {
        var account = new AccountState(Account) { LargestOpenBid = new OpenBid(7, "Deal", (decimal)amount, "USD", D("2027-01-15")) };

        Assert.Equal(approachable, Evaluate(account).Approachable);
        Assert.True(Evaluate(account, Policy with { BigBidAmount = null }).Approachable);
    }

    [Fact]
    public void A_bid_still_open_after_its_close_date_gates_until_further_notice()
    {
        var account = new AccountState(Account) { LargestOpenBid = new OpenBid(7, "Late deal", 2_000_000m, "USD", D("2026-10-01")) };

        var result = Evaluate(account);

        var gate = Assert.Single(result.Blocking);
        Assert.Null(gate.Until);
        Assert.Null(result.FreeOn);
        Assert.EndsWith("still open after its expected close on 2026-10-01.", gate.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reorganisation_gates_from_its_first_to_its_last_day_with_the_reason()
    {
        var account = new AccountState(Account) { Gates = [new SetGate(3, GateKind.Reorganisation, D("2026-12-01"), D("2027-02-28"), "New CIO arrives.")] };

        Assert.True(Evaluate(account, on: D("2026-11-30")).Approachable);
        var during = Evaluate(account, on: D("2026-12-01"));
        var gate = Assert.Single(during.Blocking);
        Assert.Equal("The account is reorganising (New CIO arrives) from 2026-12-01 to 2027-02-28; next free on 2027-03-01.", gate.Sentence);
        Assert.Equal(3, gate.GateId);
        Assert.True(Evaluate(account, on: D("2027-03-01")).Approachable);
    }

    [Fact]
    public void A_gate_set_for_later_is_upcoming_not_blocking()
    {
        var account = new AccountState(Account) { Gates = [new SetGate(3, GateKind.OnHold, D("2026-12-10"), D("2026-12-20"), "Merger talks")] };

        var result = Evaluate(account);

        Assert.True(result.Approachable);
        Assert.Equal(GateKind.OnHold, Assert.Single(result.Upcoming).Kind);
    }

    [Fact]
    public void The_first_free_day_skips_gates_that_follow_each_other()
    {
        var account = new AccountState(Account)
        {
            RenewalOn = D("2026-12-05"),
            Gates = [new SetGate(1, GateKind.OnHold, D("2026-12-04"), D("2026-12-31"), "Year-end freeze")],
        };

        var result = Evaluate(account);

        Assert.Equal([GateKind.RenewalSoon], result.Blocking.Select(g => g.Kind));
        Assert.Equal(D("2027-01-01"), result.FreeOn);
    }

    [Fact]
    public void A_gate_without_an_end_means_no_free_day()
    {
        var account = new AccountState(Account) { OpenEscalations = 1, RenewalOn = D("2026-12-05") };

        var result = Evaluate(account);

        Assert.Equal([GateKind.OpenEscalation, GateKind.RenewalSoon], result.Blocking.Select(g => g.Kind));
        Assert.Null(result.FreeOn);
    }

    [Fact]
    public void Matching_reads_the_same_sentences_as_the_account_page()
    {
        var account = new AccountState(Account)
        {
            OpenEscalations = 2,
            SatisfactionKind = SatisfactionKind.Csat,
            SatisfactionScore = 60,
            LargestOpenBid = new OpenBid(7, "Globex expansion", 750_000m, "EUR", D("2027-01-15")),
            Gates = [new SetGate(3, GateKind.Reorganisation, D("2026-11-01"), D("2026-12-31"), "Merger")],
        };

        var readiness = Evaluate(account).Blocking.Select(g => g.Sentence).Order(StringComparer.Ordinal).ToList();
        var fatigue = FatigueCheck.Evaluate(Policy, AdvocatePreferences.None, new AdvocateState(1, AdvocateStatus.Active), account, [], ActivityType.ReferenceCall, Today);

        Assert.Equal(readiness, fatigue.Messages.Order(StringComparer.Ordinal).ToList());
        Assert.Equal(
            BlockReasons.OpenEscalation | BlockReasons.LowSatisfaction | BlockReasons.BigBid | BlockReasons.Reorganisation,
            fatigue.Reasons);
    }

    [Fact]
    public void A_time_bound_gate_lets_matching_rank_an_advocate_free_by_the_needed_by_date()
    {
        var account = new AccountState(Account) { Gates = [new SetGate(3, GateKind.OnHold, D("2026-11-20"), D("2026-11-30"), "Quarter close")] };

        var fatigue = FatigueCheck.Evaluate(Policy, AdvocatePreferences.None, new AdvocateState(1, AdvocateStatus.Active), account, [], ActivityType.ReferenceCall, Today);

        var block = Assert.Single(fatigue.Blocks);
        Assert.Equal(BlockReasons.OnHold, block.Reason);
        Assert.Equal(D("2026-12-01"), fatigue.NextFreeOn);
        Assert.Equal("On hold (Quarter close) from 2026-11-20 to 2026-11-30; next free on 2026-12-01.", block.Message);
    }

    [Fact]
    public void A_person_may_not_set_a_gate_that_ends_before_it_starts()
    {
        var errors = ReadinessService.Validate(new GateInput(GateKind.OnHold, D("2026-12-10"), D("2026-12-01"), "Oops"), Today);

        Assert.Equal(["A gate must end on or after the day it starts: 2026-12-01 is before 2026-12-10."], errors.ToDictionary()["endsOn"]);
    }

    [Theory]
    [InlineData(GateKind.BigBid, "kind")]
    [InlineData(null, "kind")]
    public void A_person_sets_only_reorganisations_and_holds(GateKind? kind, string field)
    {
        var errors = ReadinessService.Validate(new GateInput(kind, Today, Today.AddDays(3), "Why"), Today);

        Assert.Contains(field, errors.ToDictionary().Keys);
    }

    [Fact]
    public void A_gate_needs_an_end_a_reason_and_must_not_have_ended_already()
    {
        Assert.Contains("endsOn", ReadinessService.Validate(new GateInput(GateKind.OnHold, Today, null, "Why"), Today).ToDictionary().Keys);
        Assert.Contains("reason", ReadinessService.Validate(new GateInput(GateKind.OnHold, Today, Today, " "), Today).ToDictionary().Keys);
        Assert.Contains("would already have ended", ReadinessService.Validate(new GateInput(GateKind.OnHold, Today.AddDays(-9), Today.AddDays(-1), "Why"), Today).ToDictionary()["endsOn"][0], StringComparison.Ordinal);
        Assert.True(ReadinessService.Validate(new GateInput(GateKind.Reorganisation, Today.AddDays(-9), Today, "Why"), Today).IsValid);
    }
}
