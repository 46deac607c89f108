using System.Buffers;
using System.Globalization;
using Endorse.Accounts;
using Endorse.Advocates;
using Endorse.Contacts;
using Endorse.Fatigue;

namespace Endorse.Matching;

/// <summary>
/// Ranks advocates for a request by an explainable score. This is the straightforward ranking of a list of candidates
/// (the naive matcher's and the rules' reference); <see cref="MatchPool"/> ranks the match index's candidates with the
/// same values, sums and order, laid out so a ranking touches only the advocates who can be eligible.
/// </summary>
public static class MatchScorer
{
    /// <summary>Tenure earns full marks from this many years as a customer.</summary>
    public const double FullTenureYears = 5;

    public static MatchRanking Rank(MatchCriteria criteria, IReadOnlyList<MatchCandidate> candidates, MatchWeights weights, DateOnly today, int top = 25)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        Span<double> scale = stackalloc double[MatchWeights.FactorCount];
        Scale(weights, scale);

        // Pass 1: eligibility, exclusions and the pool's most-used advocate (for rotation).
        var excluded = new List<MatchExclusion>();
        var tally = new ExclusionTally();
        var eligible = ArrayPool<int>.Shared.Rent(Math.Max(1, candidates.Count));
        try
        {
            var eligibleCount = 0;
            var maxRecent = 0;
            for (var i = 0; i < candidates.Count; i++)
            {
                var candidate = candidates[i];
                var reasons = Exclusion(criteria, candidate);
                if (reasons != BlockReasons.None)
                {
                    excluded.Add(new MatchExclusion(candidate, reasons, criteria.ActivityType));
                    tally.Add(reasons);
                    continue;
                }

                eligible[eligibleCount++] = i;
                maxRecent = Math.Max(maxRecent, candidate.RecentActivities);
            }

            // Pass 2: score and keep the best `top`.
            var heap = new TopHeap(Math.Min(top, eligibleCount));
            Span<double> values = stackalloc double[MatchWeights.FactorCount];
            for (var e = 0; e < eligibleCount; e++)
            {
                var candidate = candidates[eligible[e]];
                Values(criteria, candidate, today, maxRecent, values);
                heap.Offer(Total(values, scale), candidate.AdvocateId, eligible[e]);
            }

            var best = heap.SortedBestFirst();
            var results = new MatchResult[best.Length];
            for (var r = 0; r < best.Length; r++)
            {
                results[r] = Result(r + 1, criteria, candidates[best[r].Index], best[r].Score, today, maxRecent, scale);
            }

            return new MatchRanking(results, eligibleCount, excluded) { ExcludedByReason = tally.ToList() };
        }
        finally
        {
            ArrayPool<int>.Shared.Return(eligible);
        }
    }

    /// <summary>Why a candidate is left out (none when eligible).</summary>
    public static BlockReasons Exclusion(MatchCriteria criteria, MatchCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(candidate);
        var reasons = BlockReasons.None;
        if (!Contains(candidate.ActivityTypes, criteria.ActivityType))
        {
            reasons |= BlockReasons.DoesNotDoActivity;
        }

        var fatigue = candidate.Fatigue;
        if (!fatigue.CanBook)
        {
            var freeInTime = criteria.NeededBy is { } neededBy && fatigue.NextFreeOn is { } free && free <= neededBy;
            if (!freeInTime || reasons != BlockReasons.None)
            {
                reasons |= fatigue.Reasons;
            }
        }

        return reasons;
    }

    /// <summary>Each factor's share of 100 points (its weight over the sum of weights); throws when the weights are invalid.</summary>
    internal static void Scale(MatchWeights weights, Span<double> scale)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var sum = 0.0;
        var valid = true;
        for (var f = 0; f < MatchWeights.FactorCount; f++)
        {
            scale[f] = weights.Of((MatchFactor)f);
            valid &= double.IsFinite(scale[f]) && scale[f] >= 0;
            sum += scale[f];
        }

        if (!valid || !(sum > 0))
        {
            throw new ArgumentException(string.Join(" ", weights.Validate().ToDictionary().SelectMany(e => e.Value)), nameof(weights));
        }

        for (var f = 0; f < MatchWeights.FactorCount; f++)
        {
            scale[f] = scale[f] * 100 / sum;
        }
    }

    /// <summary>The score: the factors' points summed in factor order (both rankings sum alike, so ties break alike).</summary>
    internal static double Total(ReadOnlySpan<double> values, ReadOnlySpan<double> scale)
    {
        var total = 0.0;
        for (var f = 0; f < values.Length; f++)
        {
            total += values[f] * scale[f];
        }

        return total;
    }

    /// <summary>A ranked advocate with the factor-by-factor explanation (built only for the results returned).</summary>
    internal static MatchResult Result(int rank, MatchCriteria criteria, MatchCandidate candidate, double score, DateOnly today, int maxRecent, ReadOnlySpan<double> scale)
    {
        Span<double> values = stackalloc double[MatchWeights.FactorCount];
        Values(criteria, candidate, today, maxRecent, values);
        return new MatchResult(rank, candidate, score, Explain(criteria, candidate, today, maxRecent, values, scale));
    }

    /// <summary>Each factor's value 0..1, by <see cref="MatchFactor"/> index.</summary>
    private static void Values(MatchCriteria criteria, MatchCandidate c, DateOnly today, int maxRecent, Span<double> v)
    {
        v[(int)MatchFactor.Product] = ProductValue(criteria.ProductIds, c.ProductIds);
        v[(int)MatchFactor.Sector] = criteria.SectorId is null || criteria.SectorId == c.SectorId ? 1 : 0;
        v[(int)MatchFactor.Region] = criteria.RegionId is null || criteria.RegionId == c.RegionId ? 1 : 0;
        v[(int)MatchFactor.Size] = SizeValue(criteria.SizeBand, c.SizeBand);
        v[(int)MatchFactor.Seniority] = SeniorityFit(criteria.MinimumSeniority, c.SeniorityTier);
        v[(int)MatchFactor.Language] = criteria.Language is null || Speaks(c.Languages, criteria.Language) ? 1 : 0;
        StaticValues(c, today, v);
        v[(int)MatchFactor.Rotation] = RotationValue(c.RecentActivities, maxRecent);
    }

    /// <summary>The factors that do not depend on the criteria or on the rest of the pool (activity type, readiness, headroom).</summary>
    internal static void StaticValues(MatchCandidate c, DateOnly today, Span<double> v)
    {
        v[(int)MatchFactor.ActivityType] = 1;
        v[(int)MatchFactor.Satisfaction] = SatisfactionValue(c.SatisfactionKind, c.SatisfactionScore);
        v[(int)MatchFactor.Tenure] = c.CustomerSince is { } since ? Math.Clamp(Years(since, today) / FullTenureYears, 0, 1) : 0;
        v[(int)MatchFactor.SeniorityTier] = (int)c.SeniorityTier / (double)(int)SeniorityTier.CLevel;
        v[(int)MatchFactor.Feedback] = c.FeedbackAverage is { } avg && c.FeedbackCount > 0 ? Math.Clamp((avg - 1) / 4, 0, 1) : 0.5;
        v[(int)MatchFactor.FatigueHeadroom] = c.Fatigue.CanBook ? c.Fatigue.Headroom.Ratio : 0;
    }

    internal static double ProductValue(IReadOnlyList<int> wanted, IReadOnlyList<int> owned) =>
        wanted.Count == 0 ? 1 : OwnedCount(wanted, owned) / (double)wanted.Count;

    internal static double RotationValue(int recent, int maxRecent) =>
        maxRecent == 0 ? 1 : 1 - (Math.Min(recent, maxRecent) / (double)maxRecent);

    private static ScoreFactor[] Explain(MatchCriteria criteria, MatchCandidate c, DateOnly today, int maxRecent, ReadOnlySpan<double> v, ReadOnlySpan<double> scale)
    {
        var factors = new ScoreFactor[MatchWeights.FactorCount];
        for (var f = 0; f < factors.Length; f++)
        {
            var factor = (MatchFactor)f;
            factors[f] = new ScoreFactor(factor, v[f], v[f] * scale[f], scale[f], Sentence(factor, criteria, c, today, maxRecent));
        }

        return factors;
    }

    private static string Sentence(MatchFactor factor, MatchCriteria criteria, MatchCandidate c, DateOnly today, int maxRecent) => factor switch
    {
        MatchFactor.Product => criteria.ProductIds.Count == 0
            ? "No product asked for."
            : $"Owns {OwnedCount(criteria.ProductIds, c.ProductIds)} of the {criteria.ProductIds.Count} products asked for.",
        MatchFactor.Sector => criteria.SectorId is null ? "No sector asked for." : criteria.SectorId == c.SectorId ? "Same sector." : "A different sector.",
        MatchFactor.Region => criteria.RegionId is null ? "No region asked for." : criteria.RegionId == c.RegionId ? "Same region." : "A different region.",
        MatchFactor.Size => criteria.SizeBand == SizeBand.Unknown ? "No size asked for."
            : c.SizeBand == SizeBand.Unknown ? $"Size unknown ({criteria.SizeBand} asked for)."
            : c.SizeBand == criteria.SizeBand ? $"Same size band ({Formatting.Words.Phrase(c.SizeBand)})."
            : Math.Abs(c.SizeBand - criteria.SizeBand) == 1 ? $"Next size band ({Formatting.Words.Phrase(c.SizeBand)}; {Formatting.Words.Phrase(criteria.SizeBand)} asked for)."
            : $"A different size band ({Formatting.Words.Phrase(c.SizeBand)}; {Formatting.Words.Phrase(criteria.SizeBand)} asked for).",
        MatchFactor.Seniority => criteria.MinimumSeniority == SeniorityTier.Unknown ? "No seniority asked for."
            : c.SeniorityTier >= criteria.MinimumSeniority ? $"{Tier(c.SeniorityTier)} meets the minimum of {Tier(criteria.MinimumSeniority)}."
            : $"{Tier(c.SeniorityTier)} is below the minimum of {Tier(criteria.MinimumSeniority)}.",
        MatchFactor.Language => criteria.Language is null ? "No language asked for."
            : Speaks(c.Languages, criteria.Language) ? $"Speaks {Formatting.LanguageText.Name(criteria.Language)}." : $"Does not speak {Formatting.LanguageText.Name(criteria.Language)}.",
        MatchFactor.ActivityType => $"Does {ActivityTypes.Plural(criteria.ActivityType)}.",
        MatchFactor.Satisfaction => c.SatisfactionScore is { } score && c.SatisfactionKind != SatisfactionKind.None
            ? c.SatisfactionKind == SatisfactionKind.Csat ? $"CSAT {score}%." : $"NPS {score}."
            : "Satisfaction not measured (counted as neutral).",
        MatchFactor.Tenure => c.CustomerSince is { } since
            ? $"Customer for {Years(since, today).ToString("0.0", CultureInfo.InvariantCulture)} years (full marks from {FullTenureYears:0})."
            : "Customer-since date unknown.",
        MatchFactor.SeniorityTier => $"{Tier(c.SeniorityTier)}.",
        MatchFactor.Feedback => c.FeedbackAverage is { } avg && c.FeedbackCount > 0
            ? $"Past feedback {avg.ToString("0.0", CultureInfo.InvariantCulture)} of 5 from {c.FeedbackCount} {(c.FeedbackCount == 1 ? "activity" : "activities")}."
            : "No feedback yet (counted as neutral).",
        MatchFactor.FatigueHeadroom => HeadroomSentence(criteria, c),
        MatchFactor.Rotation => maxRecent == 0
            ? "No one in the pool was used in the last 12 months."
            : $"{ActivityTypes.Count(c.RecentActivities, null)} in the last 12 months; the most-used eligible advocate has {maxRecent}.",
        _ => string.Empty,
    };

    private static string HeadroomSentence(MatchCriteria criteria, MatchCandidate c)
    {
        var fatigue = c.Fatigue;
        if (!fatigue.CanBook)
        {
            return $"Not free until {FatigueText.Date(fatigue.NextFreeOn!.Value)} (needed by {FatigueText.Date(criteria.NeededBy!.Value)}).";
        }

        var h = fatigue.Headroom;
        if (h.Allowed is not { } allowed)
        {
            return "No overall cap applies.";
        }

        var window = h.CalendarQuarter ? $"in {FatigueText.Quarter(fatigue.RequestedOn)}" : $"in the last {h.WindowDays} days";
        return $"Used {h.Used} of {allowed} {window}.";
    }

    private static string Tier(SeniorityTier tier) => tier switch
    {
        SeniorityTier.CLevel => "C-level",
        SeniorityTier.VicePresident => "VP",
        SeniorityTier.Unknown => "Seniority unknown",
        _ => tier.ToString(),
    };

    private static double Years(DateOnly since, DateOnly today) => (today.DayNumber - since.DayNumber) / 365.25;

    internal static double SizeValue(SizeBand wanted, SizeBand actual) =>
        wanted == SizeBand.Unknown ? 1
        : actual == SizeBand.Unknown ? 0
        : actual == wanted ? 1
        : Math.Abs(actual - wanted) == 1 ? 0.5
        : 0;

    internal static double SeniorityFit(SeniorityTier minimum, SeniorityTier actual) =>
        minimum == SeniorityTier.Unknown ? 1
        : actual == SeniorityTier.Unknown ? 0
        : actual >= minimum ? 1
        : actual == minimum - 1 ? 0.5
        : 0;

    private static double SatisfactionValue(SatisfactionKind kind, int? score) => (kind, score) switch
    {
        (SatisfactionKind.Nps, { } nps) => Math.Clamp((nps + 100) / 200.0, 0, 1),
        (SatisfactionKind.Csat, { } csat) => Math.Clamp(csat / 100.0, 0, 1),
        _ => 0.5,
    };

    internal static int OwnedCount(IReadOnlyList<int> wanted, IReadOnlyList<int> owned)
    {
        var count = 0;
        for (var i = 0; i < wanted.Count; i++)
        {
            for (var j = 0; j < owned.Count; j++)
            {
                if (owned[j] == wanted[i])
                {
                    count++;
                    break;
                }
            }
        }

        return count;
    }

    internal static bool Contains(IReadOnlyList<ActivityType> types, ActivityType type)
    {
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i] == type)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Same primary language ("en" matches "en-GB"), case-insensitive, without allocating.</summary>
    internal static bool Speaks(IReadOnlyList<string> languages, string wanted)
    {
        var primary = Primary(wanted);
        for (var i = 0; i < languages.Count; i++)
        {
            if (Primary(languages[i]).Equals(primary, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The primary language of a tag: "en" of " en-GB".</summary>
    internal static ReadOnlySpan<char> Primary(string tag)
    {
        var span = tag.AsSpan().Trim();
        var dash = span.IndexOfAny('-', '_');
        return dash < 0 ? span : span[..dash];
    }
}
