using Endorse.Listing;

namespace Endorse.Objections;

/// <summary>When service-problem objections in one product or sector make a pattern worth a senior service person's attention.</summary>
public sealed record ServiceEscalationSettings
{
    public static ServiceEscalationSettings Default { get; } = new();

    /// <summary>How many different accounts blocking for service problems make a pattern.</summary>
    public int Accounts { get; init; } = 3;

    /// <summary>Within how many days.</summary>
    public int WindowDays { get; init; } = 90;

    /// <summary>Who hears of sector patterns, and of product patterns when the product names no service lead (a user id; none: the reference managers).</summary>
    public string? SeniorServiceContactId { get; init; }

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        errors.Range(nameof(Accounts), Accounts, 2, 1000, "Accounts that make a pattern");
        errors.Range(nameof(WindowDays), WindowDays, 1, 3650, "Days counted");
        errors.MaxLength(nameof(SeniorServiceContactId), SeniorServiceContactId, "Senior service contact", 450);
        return errors;
    }
}

/// <summary>One service-problem objection: when, and at which account.</summary>
public readonly record struct ServiceObjection(DateTimeOffset At, int AccountId);

/// <summary>A pile-up going on now: when it started (the objection that made it), and the accounts in the window now.</summary>
public sealed record EscalationEpisode(DateTimeOffset StartedAt, IReadOnlyList<int> AccountIds);

/// <summary>
/// Finds the episode of service-problem objections going on now in one product or sector. An episode lasts while at
/// least <see cref="ServiceEscalationSettings.Accounts"/> different accounts blocked for service problems within the last
/// <see cref="ServiceEscalationSettings.WindowDays"/> days; it starts with the objection that made the count reach the
/// threshold and ends when objections age out of the window below it. The episode is identified by its start, so a
/// caller notifies once per episode, and again only after it has ended and a new one started. Plain rule; time from the clock.
/// </summary>
public sealed class ServiceEscalationRule(ServiceEscalationSettings settings, TimeProvider clock)
{
    public TimeSpan Window => TimeSpan.FromDays(settings.WindowDays);

    /// <summary>The episode going on now, or null.</summary>
    public EscalationEpisode? Current(IEnumerable<ServiceObjection> objections)
    {
        ArgumentNullException.ThrowIfNull(objections);
        var now = clock.GetUtcNow();
        var list = objections.Where(o => o.At <= now).OrderBy(o => o.At).ToList();
        if (list.Count == 0)
        {
            return null;
        }

        // The count changes only when an objection is made (it may rise) or leaves the window (it may fall).
        var changes = list.Select(o => o.At).Concat(list.Select(o => o.At + Window)).Where(t => t <= now).Distinct().Order().ToList();
        DateTimeOffset? start = null;
        foreach (var at in changes)
        {
            var inPattern = AccountsAt(list, at).Count >= settings.Accounts;
            if (inPattern && start is null)
            {
                start = at;
            }
            else if (!inPattern)
            {
                start = null;
            }
        }

        return start is { } started && AccountsAt(list, now) is { } accounts && accounts.Count >= settings.Accounts
            ? new EscalationEpisode(started, accounts)
            : null;
    }

    /// <summary>The different accounts with an objection in the window ending at <paramref name="at"/> (objections at or before it, less than the window old).</summary>
    private List<int> AccountsAt(List<ServiceObjection> ordered, DateTimeOffset at) =>
        ordered.Where(o => o.At <= at && o.At > at - Window).Select(o => o.AccountId).Distinct().Order().ToList();
}
