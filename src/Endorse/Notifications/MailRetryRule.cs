namespace Endorse.Notifications;

/// <summary>
/// What happens to a message after a failed delivery attempt: try again later, waiting twice as long each time
/// (1, 2, 4, 8, 16 minutes), and give up — <see cref="MailStatus.Failed"/> — after <see cref="MaxAttempts"/> attempts.
/// </summary>
public static class MailRetryRule
{
    public const int MaxAttempts = 6;
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMinutes(1);

    /// <summary>How long a sender holds a claimed message before another sender may take it (a crashed node's mail is retried).</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    /// <param name="attemptsSoFar">Attempts including the one that just failed.</param>
    public static MailRetryDecision AfterFailure(int attemptsSoFar, DateTimeOffset now)
    {
        if (attemptsSoFar >= MaxAttempts)
        {
            return new MailRetryDecision(MailStatus.Failed, null);
        }

        var delay = FirstDelay * Math.Pow(2, Math.Max(0, attemptsSoFar - 1));
        return new MailRetryDecision(MailStatus.Pending, now + delay);
    }
}

public sealed record MailRetryDecision(MailStatus Status, DateTimeOffset? NextAttemptAt);
