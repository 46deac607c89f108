using Endorse.Advocates;
using Endorse.Listing;

namespace Endorse.Fatigue;

/// <summary>A range of days, both ends included.</summary>
public readonly record struct DateRange(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly date) => date >= From && date <= To;
}

/// <summary>
/// An advocate's own limits. They only add rules to the <see cref="FatiguePolicy"/>: a generous preference
/// never lifts a policy cap.
/// </summary>
public sealed record AdvocatePreferences
{
    /// <summary>At most this many activities in a calendar quarter; null for no personal limit.</summary>
    public int? MaxActivitiesPerQuarter { get; init; }

    /// <summary>Days the advocate is not available (holidays, busy seasons).</summary>
    public IReadOnlyList<DateRange> Blackouts { get; init; } = [];

    public ContactChannel? PreferredChannel { get; init; }

    public static AdvocatePreferences None { get; } = new();

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        errors.Range(nameof(MaxActivitiesPerQuarter), MaxActivitiesPerQuarter, 0, 1000, "Activities per quarter");
        for (var i = 0; i < Blackouts.Count; i++)
        {
            if (Blackouts[i].From > Blackouts[i].To)
            {
                errors.Add($"{nameof(Blackouts)}[{i}]", "A blackout must end on or after the day it starts.");
            }
        }

        if (PreferredChannel is { } channel)
        {
            errors.Defined(nameof(PreferredChannel), channel, "Preferred channel");
        }

        return errors;
    }
}
