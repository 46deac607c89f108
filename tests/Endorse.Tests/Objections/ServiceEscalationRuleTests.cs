using Endorse.Objections;

namespace Endorse.Tests.Objections;

public class ServiceEscalationRuleTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly ServiceEscalationSettings ThreeIn30Days = new() { Accounts = 3, WindowDays = 30 };

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class FakeClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static ServiceObjection At(int day, int account) => new(Start.AddDays(day), account);

    [Fact]
    public void Fewer_accounts_than_the_threshold_make_no_episode()
    {
        var clock = new FakeClock(Start.AddDays(10));
        var rule = new ServiceEscalationRule(ThreeIn30Days, clock);

        Assert.Null(rule.Current([At(0, 1), At(5, 2)]));

        // The same account blocking again is not a pattern across customers.
        Assert.Null(rule.Current([At(0, 1), At(5, 2), At(8, 2), At(9, 1)]));
    }

    [Fact]
    public void The_objection_that_makes_the_count_starts_the_episode_and_later_ones_stay_in_it()
    {
        var clock = new FakeClock(Start.AddDays(12));
        var rule = new ServiceEscalationRule(ThreeIn30Days, clock);
        List<ServiceObjection> objections = [At(0, 1), At(5, 2), At(12, 3)];

        var episode = rule.Current(objections);
        Assert.NotNull(episode);
        Assert.Equal(Start.AddDays(12), episode.StartedAt);
        Assert.Equal([1, 2, 3], episode.AccountIds);

        // A fourth account a week later: the same episode (notified once), more accounts.
        clock.Now = Start.AddDays(19);
        objections.Add(At(19, 4));
        var same = rule.Current(objections);
        Assert.Equal(episode.StartedAt, same!.StartedAt);
        Assert.Equal([1, 2, 3, 4], same.AccountIds);
    }

    [Fact]
    public void The_episode_ends_when_objections_age_out_and_a_new_pile_up_is_a_new_episode()
    {
        var clock = new FakeClock(Start.AddDays(12));
        var rule = new ServiceEscalationRule(ThreeIn30Days, clock);
        List<ServiceObjection> objections = [At(0, 1), At(5, 2), At(12, 3)];
        var first = rule.Current(objections)!.StartedAt;

        // Day 30: the first objection leaves the window, two accounts remain: over.
        clock.Now = Start.AddDays(30);
        Assert.Null(rule.Current(objections));

        // One more account on day 33 (accounts 2 and 3 are still in the window): a new episode starts.
        clock.Now = Start.AddDays(33);
        objections.Add(At(33, 5));
        var second = rule.Current(objections);
        Assert.NotNull(second);
        Assert.Equal(Start.AddDays(33), second.StartedAt);
        Assert.NotEqual(first, second.StartedAt);
        Assert.Equal([2, 3, 5], second.AccountIds);
    }

    [Fact]
    public void A_dip_between_two_looks_is_seen_as_two_episodes()
    {
        // Nobody looked between day 12 (an episode) and day 50; meanwhile the count fell below the threshold on day 30,
        // rose on day 41 and fell again on day 42 (day 12 left the window): the pile-up of day 50 is an episode of its own.
        var clock = new FakeClock(Start.AddDays(50));
        var rule = new ServiceEscalationRule(ThreeIn30Days, clock);

        var episode = rule.Current([At(0, 1), At(5, 2), At(12, 3), At(35, 4), At(41, 5), At(50, 6)]);

        Assert.Equal(Start.AddDays(50), episode!.StartedAt);
        Assert.Equal([4, 5, 6], episode.AccountIds);
    }

    [Fact]
    public void Objections_after_now_do_not_count()
    {
        var clock = new FakeClock(Start.AddDays(6));
        var rule = new ServiceEscalationRule(ThreeIn30Days, clock);

        Assert.Null(rule.Current([At(0, 1), At(5, 2), At(7, 3)]));
    }

    [Fact]
    public void Settings_out_of_range_are_refused()
    {
        var errors = new ServiceEscalationSettings { Accounts = 1, WindowDays = 0 }.Validate().ToDictionary();

        Assert.Contains("Accounts", errors.Keys);
        Assert.Contains("WindowDays", errors.Keys);
        Assert.True(ServiceEscalationSettings.Default.Validate().IsValid);
    }
}
