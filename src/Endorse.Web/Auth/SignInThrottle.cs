using System.Net;
using System.Threading.RateLimiting;
using Endorse.Security;

namespace Endorse.Web.Auth;

/// <summary>
/// The sign-in rate limits (ASP.NET Core's <see cref="System.Threading.RateLimiting"/> limiters, kept in memory per
/// node): every attempt counts against the client address (<see cref="SecuritySettings.SignInPerAddressPerMinute"/>),
/// and every failed attempt against the account (<see cref="SecuritySettings.SignInFailuresPerAccount"/> in
/// <see cref="SecuritySettings.SignInFailureWindow"/>). A refused attempt is answered 429 before the password is
/// checked, so it is no guess and does not extend anything: the account frees itself as the window slides on.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> addresses;
    private readonly PartitionedRateLimiter<string> accounts;

    public SignInThrottle(SecuritySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        addresses = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = settings.SignInPerAddressPerMinute,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));
        accounts = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = settings.SignInFailuresPerAccount,
            Window = settings.SignInFailureWindow,
            SegmentsPerWindow = 15,
            QueueLimit = 0,
        }));
    }

    public SecuritySettings Settings { get; }

    /// <summary>Counts an attempt from this address; answers how long to wait when the address is over its limit.</summary>
    public TimeSpan? TakeAttempt(IPAddress? address)
    {
        using var lease = addresses.AttemptAcquire(RateLimitKeys.Address(address));
        return lease.IsAcquired ? null : RetryAfter(lease, TimeSpan.FromMinutes(1));
    }

    /// <summary>How long to wait when the account has used up its failed attempts; null while it may still try.</summary>
    public TimeSpan? AccountWait(string? email)
    {
        if (RateLimitKeys.Account(email) is not { } key)
        {
            return null;
        }

        // Asking for no permit tells whether any are left without taking one.
        using var lease = accounts.AttemptAcquire(key, 0);
        return lease.IsAcquired ? null : RetryAfter(lease, Settings.SignInFailureWindow);
    }

    /// <summary>Counts a failed attempt (wrong password, unknown or deactivated account) against the account.</summary>
    public void CountFailure(string? email)
    {
        if (RateLimitKeys.Account(email) is { } key)
        {
            using var _ = accounts.AttemptAcquire(key);
        }
    }

    public void Dispose()
    {
        addresses.Dispose();
        accounts.Dispose();
    }

    private static TimeSpan RetryAfter(RateLimitLease lease, TimeSpan fallback) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : fallback;

    /// <summary>Whole seconds for a Retry-After header, at least one.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
