using Endorse.Advocates;
using Endorse.Fatigue;

namespace Endorse.Matching;

/// <summary>One factor of a score: its value (0–1), the points it earned and could earn, and why.</summary>
public sealed record ScoreFactor(MatchFactor Factor, double Value, double Points, double MaxPoints, string Explanation);

/// <summary>A ranked advocate: 1-based rank, total score 0–100 and the factors that make it up.</summary>
public sealed record MatchResult(int Rank, MatchCandidate Candidate, double Score, IReadOnlyList<ScoreFactor> Factors)
{
    /// <summary>The day the advocate can be booked: the fatigue check's day, or later when only time-bound rules block until then.</summary>
    public DateOnly? AvailableFrom => Candidate.Fatigue.NextFreeOn;

    /// <summary>True when the advocate is free on the day asked, not only before the needed-by date.</summary>
    public bool AvailableNow => Candidate.Fatigue.CanBook;
}

/// <summary>An advocate left out of the ranking, with every reason. <see cref="Describe"/> builds the sentences.</summary>
public readonly record struct MatchExclusion(MatchCandidate Candidate, BlockReasons Reasons, ActivityType ActivityType)
{
    public IReadOnlyList<string> Describe()
    {
        var sentences = new List<string>();
        if (Reasons.HasFlag(BlockReasons.DoesNotDoActivity))
        {
            sentences.Add(FatigueText.Describe(new FatigueBlock(BlockReasons.DoesNotDoActivity, Candidate.Fatigue.RequestedOn) { ActivityType = ActivityType }));
        }

        foreach (var block in Candidate.Fatigue.Blocks)
        {
            sentences.Add(block.Message);
        }

        return sentences;
    }
}

/// <summary>
/// The ranking for one request: the best <c>top</c> eligible advocates, how many were eligible in all, and every
/// excluded advocate (in the order given).
/// </summary>
public sealed record MatchRanking(IReadOnlyList<MatchResult> Results, int EligibleCount, IReadOnlyList<MatchExclusion> Excluded);
