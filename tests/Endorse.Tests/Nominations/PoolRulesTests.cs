using Endorse.Matching;
using Endorse.Nominations;

namespace Endorse.Tests.Nominations;

public class PoolRulesTests
{
    private static readonly PoolRulesSettings Open = PoolRulesSettings.Default;
    private static readonly PoolRulesSettings Contributors = new() { Mode = PoolMode.ContributorsOnly, MinApprovedNominations = 2, WindowMonths = 6, PocketReserveDays = 30 };

    private static PoolViewer Rep(int approved, int[]? ownAccounts = null, int[]? ownPockets = null) =>
        new("rep", IsReferenceTeam: false, IsSales: true, approved)
        {
            OwnAccountIds = (ownAccounts ?? []).ToHashSet(),
            OwnPocketReferences = (ownPockets ?? []).ToHashSet(),
        };

    [Fact]
    public void An_open_pool_shows_every_advocate_but_another_reps_reserved_pocket_reference()
    {
        var rep = Rep(0);

        Assert.Equal(PoolHiding.None, PoolRules.Hides(Open, rep, advocateId: 1, accountId: 10, reservedFor: null));
        Assert.Equal(PoolHiding.ReservedForAnotherRep, PoolRules.Hides(Open, rep, 2, 10, reservedFor: "other-rep"));
        Assert.Equal(PoolHiding.None, PoolRules.Hides(Open, rep, 3, 10, reservedFor: "rep"));
        Assert.False(PoolRules.Narrowed(Open, rep));
    }

    [Fact]
    public void Contributors_only_narrows_a_rep_with_too_few_approvals_to_their_accounts_and_pocket_references()
    {
        var rep = Rep(approved: 1, ownAccounts: [10], ownPockets: [7]);

        Assert.True(PoolRules.Narrowed(Contributors, rep));
        Assert.Equal(PoolHiding.None, PoolRules.Hides(Contributors, rep, 1, accountId: 10, null));
        Assert.Equal(PoolHiding.None, PoolRules.Hides(Contributors, rep, advocateId: 7, accountId: 99, null));
        Assert.Equal(PoolHiding.ContributorsOnly, PoolRules.Hides(Contributors, rep, 2, accountId: 11, null));

        // A reservation for someone else wins over "own account": it is kept for the other rep's deals.
        Assert.Equal(PoolHiding.ReservedForAnotherRep, PoolRules.Hides(Contributors, rep, 3, accountId: 10, "other-rep"));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(5, true)]
    public void A_rep_with_N_approved_nominations_in_the_window_draws_on_the_whole_pool(int approved, bool contributor)
    {
        var rep = Rep(approved);

        Assert.Equal(contributor, PoolRules.IsContributor(Contributors, approved));
        Assert.Equal(!contributor, PoolRules.Narrowed(Contributors, rep));
        Assert.Equal(contributor ? PoolHiding.None : PoolHiding.ContributorsOnly, PoolRules.Hides(Contributors, rep, 1, 50, null));
    }

    [Fact]
    public void The_reference_team_sees_everything_and_people_outside_sales_are_not_narrowed()
    {
        var manager = new PoolViewer("rm", IsReferenceTeam: true, IsSales: false, 0);
        var marketing = new PoolViewer("mkt", IsReferenceTeam: false, IsSales: false, 0);

        Assert.Equal(PoolHiding.None, PoolRules.Hides(Contributors, manager, 1, 50, "some-rep"));
        Assert.Equal(PoolHiding.None, PoolRules.Hides(Contributors, marketing, 1, 50, null));
        Assert.Equal(PoolHiding.ReservedForAnotherRep, PoolRules.Hides(Contributors, marketing, 1, 50, "some-rep"));
    }

    [Fact]
    public void The_window_counts_back_M_months()
    {
        var now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 5, 23, 10, 0, 0, TimeSpan.Zero), PoolRules.WindowStart(Contributors, now));
    }

    [Fact]
    public void Only_a_pocket_reference_asked_to_be_reserved_is_reserved_for_the_configured_days()
    {
        var approved = new DateOnly(2026, 11, 1);

        Assert.Equal(new DateOnly(2026, 11, 30), PoolRules.ReservedUntil(Contributors, NominationKind.PocketReference, reserve: true, approved));
        Assert.Null(PoolRules.ReservedUntil(Contributors, NominationKind.PocketReference, reserve: false, approved));
        Assert.Null(PoolRules.ReservedUntil(Contributors, NominationKind.HappyCustomer, reserve: true, approved));
        Assert.Null(PoolRules.ReservedUntil(Contributors with { PocketReserveDays = 0 }, NominationKind.PocketReference, reserve: true, approved));
    }

    [Fact]
    public void Settings_out_of_range_are_refused_field_by_field()
    {
        var errors = new PoolRulesSettings { Mode = (PoolMode)7, MinApprovedNominations = 0, WindowMonths = 121, PocketReserveDays = -1 }.Validate().ToDictionary();

        Assert.Equal(["MinApprovedNominations", "Mode", "PocketReserveDays", "WindowMonths"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.True(Open.Validate().IsValid);
    }

    [Fact]
    public void The_explanation_tells_a_narrowed_rep_how_many_more_approvals_open_the_pool()
    {
        var text = PoolRules.Describe(Contributors, Rep(1));

        Assert.Contains("2 approved nominations in the last 6 months", text, StringComparison.Ordinal);
        Assert.Contains("You have 1", text, StringComparison.Ordinal);
        Assert.Contains("1 more approved nomination opens the whole pool", text, StringComparison.Ordinal);
        Assert.Contains("You contribute", PoolRules.Describe(Contributors, Rep(3)), StringComparison.Ordinal);
    }
}
