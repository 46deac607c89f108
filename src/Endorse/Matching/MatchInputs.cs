using Endorse.Accounts;
using Endorse.Advocates;
using Endorse.Contacts;
using Endorse.Fatigue;
using Endorse.Listing;

namespace Endorse.Matching;

/// <summary>What a request asks for. Empty or unknown criteria match anyone.</summary>
public sealed record MatchCriteria(ActivityType ActivityType)
{
    public IReadOnlyList<int> ProductIds { get; init; } = [];
    public int? SectorId { get; init; }
    public int? RegionId { get; init; }

    /// <summary>The prospect's size; <see cref="SizeBand.Unknown"/> for any.</summary>
    public SizeBand SizeBand { get; init; }

    /// <summary>The lowest seniority wanted; <see cref="SeniorityTier.Unknown"/> for any.</summary>
    public SeniorityTier MinimumSeniority { get; init; }

    /// <summary>A language tag ("de", "en-GB"); matched on its primary language, case-insensitive.</summary>
    public string? Language { get; init; }

    /// <summary>
    /// The last day the activity is useful. An advocate blocked today only by rules that end on or before this
    /// day (cool-down, a cap, a blackout, a rest) stays in the ranking, marked free from that day.
    /// </summary>
    public DateOnly? NeededBy { get; init; }

    public ValidationErrors Validate(DateOnly today)
    {
        var errors = new ValidationErrors();
        errors.Defined(nameof(ActivityType), ActivityType, "Activity type");
        errors.Defined(nameof(SizeBand), SizeBand, "Size band");
        errors.Defined(nameof(MinimumSeniority), MinimumSeniority, "Minimum seniority");
        errors.MaxLength(nameof(Language), Language, "Language", 35);
        if (!string.IsNullOrWhiteSpace(Language) && Formatting.Languages.Code(Language) is null)
        {
            errors.Add(nameof(Language), Formatting.LanguageText.Unknown(Language));
        }
        if (NeededBy is { } neededBy && neededBy < today)
        {
            errors.Add(nameof(NeededBy), "The needed-by date must not be in the past.");
        }

        return errors;
    }
}

/// <summary>
/// One advocate as the ranking sees them: profile, contact and account facts, usage, and the fatigue check for the
/// day they would be asked (which also covers status, rest rules and disclosure permission).
/// </summary>
public sealed record MatchCandidate(int AdvocateId, int ContactId, int AccountId, FatigueResult Fatigue)
{
    public string? Name { get; init; }
    public string? AccountName { get; init; }

    /// <summary>The activity types in the advocate's referenceability profile.</summary>
    public IReadOnlyList<ActivityType> ActivityTypes { get; init; } = [];

    public IReadOnlyList<int> ProductIds { get; init; } = [];
    public int? SectorId { get; init; }
    public int? RegionId { get; init; }
    public SizeBand SizeBand { get; init; }
    public SeniorityTier SeniorityTier { get; init; }
    public IReadOnlyList<string> Languages { get; init; } = [];

    public SatisfactionKind SatisfactionKind { get; init; }
    public int? SatisfactionScore { get; init; }
    public DateOnly? CustomerSince { get; init; }

    /// <summary>Average quality (1–5) requesters gave this advocate's past activities; null when none.</summary>
    public double? FeedbackAverage { get; init; }

    public int FeedbackCount { get; init; }

    /// <summary>Activities in the last 12 months (rotation spreads the load away from the most-used).</summary>
    public int RecentActivities { get; init; }

    /// <summary>All activities ever.</summary>
    public int TotalActivities { get; init; }
}
