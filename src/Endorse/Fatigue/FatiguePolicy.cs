using Endorse.Advocates;
using Endorse.Listing;

namespace Endorse.Fatigue;

/// <summary>
/// At most <see cref="Limit"/> activities in any rolling window of <see cref="WindowDays"/> days (the window
/// includes both its first and its last day). A null <see cref="ActivityType"/> counts activities of every type.
/// </summary>
public sealed record ActivityCap(ActivityType? ActivityType, int Limit, int WindowDays);

/// <summary>
/// The program's fatigue policy, set by a reference manager. Enforced, not advisory: <see cref="FatigueCheck"/>
/// refuses a booking that breaks any rule. An advocate's <see cref="AdvocatePreferences"/> only add limits.
/// </summary>
public sealed record FatiguePolicy
{
    /// <summary>Caps on one advocate: overall (type null) and per activity type.</summary>
    public IReadOnlyList<ActivityCap> AdvocateCaps { get; init; } = [new(null, 3, 90)];

    /// <summary>Caps on one account, counting the activities of all its advocates (e.g. one reference call a quarter).</summary>
    public IReadOnlyList<ActivityCap> AccountCaps { get; init; } =
        [new(ActivityType.ReferenceCall, 1, 90), new(ActivityType.SpeakingOrWebinar, 1, 180)];

    /// <summary>Days an advocate rests after each activity (and keeps free before a booked one); 0 for none.</summary>
    public int CoolDownDays { get; init; } = 14;

    /// <summary>Rest while the account has an open service escalation.</summary>
    public bool RestOnOpenEscalation { get; init; } = true;

    /// <summary>Rest while the account's NPS (-100..100) is below this; null to ignore NPS.</summary>
    public int? MinimumNps { get; init; } = 0;

    /// <summary>Rest while the account's CSAT (0..100 %) is below this; null to ignore CSAT.</summary>
    public int? MinimumCsat { get; init; } = 70;

    /// <summary>Rest when the account's renewal falls within this many days of the activity; null to ignore renewals.</summary>
    public int? RenewalQuietDays { get; init; } = 30;

    /// <summary>Rest while the account has a no-publicity policy.</summary>
    public bool RestOnNoPublicity { get; init; } = true;

    /// <summary>Rest while the account has an open opportunity of at least this amount (a big bid); null to ignore bids.</summary>
    public decimal? BigBidAmount { get; init; } = 500_000m;

    public static FatiguePolicy Default { get; } = new();

    /// <summary>Field messages for a reference manager editing the policy.</summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        ValidateCaps(errors, nameof(AdvocateCaps), AdvocateCaps);
        ValidateCaps(errors, nameof(AccountCaps), AccountCaps);
        errors.Range(nameof(CoolDownDays), CoolDownDays, 0, 3650, "Cool-down days");
        errors.Range(nameof(MinimumNps), MinimumNps, -100, 100, "Minimum NPS");
        errors.Range(nameof(MinimumCsat), MinimumCsat, 0, 100, "Minimum CSAT");
        errors.Range(nameof(RenewalQuietDays), RenewalQuietDays, 0, 3650, "Renewal quiet days");
        if (BigBidAmount is < 0 or > 1_000_000_000_000m)
        {
            errors.Add(nameof(BigBidAmount), "Big bid amount must be between 0 and 1,000,000,000,000.");
        }
        return errors;
    }

    private static void ValidateCaps(ValidationErrors errors, string field, IReadOnlyList<ActivityCap> caps)
    {
        for (var i = 0; i < caps.Count; i++)
        {
            var cap = caps[i];
            errors.Range($"{field}[{i}].Limit", cap.Limit, 0, 10_000, "Limit");
            errors.Range($"{field}[{i}].WindowDays", cap.WindowDays, 1, 3650, "Window days");
            if (cap.ActivityType is { } type)
            {
                errors.Defined($"{field}[{i}].ActivityType", type, "Activity type");
            }
        }
    }
}
