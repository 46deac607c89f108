namespace Endorse.Matching;

/// <summary>Why the pool rules hide an advocate from the person drawing on the pool (never who it is).</summary>
public enum PoolHiding
{
    /// <summary>Shown.</summary>
    None = 0,

    /// <summary>A pocket reference another rep keeps reserved for their own deals.</summary>
    ReservedForAnotherRep = 1,

    /// <summary>The pool is for contributors, and this advocate is neither at one of the person's accounts nor their pocket reference.</summary>
    ContributorsOnly = 2,
}

/// <summary>
/// Who may draw on which advocates (the pool rules, see <c>Endorse.Nominations.PoolRules</c>), as the matching sees them:
/// <see cref="PoolHiding.None"/> when the advocate may be shown, else why not. A ranking with a filter ranks, counts and
/// lists only the advocates it shows, and counts the hidden ones by reason.
/// </summary>
public delegate PoolHiding PoolFilter(int advocateId, int accountId);

/// <summary>How many advocates one pool rule hid from a ranking.</summary>
public readonly record struct HiddenCount(PoolHiding Reason, int Count);

/// <summary>How many advocates the pool rules hid, by reason, with a label (the API's shape).</summary>
public sealed record HiddenAdvocates(PoolHiding Reason, string Label, int Count);

/// <summary>Applies a <see cref="PoolFilter"/> to a list of candidates: the straightforward way, the naive matcher's and the tests' reference.</summary>
public static class PoolFiltering
{
    public static string Label(PoolHiding reason) => reason switch
    {
        PoolHiding.ReservedForAnotherRep => "Reserved for another rep's deals",
        PoolHiding.ContributorsOnly => "Open to contributors only",
        _ => "Shown",
    };

    /// <summary><see cref="MatchScorer.Rank"/> of the candidates the filter shows, with the hidden ones counted by reason.</summary>
    public static MatchRanking Rank(MatchCriteria criteria, IReadOnlyList<MatchCandidate> candidates, MatchWeights weights, DateOnly today, int top, PoolFilter? filter)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (filter is null)
        {
            return MatchScorer.Rank(criteria, candidates, weights, today, top);
        }

        var counts = new int[Enum.GetValues<PoolHiding>().Length];
        var shown = new List<MatchCandidate>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var hidden = filter(candidate.AdvocateId, candidate.AccountId);
            if (hidden == PoolHiding.None)
            {
                shown.Add(candidate);
            }
            else
            {
                counts[(int)hidden]++;
            }
        }

        return MatchScorer.Rank(criteria, shown, weights, today, top) with { Hidden = Counts(counts) };
    }

    /// <summary>The non-zero counts, in the order of <see cref="PoolHiding"/>.</summary>
    internal static IReadOnlyList<HiddenCount> Counts(int[] counts)
    {
        var list = new List<HiddenCount>();
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                list.Add(new HiddenCount((PoolHiding)i, counts[i]));
            }
        }

        return list;
    }
}
