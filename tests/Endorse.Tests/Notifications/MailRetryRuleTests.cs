using Endorse.Notifications;

namespace Endorse.Tests.Notifications;

public class MailRetryRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 16)]
    public void A_failed_attempt_is_retried_later_waiting_twice_as_long_each_time(int attempts, int minutes)
    {
        var decision = MailRetryRule.AfterFailure(attempts, Now);

        Assert.Equal(MailStatus.Pending, decision.Status);
        Assert.Equal(Now.AddMinutes(minutes), decision.NextAttemptAt);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(7)]
    public void After_the_sixth_failed_attempt_the_mail_is_failed_and_not_retried(int attempts)
    {
        var decision = MailRetryRule.AfterFailure(attempts, Now);

        Assert.Equal(MailStatus.Failed, decision.Status);
        Assert.Null(decision.NextAttemptAt);
    }

    [Fact]
    public void Every_retry_waits_longer_than_the_one_before()
    {
        var waits = Enumerable.Range(1, MailRetryRule.MaxAttempts - 1)
            .Select(a => MailRetryRule.AfterFailure(a, Now).NextAttemptAt!.Value - Now)
            .ToList();

        Assert.Equal(waits.OrderBy(w => w), waits);
        Assert.Equal(waits.Count, waits.Distinct().Count());
    }
}
