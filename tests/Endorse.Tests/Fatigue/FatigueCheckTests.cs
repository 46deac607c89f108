using Endorse.Accounts;
using Endorse.Advocates;
using Endorse.Fatigue;

namespace Endorse.Tests.Fatigue;

public class FatigueCheckTests
{
    private const int Advocate = 1;
    private const int Account = 10;
    private static readonly DateOnly Today = new(2026, 11, 23);

    /// <summary>The default policy with the cool-down off, so each test sees only the rule it is about.</summary>
    private static readonly FatiguePolicy NoCoolDown = FatiguePolicy.Default with { CoolDownDays = 0 };

    private static FatigueResult Check(
        FatiguePolicy? policy = null,
        AdvocatePreferences? preferences = null,
        AdvocateState? advocate = null,
        AccountState? account = null,
        ActivityRecord[]? activities = null,
        ActivityType type = ActivityType.ReferenceCall,
        DateOnly? on = null) =>
        FatigueCheck.Evaluate(
            policy ?? NoCoolDown,
            preferences ?? AdvocatePreferences.None,
            advocate ?? new AdvocateState(Advocate, AdvocateStatus.Active),
            account ?? new AccountState(Account),
            activities ?? [],
            type,
            on ?? Today);

    private static ActivityRecord Mine(string date, ActivityType type = ActivityType.CaseStudyUse) =>
        new(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), type, Advocate, Account);

    private static ActivityRecord Colleague(string date, ActivityType type) =>
        new(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), type, 2, Account);

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_fresh_active_advocate_can_be_booked_and_shows_the_gauge()
    {
        var result = Check(activities: [Mine("2026-10-01")]);

        Assert.True(result.CanBook);
        Assert.Empty(result.Blocks);
        Assert.Equal(Today, result.NextFreeOn);
        Assert.Equal(new FatigueHeadroom(1, 3, 90), result.Headroom);
        Assert.Equal(2, result.Headroom.Remaining);
        Assert.Equal(2 / 3.0, result.Headroom.Ratio, 10);
    }

    [Fact]
    public void Overall_cap_reached_says_how_many_and_when_the_advocate_is_free_again()
    {
        var result = Check(activities: [Mine("2026-10-16"), Mine("2026-11-01"), Mine("2026-11-10")]);

        var block = Assert.Single(result.Blocks);
        Assert.Equal(BlockReasons.AdvocateCapReached, block.Reason);
        Assert.Equal("Reached 3 of 3 activities in the last 90 days; next free on 2027-01-14.", block.Message);
        Assert.Equal(D("2027-01-14"), result.NextFreeOn);
        Assert.Equal(new FatigueHeadroom(3, 3, 90), result.Headroom);
        Assert.Equal(0, result.Headroom.Ratio);
    }

    [Theory]
    [InlineData("2027-01-13", false)] // the oldest activity (2026-10-16) is the 90th day back: still in the window
    [InlineData("2027-01-14", true)] // 90 days later it has left the window
    public void Rolling_window_includes_its_first_and_last_day(string on, bool canBook)
    {
        var result = Check(activities: [Mine("2026-10-16"), Mine("2026-11-01"), Mine("2026-11-10")], on: D(on));

        Assert.Equal(canBook, result.CanBook);
    }

    [Fact]
    public void Activities_booked_after_the_date_fill_a_later_window_and_count()
    {
        var policy = NoCoolDown with { AdvocateCaps = [new(null, 2, 30)] };
        var result = Check(policy, activities: [Mine("2026-11-28"), Mine("2026-12-03")]);

        var block = Assert.Single(result.Blocks);
        Assert.Equal(BlockReasons.AdvocateCapReached, block.Reason);
        Assert.Equal("Reached 2 of 2 activities in the 30 days from 2026-11-23 to 2026-12-22; next free on 2026-12-28.", block.Message);
        Assert.Equal(D("2026-12-28"), result.NextFreeOn);
    }

    [Fact]
    public void A_per_activity_type_cap_blocks_only_that_type()
    {
        var policy = NoCoolDown with { AdvocateCaps = [new(null, 3, 90), new(ActivityType.ReferenceCall, 1, 30)], AccountCaps = [] };
        ActivityRecord[] activities = [Mine("2026-11-13", ActivityType.ReferenceCall)];

        var call = Check(policy, activities: activities, type: ActivityType.ReferenceCall);
        var caseStudy = Check(policy, activities: activities, type: ActivityType.CaseStudyUse);

        var block = Assert.Single(call.Blocks);
        Assert.Equal("Reached 1 of 1 reference call in the last 30 days; next free on 2026-12-13.", block.Message);
        Assert.Equal(ActivityType.ReferenceCall, block.ActivityType);
        Assert.Equal([], caseStudy.Messages);
    }

    [Fact]
    public void Per_account_cap_counts_the_other_advocates_of_the_account()
    {
        var result = Check(activities: [Colleague("2026-10-24", ActivityType.ReferenceCall)]);

        var block = Assert.Single(result.Blocks);
        Assert.Equal(BlockReasons.AccountCapReached, block.Reason);
        Assert.Equal("The account reached 1 of 1 reference call in the last 90 days; next free on 2027-01-22.", block.Message);
    }

    [Fact]
    public void Per_account_cap_ignores_other_accounts_and_other_types()
    {
        var result = Check(activities:
        [
            new ActivityRecord(D("2026-11-01"), ActivityType.ReferenceCall, 3, 99),
            Colleague("2026-11-01", ActivityType.SiteVisit),
        ]);

        Assert.True(result.CanBook);
    }

    [Theory]
    [InlineData("2027-05-21", false)] // speaking on 2026-11-23 + 179 days: still within 180 days
    [InlineData("2027-05-22", true)]
    public void Per_account_speaking_cap_is_one_per_180_days(string on, bool canBook)
    {
        var result = Check(activities: [Colleague("2026-11-23", ActivityType.SpeakingOrWebinar)], type: ActivityType.SpeakingOrWebinar, on: D(on));

        Assert.Equal(canBook, result.CanBook);
        if (!canBook)
        {
            Assert.Equal(BlockReasons.AccountCapReached, Assert.Single(result.Blocks).Reason);
        }
    }

    [Theory]
    [InlineData("2026-12-04", false)]
    [InlineData("2026-12-05", true)]
    public void Cool_down_after_an_activity_ends_on_the_day_after_it(string on, bool canBook)
    {
        var policy = FatiguePolicy.Default with { CoolDownDays = 14 };
        var result = Check(policy, activities: [Mine("2026-11-20")], on: D(on));

        Assert.Equal(canBook, result.CanBook);
    }

    [Fact]
    public void Cool_down_says_which_activity_and_until_when()
    {
        var result = Check(FatiguePolicy.Default, activities: [Mine("2026-11-20")]);

        var block = Assert.Single(result.Blocks);
        Assert.Equal(BlockReasons.CoolDown, block.Reason);
        Assert.Equal("In the 14-day cool-down after the activity on 2026-11-20; next free on 2026-12-05.", block.Message);
    }

    [Fact]
    public void Cool_down_also_keeps_the_days_before_a_booked_activity_free()
    {
        var result = Check(FatiguePolicy.Default, activities: [Mine("2026-12-01")]);

        var block = Assert.Single(result.Blocks);
        Assert.Equal("Within the 14-day cool-down before the activity booked on 2026-12-01; next free on 2026-12-16.", block.Message);
    }

    [Fact]
    public void Preference_per_quarter_blocks_until_the_next_quarter()
    {
        var result = Check(preferences: new AdvocatePreferences { MaxActivitiesPerQuarter = 1 }, activities: [Mine("2026-10-05")]);

        var block = Assert.Single(result.Blocks);
        Assert.Equal(BlockReasons.PreferenceCapReached, block.Reason);
        Assert.Equal("Asked for at most 1 activity per quarter; 1 already in Q4 2026; next free on 2027-01-01.", block.Message);
        Assert.Equal(D("2027-01-01"), result.NextFreeOn);
    }

    [Fact]
    public void Preferences_tighten_the_gauge_when_they_are_stricter()
    {
        var result = Check(preferences: new AdvocatePreferences { MaxActivitiesPerQuarter = 2 }, activities: [Mine("2026-10-05")]);

        Assert.True(result.CanBook);
        Assert.Equal(new FatigueHeadroom(1, 2, 92, CalendarQuarter: true), result.Headroom);
    }

    [Fact]
    public void Generous_preferences_never_loosen_the_policy()
    {
        var result = Check(
            preferences: new AdvocatePreferences { MaxActivitiesPerQuarter = 10 },
            activities: [Mine("2026-10-16"), Mine("2026-11-01"), Mine("2026-11-10")]);

        Assert.Equal(BlockReasons.AdvocateCapReached, Assert.Single(result.Blocks).Reason);
        Assert.Equal(new FatigueHeadroom(3, 3, 90), result.Headroom);
    }

    [Theory]
    [InlineData("2026-12-19", true)]
    [InlineData("2026-12-20", false)]
    [InlineData("2027-01-05", false)]
    [InlineData("2027-01-06", true)]
    public void Blackouts_include_both_ends(string on, bool canBook)
    {
        var preferences = new AdvocatePreferences { Blackouts = [new(D("2026-12-20"), D("2027-01-05"))] };

        var result = Check(preferences: preferences, on: D(on));

        Assert.Equal(canBook, result.CanBook);
        if (!canBook)
        {
            Assert.Equal("In a blackout from 2026-12-20 to 2027-01-05; next free on 2027-01-06.", Assert.Single(result.Blocks).Message);
        }
    }

    [Fact]
    public void Open_escalation_rests_the_advocate_with_no_end_date()
    {
        var result = Check(account: new AccountState(Account) { OpenEscalations = 2 });

        var block = Assert.Single(result.Blocks);
        Assert.Equal(BlockReasons.OpenEscalation, block.Reason);
        Assert.Equal("The account has 2 open service escalations.", block.Message);
        Assert.Null(result.NextFreeOn);
    }

    [Fact]
    public void Open_escalation_rule_can_be_switched_off()
    {
        var result = Check(NoCoolDown with { RestOnOpenEscalation = false }, account: new AccountState(Account) { OpenEscalations = 1 });

        Assert.True(result.CanBook);
    }

    [Theory]
    [InlineData(SatisfactionKind.Nps, -5, "Satisfaction is low: NPS -5 is below the threshold of 0.")]
    [InlineData(SatisfactionKind.Nps, 0, null)]
    [InlineData(SatisfactionKind.Csat, 65, "Satisfaction is low: CSAT 65% is below the threshold of 70%.")]
    [InlineData(SatisfactionKind.Csat, 70, null)]
    [InlineData(SatisfactionKind.None, null, null)]
    public void Satisfaction_below_the_threshold_rests_the_advocate(SatisfactionKind kind, int? score, string? message)
    {
        var result = Check(account: new AccountState(Account) { SatisfactionKind = kind, SatisfactionScore = score });

        if (message is null)
        {
            Assert.True(result.CanBook);
        }
        else
        {
            var block = Assert.Single(result.Blocks);
            Assert.Equal(BlockReasons.LowSatisfaction, block.Reason);
            Assert.Equal(message, block.Message);
            Assert.Null(result.NextFreeOn);
        }
    }

    [Theory]
    [InlineData("2026-11-22", true)] // renewed yesterday
    [InlineData("2026-11-23", false)] // renews today
    [InlineData("2026-12-23", false)] // exactly 30 days ahead
    [InlineData("2026-12-24", true)] // 31 days ahead
    public void Renewal_within_the_quiet_period_rests_the_advocate(string renewal, bool canBook)
    {
        var result = Check(account: new AccountState(Account) { RenewalOn = D(renewal) });

        Assert.Equal(canBook, result.CanBook);
    }

    [Fact]
    public void Renewal_rest_ends_the_day_after_the_renewal()
    {
        var result = Check(account: new AccountState(Account) { RenewalOn = D("2026-12-10") });

        var block = Assert.Single(result.Blocks);
        Assert.Equal(BlockReasons.RenewalSoon, block.Reason);
        Assert.Equal("The account renews on 2026-12-10, within 30 days; next free on 2026-12-11.", block.Message);
        Assert.Equal(D("2026-12-11"), result.NextFreeOn);
    }

    [Fact]
    public void No_publicity_rests_the_advocate_for_every_activity()
    {
        var result = Check(account: new AccountState(Account) { DisclosurePermission = DisclosurePermission.NoPublicity }, type: ActivityType.PeerReview);

        var block = Assert.Single(result.Blocks);
        Assert.Equal(BlockReasons.NoPublicity, block.Reason);
        Assert.Equal("The account has a no-publicity policy.", block.Message);
        Assert.Null(result.NextFreeOn);
    }

    [Theory]
    [InlineData(DisclosurePermission.NamedCallsOnly, ActivityType.ReferenceCall, true)]
    [InlineData(DisclosurePermission.NamedCallsOnly, ActivityType.PressInterview, false)]
    [InlineData(DisclosurePermission.NamedCallsOnly, ActivityType.SpeakingOrWebinar, false)]
    [InlineData(DisclosurePermission.AnonymousOnly, ActivityType.ReferenceCall, false)]
    [InlineData(DisclosurePermission.AnonymousOnly, ActivityType.PeerReview, true)]
    [InlineData(DisclosurePermission.Unknown, ActivityType.SiteVisit, false)]
    [InlineData(DisclosurePermission.NamedPublic, ActivityType.PressInterview, true)]
    public void Disclosure_permission_limits_the_activities(DisclosurePermission permission, ActivityType type, bool canBook)
    {
        var result = Check(account: new AccountState(Account) { DisclosurePermission = permission }, type: type);

        Assert.Equal(canBook, result.CanBook);
        if (!canBook)
        {
            Assert.Equal(BlockReasons.PermissionForbidsActivity, Assert.Single(result.Blocks).Reason);
        }
    }

    [Fact]
    public void Permission_block_names_the_permission_and_the_activity()
    {
        var result = Check(account: new AccountState(Account) { DisclosurePermission = DisclosurePermission.NamedCallsOnly }, type: ActivityType.PressInterview);

        Assert.Equal("The account's disclosure permission (named reference calls only) does not allow a press interview.", Assert.Single(result.Blocks).Message);
    }

    [Theory]
    [InlineData(AdvocateStatus.DoNotContact, BlockReasons.DoNotContact, "Marked do-not-contact.")]
    [InlineData(AdvocateStatus.Retired, BlockReasons.Retired, "Retired from the program.")]
    [InlineData(AdvocateStatus.Candidate, BlockReasons.NotYetActive, "Still a candidate: not yet an active advocate.")]
    [InlineData(AdvocateStatus.Resting, BlockReasons.Resting, "Resting until further notice.")]
    public void Status_blocks_without_an_end_date(AdvocateStatus status, BlockReasons reason, string message)
    {
        var result = Check(advocate: new AdvocateState(Advocate, status));

        var block = Assert.Single(result.Blocks);
        Assert.Equal(reason, block.Reason);
        Assert.Equal(message, block.Message);
        Assert.Null(result.NextFreeOn);
    }

    [Fact]
    public void Resting_until_a_date_blocks_until_the_day_after()
    {
        var resting = new AdvocateState(Advocate, AdvocateStatus.Resting, D("2026-12-31"));

        var now = Check(advocate: resting);
        var after = Check(advocate: resting, on: D("2027-01-01"));

        Assert.Equal("Resting until 2026-12-31; next free on 2027-01-01.", Assert.Single(now.Blocks).Message);
        Assert.True(after.CanBook);
    }

    [Fact]
    public void Every_blocking_reason_is_listed_and_the_next_free_day_satisfies_all_of_them()
    {
        var result = Check(
            FatiguePolicy.Default,
            new AdvocatePreferences { Blackouts = [new(D("2026-12-01"), D("2026-12-10"))] },
            activities: [Mine("2026-11-20")],
            on: D("2026-12-01"));

        Assert.Equal([BlockReasons.CoolDown, BlockReasons.Blackout], result.Blocks.Select(b => b.Reason));
        Assert.Equal(BlockReasons.CoolDown | BlockReasons.Blackout, result.Reasons);
        Assert.Equal(D("2026-12-05"), result.Blocks[0].FreeOn);
        Assert.Equal(D("2026-12-11"), result.NextFreeOn);
    }

    [Fact]
    public void Next_free_day_skips_past_a_booked_activity_that_would_refill_the_window()
    {
        // Cap 1 per 30 days; past activity on 2026-11-10 frees 2026-12-10, but one is booked on 2026-12-20,
        // so the next day outside both windows is 2027-01-19.
        var policy = NoCoolDown with { AdvocateCaps = [new(null, 1, 30)] };
        var result = Check(policy, activities: [Mine("2026-11-10"), Mine("2026-12-20")]);

        Assert.Equal(D("2027-01-19"), result.NextFreeOn);
    }

    [Fact]
    public void A_cap_of_zero_never_ends()
    {
        var policy = NoCoolDown with { AdvocateCaps = [new(ActivityType.PressInterview, 0, 365)] };

        var result = Check(policy, type: ActivityType.PressInterview);

        Assert.Equal(BlockReasons.AdvocateCapReached, Assert.Single(result.Blocks).Reason);
        Assert.Null(result.NextFreeOn);
    }

    [Fact]
    public void Invalid_policy_and_preferences_get_field_messages()
    {
        var policy = FatiguePolicy.Default with { AdvocateCaps = [new(null, -1, 0)], CoolDownDays = -2, MinimumCsat = 120 };
        var preferences = new AdvocatePreferences { MaxActivitiesPerQuarter = -1, Blackouts = [new(D("2026-12-10"), D("2026-12-01"))] };

        var policyErrors = policy.Validate().ToDictionary();
        var preferenceErrors = preferences.Validate().ToDictionary();

        Assert.Equal(["AdvocateCaps[0].Limit", "AdvocateCaps[0].WindowDays", "CoolDownDays", "MinimumCsat"], policyErrors.Keys.Order());
        Assert.Equal(["Blackouts[0]", "MaxActivitiesPerQuarter"], preferenceErrors.Keys.Order());
        Assert.True(FatiguePolicy.Default.Validate().IsValid);
    }

    [Fact]
    public void Dates_at_the_ends_of_the_calendar_are_checked_without_overflow()
    {
        var policy = FatiguePolicy.Default with { RenewalQuietDays = 30 };
        var edge = Check(
            policy,
            new AdvocatePreferences { Blackouts = [new DateRange(new DateOnly(9999, 12, 1), DateOnly.MaxValue)] },
            new AdvocateState(Advocate, AdvocateStatus.Resting, DateOnly.MaxValue),
            new AccountState(Account) { RenewalOn = DateOnly.MinValue },
            [Mine("9999-12-30"), Mine("0001-01-02")],
            on: new DateOnly(9999, 12, 30));
        Assert.False(edge.CanBook);
        Assert.Null(Record.Exception(() => Check(policy, activities: [Mine("9999-12-31")], on: Today)));
    }
}
