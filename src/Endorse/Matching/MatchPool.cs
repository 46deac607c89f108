using System.Runtime.CompilerServices;
using Endorse.Accounts;
using Endorse.Advocates;
using Endorse.Contacts;
using Endorse.Fatigue;

namespace Endorse.Matching;

/// <summary>
/// The match index's candidates for one activity type on one day, laid out for ranking. Whether a candidate may be
/// ranked depends on the criteria only through the needed-by date, so that is settled when the pool is built: those
/// who may be ranked become compact rows, the ones free now first, then the ones free later by the day they are free.
/// A ranking finds the rows free by its needed-by date with a binary search, scores only those (the same values,
/// sums and order as <see cref="MatchScorer.Rank"/>) into a bounded heap, and explains only the results returned.
/// Everyone else is excluded for reasons fixed at build time: they are counted by reason, and become
/// <see cref="MatchExclusion"/>s only when the page shown reads them. Immutable once built: rankings share it without a lock.
/// </summary>
internal sealed class MatchPool
{
    private const int AlwaysEligible = int.MinValue;
    private const int NeverEligible = int.MaxValue;
    private const int OtherLanguages = 63;

    private readonly MatchCandidate[] candidates;
    private readonly int[] eligibleFrom;
    private readonly BlockReasons[] reasons;
    private readonly Row[] rows;
    private readonly int freeNow;
    private readonly int[] freeLaterFrom;
    private readonly int[] maxRecentOfFirst;
    private readonly ExclusionTally neverEligible;
    private readonly Dictionary<string, int> languageBits;

    private MatchPool(ActivityType type, DateOnly day, MatchCandidate[] candidates)
    {
        ActivityType = type;
        Day = day;
        this.candidates = candidates;
        eligibleFrom = new int[candidates.Length];
        reasons = new BlockReasons[candidates.Length];
        neverEligible = new ExclusionTally();
        languageBits = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var free = new List<int>(candidates.Length);
        var later = new List<(int From, int Index)>();
        for (var i = 0; i < candidates.Length; i++)
        {
            var c = candidates[i];
            var fatigue = c.Fatigue;
            if (!MatchScorer.Contains(c.ActivityTypes, type))
            {
                // Excluded whatever the needed-by date, with every reason (as MatchScorer.Exclusion).
                eligibleFrom[i] = NeverEligible;
                reasons[i] = BlockReasons.DoesNotDoActivity | (fatigue.CanBook ? BlockReasons.None : fatigue.Reasons);
                neverEligible.Add(reasons[i]);
            }
            else if (fatigue.CanBook)
            {
                eligibleFrom[i] = AlwaysEligible;
                free.Add(i);
            }
            else if (fatigue.NextFreeOn is { } freeOn)
            {
                eligibleFrom[i] = freeOn.DayNumber;
                reasons[i] = fatigue.Reasons;
                later.Add((freeOn.DayNumber, i));
            }
            else
            {
                eligibleFrom[i] = NeverEligible;
                reasons[i] = fatigue.Reasons;
                neverEligible.Add(reasons[i]);
            }
        }

        later.Sort();
        freeNow = free.Count;
        rows = new Row[free.Count + later.Count];
        freeLaterFrom = new int[later.Count];
        maxRecentOfFirst = new int[rows.Length + 1];
        for (var r = 0; r < rows.Length; r++)
        {
            var index = r < freeNow ? free[r] : later[r - freeNow].Index;
            if (r >= freeNow)
            {
                freeLaterFrom[r - freeNow] = later[r - freeNow].From;
            }

            rows[r] = NewRow(index);
            maxRecentOfFirst[r + 1] = Math.Max(maxRecentOfFirst[r], rows[r].RecentActivities);
        }
    }

    public ActivityType ActivityType { get; }

    /// <summary>The day the candidates' fatigue was checked for (the pool is valid for rankings on that day).</summary>
    public DateOnly Day { get; }

    /// <summary>The candidates, in the order given (advocate id).</summary>
    public IReadOnlyList<MatchCandidate> Candidates => candidates;

    public static MatchPool Build(ActivityType type, DateOnly day, MatchCandidate[] candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return new MatchPool(type, day, candidates);
    }

    /// <summary>Ranks the pool for criteria of its activity type; the same ranking as <see cref="MatchScorer.Rank"/> of its candidates on its day.</summary>
    public MatchRanking Rank(MatchCriteria criteria, MatchWeights weights, int top)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        if (criteria.ActivityType != ActivityType)
        {
            throw new ArgumentException($"This pool ranks for {ActivityType}, not {criteria.ActivityType}.", nameof(criteria));
        }

        Span<double> scale = stackalloc double[MatchWeights.FactorCount];
        MatchScorer.Scale(weights, scale);
        var neededBy = criteria.NeededBy is { } day ? day.DayNumber : AlwaysEligible;
        var eligibleCount = freeNow + CountAtMost(freeLaterFrom, neededBy);
        var maxRecent = maxRecentOfFirst[eligibleCount];

        var wanted = criteria.ProductIds as int[] ?? [.. criteria.ProductIds];
        var sector = criteria.SectorId;
        var region = criteria.RegionId;
        var size = criteria.SizeBand;
        var seniority = criteria.MinimumSeniority;
        var language = criteria.Language;
        var languageMask = language is null ? 0UL : LanguageMask(language);

        var heap = new TopHeap(Math.Min(top, eligibleCount));
        Span<double> v = stackalloc double[MatchWeights.FactorCount];
        for (var r = 0; r < eligibleCount; r++)
        {
            ref readonly var row = ref rows[r];
            row.Static.CopyTo(v);
            v[(int)MatchFactor.Product] = wanted.Length == 0 ? 1 : OwnedCount(wanted, row.ProductIds) / (double)wanted.Length;
            v[(int)MatchFactor.Sector] = sector is null || sector == row.SectorId ? 1 : 0;
            v[(int)MatchFactor.Region] = region is null || region == row.RegionId ? 1 : 0;
            v[(int)MatchFactor.Size] = MatchScorer.SizeValue(size, row.SizeBand);
            v[(int)MatchFactor.Seniority] = MatchScorer.SeniorityFit(seniority, row.SeniorityTier);
            v[(int)MatchFactor.Language] = language is null || Speaks(row, languageMask, language) ? 1 : 0;
            v[(int)MatchFactor.Rotation] = MatchScorer.RotationValue(row.RecentActivities, maxRecent);
            heap.Offer(MatchScorer.Total(v, scale), row.AdvocateId, row.Candidate);
        }

        var best = heap.SortedBestFirst();
        var results = new MatchResult[best.Length];
        for (var r = 0; r < best.Length; r++)
        {
            results[r] = MatchScorer.Result(r + 1, criteria, candidates[best[r].Index], best[r].Score, Day, maxRecent, scale);
        }

        var tally = new ExclusionTally();
        tally.Add(neverEligible);
        for (var r = eligibleCount; r < rows.Length; r++)
        {
            tally.Add(reasons[rows[r].Candidate]);
        }

        var excluded = new ExcludedView(this, neededBy, candidates.Length - eligibleCount);
        return new MatchRanking(results, eligibleCount, excluded) { ExcludedByReason = tally.ToList() };
    }

    /// <summary>How many of the ascending days are on or before <paramref name="day"/>.</summary>
    private static int CountAtMost(int[] ascending, int day)
    {
        int low = 0, high = ascending.Length;
        while (low < high)
        {
            var mid = (int)((uint)(low + high) >> 1);
            if (ascending[mid] <= day)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>As <see cref="MatchScorer.OwnedCount"/>: each product asked for that the advocate owns counts once.</summary>
    private static int OwnedCount(int[] wanted, int[] owned)
    {
        var count = 0;
        foreach (var w in wanted)
        {
            if (Array.IndexOf(owned, w) >= 0)
            {
                count++;
            }
        }

        return count;
    }

    private ulong LanguageMask(string language) =>
        languageBits.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(MatchScorer.Primary(language), out var bit) ? 1UL << bit : 0;

    /// <summary>As <see cref="MatchScorer.Speaks"/>: a language bit when the pool knows the language, else the slow way for the rare advocate with languages beyond the bits.</summary>
    private bool Speaks(in Row row, ulong mask, string language) =>
        mask != 0
            ? (row.Languages & mask) != 0
            : (row.Languages & (1UL << OtherLanguages)) != 0 && MatchScorer.Speaks(candidates[row.Candidate].Languages, language);

    private Row NewRow(int index)
    {
        var c = candidates[index];
        Span<double> values = stackalloc double[MatchWeights.FactorCount];
        MatchScorer.StaticValues(c, Day, values);
        var row = new Row
        {
            Candidate = index,
            AdvocateId = c.AdvocateId,
            SectorId = c.SectorId,
            RegionId = c.RegionId,
            SizeBand = c.SizeBand,
            SeniorityTier = c.SeniorityTier,
            RecentActivities = c.RecentActivities,
            ProductIds = c.ProductIds as int[] ?? [.. c.ProductIds],
        };
        values.CopyTo(row.Static);
        var lookup = languageBits.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var language in c.Languages)
        {
            var primary = MatchScorer.Primary(language);
            if (!lookup.TryGetValue(primary, out var bit))
            {
                bit = languageBits.Count < OtherLanguages ? languageBits.Count : OtherLanguages;
                if (bit < OtherLanguages)
                {
                    lookup[primary] = bit;
                }
            }

            row.Languages |= 1UL << bit;
        }

        return row;
    }

    /// <summary>What a ranking reads of one candidate who may be ranked.</summary>
    private struct Row
    {
        public int Candidate;
        public int AdvocateId;
        public int? SectorId;
        public int? RegionId;
        public SizeBand SizeBand;
        public SeniorityTier SeniorityTier;
        public int RecentActivities;
        public ulong Languages;
        public int[] ProductIds;

        /// <summary>Every factor's value, with those that do not depend on the criteria filled in.</summary>
        public FactorValues Static;
    }

    [InlineArray(MatchWeights.FactorCount)]
    private struct FactorValues
    {
        private double first;

        public readonly void CopyTo(Span<double> destination) => ((ReadOnlySpan<double>)this).CopyTo(destination);
    }

    /// <summary>The excluded candidates of one ranking, in the pool's order, each built when read.</summary>
    private sealed class ExcludedView(MatchPool pool, int neededBy, int count) : IReadOnlyList<MatchExclusion>
    {
        private long cursor = -1; // the last read: its index in the view (high half) and in the pool (low half)

        public int Count => count;

        public MatchExclusion this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);

                // Reading in order (a page) continues from the last one read.
                var last = cursor;
                int at = -1, position = -1;
                if (last >= 0 && (int)(last >> 32) <= index)
                {
                    at = (int)(last >> 32);
                    position = (int)last;
                    if (at == index)
                    {
                        return Exclusion(position);
                    }
                }

                while (true)
                {
                    position++;
                    if (pool.eligibleFrom[position] > neededBy && ++at == index)
                    {
                        cursor = ((long)at << 32) | (uint)position;
                        return Exclusion(position);
                    }
                }
            }
        }

        public IEnumerator<MatchExclusion> GetEnumerator()
        {
            for (var i = 0; i < pool.candidates.Length; i++)
            {
                if (pool.eligibleFrom[i] > neededBy)
                {
                    yield return Exclusion(i);
                }
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private MatchExclusion Exclusion(int i) => new(pool.candidates[i], pool.reasons[i], pool.ActivityType);
    }
}
