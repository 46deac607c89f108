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
    private const int OtherBitIndex = 63;
    private const ulong OtherBit = 1UL << OtherBitIndex;
    private const int SizeBands = (int)SizeBand.Enterprise + 1;
    private const int SeniorityTiers = (int)SeniorityTier.CLevel + 1;
    private static readonly int HiddenReasons = Enum.GetValues<PoolHiding>().Length;

    private readonly MatchCandidate[] candidates;
    private readonly int[] eligibleFrom;
    private readonly BlockReasons[] reasons;
    private readonly int[] rowOf;
    private readonly int[] indexOfRow;
    private readonly Row[] rows;
    private readonly int freeNow;
    private readonly int[] freeLaterFrom;
    private readonly int[] maxRecentOfFirst;
    private readonly ExclusionTally neverEligible;
    private readonly Dictionary<string, int> languageBits;
    private readonly Dictionary<int, int> productBits;

    /// <param name="old">A pool of the same type, day and advocates (in the same order) to reuse, but for <paramref name="changed"/>.</param>
    private MatchPool(ActivityType type, DateOnly day, MatchCandidate[] candidates, MatchPool? old, HashSet<int>? changed)
    {
        ActivityType = type;
        Day = day;
        this.candidates = candidates;
        eligibleFrom = new int[candidates.Length];
        reasons = new BlockReasons[candidates.Length];
        rowOf = new int[candidates.Length];
        neverEligible = new ExclusionTally();
        languageBits = old is null ? new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) : new Dictionary<string, int>(old.languageBits, StringComparer.OrdinalIgnoreCase);
        productBits = old is null ? [] : new Dictionary<int, int>(old.productBits);
        var free = new List<int>(candidates.Length);
        var later = new List<(int From, int Index)>();
        var changedLater = new List<(int From, int Index)>();
        var isChanged = new bool[candidates.Length];
        if (changed is not null)
        {
            foreach (var i in changed)
            {
                isChanged[i] = true;
            }
        }

        for (var i = 0; i < candidates.Length; i++)
        {
            var reuse = old is not null && !isChanged[i];
            if (reuse)
            {
                eligibleFrom[i] = old!.eligibleFrom[i];
                reasons[i] = old.reasons[i];
            }
            else
            {
                (eligibleFrom[i], reasons[i]) = Eligibility(candidates[i], type);
            }

            switch (eligibleFrom[i])
            {
                case AlwaysEligible:
                    free.Add(i);
                    break;
                case NeverEligible:
                    neverEligible.Add(reasons[i]);
                    break;
                default:
                    if (old is null)
                    {
                        later.Add((eligibleFrom[i], i));
                    }
                    else if (!reuse)
                    {
                        changedLater.Add((eligibleFrom[i], i));
                    }

                    break;
            }
        }

        if (old is null)
        {
            later.Sort();
        }
        else
        {
            // The old pool's later rows are already in (day, index) order: keep the unchanged ones in that order and merge
            // the few changed ones in, instead of sorting every row again (what a refresh after a write costs).
            changedLater.Sort();
            later.Capacity = old.rows.Length - old.freeNow + changedLater.Count;
            var next = 0;
            for (var r = old.freeNow; r < old.rows.Length; r++)
            {
                var index = old.indexOfRow[r];
                if (isChanged[index])
                {
                    continue;
                }

                var entry = (old.freeLaterFrom[r - old.freeNow], index);
                while (next < changedLater.Count && changedLater[next].CompareTo(entry) < 0)
                {
                    later.Add(changedLater[next++]);
                }

                later.Add(entry);
            }

            while (next < changedLater.Count)
            {
                later.Add(changedLater[next++]);
            }
        }

        freeNow = free.Count;
        rows = new Row[free.Count + later.Count];
        freeLaterFrom = new int[later.Count];
        maxRecentOfFirst = new int[rows.Length + 1];
        indexOfRow = new int[rows.Length];
        Array.Fill(rowOf, -1);
        for (var r = 0; r < rows.Length; r++)
        {
            var index = r < freeNow ? free[r] : later[r - freeNow].Index;
            if (r >= freeNow)
            {
                freeLaterFrom[r - freeNow] = later[r - freeNow].From;
            }

            // A row depends only on its candidate (and the pool's day): reuse the old one when the candidate is the same.
            rows[r] = old is not null && !isChanged[index] && old.rowOf[index] >= 0 ? old.rows[old.rowOf[index]] : NewRow(index);
            rowOf[index] = r;
            indexOfRow[r] = index;
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
        return new MatchPool(type, day, candidates, null, null);
    }

    /// <summary>
    /// This pool with some candidates replaced (the same advocates in the same order): only the replaced ones are
    /// looked at again, the rest of the layout is copied. What a refresh after a write costs.
    /// </summary>
    /// <param name="replacements">Position in <see cref="Candidates"/> and the new candidate for that advocate.</param>
    public MatchPool With(IReadOnlyCollection<(int Index, MatchCandidate Candidate)> replacements)
    {
        ArgumentNullException.ThrowIfNull(replacements);
        var next = (MatchCandidate[])candidates.Clone();
        var changed = new HashSet<int>(replacements.Count);
        foreach (var (index, candidate) in replacements)
        {
            if (candidate.AdvocateId != next[index].AdvocateId)
            {
                throw new ArgumentException($"Position {index} holds advocate {next[index].AdvocateId}, not {candidate.AdvocateId}.", nameof(replacements));
            }

            next[index] = candidate;
            changed.Add(index);
        }

        return new MatchPool(ActivityType, Day, next, this, changed);
    }

    /// <summary>Where an advocate is in <see cref="Candidates"/> (they are in advocate id order), or -1.</summary>
    public int IndexOf(int advocateId)
    {
        int low = 0, high = candidates.Length - 1;
        while (low <= high)
        {
            var mid = (int)((uint)(low + high) >> 1);
            var id = candidates[mid].AdvocateId;
            if (id == advocateId)
            {
                return mid;
            }

            if (id < advocateId)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return -1;
    }

    /// <summary>From which needed-by day a candidate may be ranked, and the reasons they are excluded before it (as MatchScorer.Exclusion).</summary>
    private static (int From, BlockReasons Reasons) Eligibility(MatchCandidate c, ActivityType type)
    {
        var fatigue = c.Fatigue;
        if (!MatchScorer.Contains(c.ActivityTypes, type))
        {
            return (NeverEligible, BlockReasons.DoesNotDoActivity | (fatigue.CanBook ? BlockReasons.None : fatigue.Reasons));
        }

        return fatigue.CanBook ? (AlwaysEligible, BlockReasons.None)
            : fatigue.NextFreeOn is { } freeOn ? (freeOn.DayNumber, fatigue.Reasons)
            : (NeverEligible, fatigue.Reasons);
    }

    /// <summary>Ranks the pool for criteria of its activity type; the same ranking as <see cref="MatchScorer.Rank"/> of its candidates on its day.</summary>
    public MatchRanking Rank(MatchCriteria criteria, MatchWeights weights, int top) => Rank(criteria, weights, top, null);

    /// <summary>
    /// Ranks the candidates <paramref name="filter"/> shows (all when null): the same ranking as <see cref="PoolFiltering.Rank"/>.
    /// The hidden ones are neither ranked, counted nor listed as excluded; they are only counted by reason.
    /// </summary>
    public MatchRanking Rank(MatchCriteria criteria, MatchWeights weights, int top, PoolFilter? filter)
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
        var eligibleRows = freeNow + CountAtMost(freeLaterFrom, neededBy);
        var eligibleCount = eligibleRows;
        var maxRecent = maxRecentOfFirst[eligibleRows];
        var hiddenCounts = new int[HiddenReasons];
        var hidden = filter is null ? null : Hide(filter, hiddenCounts);
        if (hidden is not null)
        {
            (eligibleCount, maxRecent) = (0, 0);
            for (var r = 0; r < eligibleRows; r++)
            {
                if (hidden[rows[r].Candidate] == 0)
                {
                    eligibleCount++;
                    maxRecent = Math.Max(maxRecent, rows[r].RecentActivities);
                }
            }
        }

        // What the criteria ask, as the values each discrete factor can take (the scorer's own functions, so the same doubles).
        var wanted = criteria.ProductIds;
        Span<ulong> wantedBits = wanted.Count <= 16 ? stackalloc ulong[wanted.Count] : new ulong[wanted.Count];
        Span<double> productValue = wanted.Count <= 16 ? stackalloc double[wanted.Count + 1] : new double[wanted.Count + 1];
        for (var i = 0; i < wanted.Count; i++)
        {
            wantedBits[i] = productBits.TryGetValue(wanted[i], out var bit) ? 1UL << bit : 0;
        }

        for (var owned = 0; owned <= wanted.Count; owned++)
        {
            productValue[owned] = wanted.Count == 0 ? 1 : owned / (double)wanted.Count;
        }

        Span<double> sizeValue = stackalloc double[SizeBands];
        for (var band = 0; band < SizeBands; band++)
        {
            sizeValue[band] = MatchScorer.SizeValue(criteria.SizeBand, (SizeBand)band);
        }

        Span<double> seniorityValue = stackalloc double[SeniorityTiers];
        for (var tier = 0; tier < SeniorityTiers; tier++)
        {
            seniorityValue[tier] = MatchScorer.SeniorityFit(criteria.MinimumSeniority, (SeniorityTier)tier);
        }

        var sector = criteria.SectorId;
        var region = criteria.RegionId;
        var language = criteria.Language;
        var languageMask = language is null ? 0UL : LanguageMask(language);
        double s0 = scale[0], s1 = scale[1], s2 = scale[2], s3 = scale[3], s4 = scale[4], s5 = scale[5], s6 = scale[6];
        double s7 = scale[7], s8 = scale[8], s9 = scale[9], s10 = scale[10], s11 = scale[11], s12 = scale[12];

        // Rotation's points by activities in the last 12 months (capped at the most-used eligible advocate's).
        Span<double> rotationPoints = maxRecent < 1024 ? stackalloc double[maxRecent + 1] : new double[maxRecent + 1];
        for (var recent = 0; recent <= maxRecent; recent++)
        {
            rotationPoints[recent] = MatchScorer.RotationValue(recent, maxRecent) * s12;
        }

        var heap = new TopHeap(Math.Min(top, eligibleCount));
        var eligible = rows.AsSpan(0, eligibleRows);
        for (var r = 0; r < eligible.Length; r++)
        {
            ref readonly var row = ref eligible[r];
            if (hidden is not null && hidden[row.Candidate] != 0)
            {
                continue;
            }

            var owned = 0;
            for (var i = 0; i < wantedBits.Length; i++)
            {
                if (wantedBits[i] != 0 ? (row.ProductBits & wantedBits[i]) != 0 : (row.ProductBits & OtherBit) != 0 && Owns(row, wanted[i]))
                {
                    owned++;
                }
            }

            // The factors' points summed in factor order, exactly as MatchScorer.Total.
            var total = 0.0;
            total += productValue[owned] * s0;
            total += (sector is null || sector == row.SectorId ? 1 : 0) * s1;
            total += (region is null || region == row.RegionId ? 1 : 0) * s2;
            total += ((uint)row.SizeBand < SizeBands ? sizeValue[(int)row.SizeBand] : MatchScorer.SizeValue(criteria.SizeBand, row.SizeBand)) * s3;
            total += ((uint)row.SeniorityTier < SeniorityTiers ? seniorityValue[(int)row.SeniorityTier] : MatchScorer.SeniorityFit(criteria.MinimumSeniority, row.SeniorityTier)) * s4;
            total += (language is null || Speaks(row, languageMask, language) ? 1 : 0) * s5;
            total += row.ActivityType * s6;
            total += row.Satisfaction * s7;
            total += row.Tenure * s8;
            total += row.Tier * s9;
            total += row.Feedback * s10;
            total += row.Headroom * s11;
            total += rotationPoints[Math.Min(row.RecentActivities, maxRecent)];
            heap.Offer(total, row.AdvocateId, row.Candidate);
        }

        var best = heap.SortedBestFirst();
        var results = new MatchResult[best.Length];
        for (var r = 0; r < best.Length; r++)
        {
            results[r] = MatchScorer.Result(r + 1, criteria, candidates[best[r].Index], best[r].Score, Day, maxRecent, scale);
        }

        var tally = new ExclusionTally();
        var excludedCount = 0;
        if (hidden is null)
        {
            tally.Add(neverEligible);
            for (var r = eligibleRows; r < rows.Length; r++)
            {
                tally.Add(reasons[rows[r].Candidate]);
            }

            excludedCount = candidates.Length - eligibleRows;
        }
        else
        {
            for (var i = 0; i < candidates.Length; i++)
            {
                if (eligibleFrom[i] > neededBy && hidden[i] == 0)
                {
                    tally.Add(reasons[i]);
                    excludedCount++;
                }
            }
        }

        var excluded = new ExcludedView(this, neededBy, excludedCount, hidden);
        return new MatchRanking(results, eligibleCount, excluded) { ExcludedByReason = tally.ToList(), Hidden = PoolFiltering.Counts(hiddenCounts) };
    }

    /// <summary>The pool rules' verdict on each candidate (0: shown), counting the hidden by reason.</summary>
    private byte[] Hide(PoolFilter filter, int[] counts)
    {
        var hidden = new byte[candidates.Length];
        for (var i = 0; i < candidates.Length; i++)
        {
            var reason = filter(candidates[i].AdvocateId, candidates[i].AccountId);
            hidden[i] = (byte)reason;
            counts[(int)reason]++;
        }

        return hidden;
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

    /// <summary>For a product the pool has no bit for: does this advocate (one with products beyond the bits) own it.</summary>
    private bool Owns(in Row row, int product)
    {
        foreach (var owned in candidates[row.Candidate].ProductIds)
        {
            if (owned == product)
            {
                return true;
            }
        }

        return false;
    }

    private ulong LanguageMask(string language) =>
        languageBits.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(MatchScorer.Primary(language), out var bit) ? 1UL << bit : 0;

    /// <summary>As <see cref="MatchScorer.Speaks"/>: a language bit when the pool knows the language, else the slow way for the rare advocate with languages beyond the bits.</summary>
    private bool Speaks(in Row row, ulong mask, string language) =>
        mask != 0
            ? (row.Languages & mask) != 0
            : (row.Languages & OtherBit) != 0 && MatchScorer.Speaks(candidates[row.Candidate].Languages, language);

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
            ActivityType = values[(int)MatchFactor.ActivityType],
            Satisfaction = values[(int)MatchFactor.Satisfaction],
            Tenure = values[(int)MatchFactor.Tenure],
            Tier = values[(int)MatchFactor.SeniorityTier],
            Feedback = values[(int)MatchFactor.Feedback],
            Headroom = values[(int)MatchFactor.FatigueHeadroom],
        };
        foreach (var product in c.ProductIds)
        {
            if (!productBits.TryGetValue(product, out var bit))
            {
                bit = productBits.Count < OtherBitIndex ? productBits[product] = productBits.Count : OtherBitIndex;
            }

            row.ProductBits |= 1UL << bit;
        }

        var lookup = languageBits.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var language in c.Languages)
        {
            var primary = MatchScorer.Primary(language);
            if (!lookup.TryGetValue(primary, out var bit))
            {
                bit = languageBits.Count < OtherBitIndex ? lookup[primary] = languageBits.Count : OtherBitIndex;
            }

            row.Languages |= 1UL << bit;
        }

        return row;
    }

    /// <summary>What a ranking reads of one candidate who may be ranked: kept small and in one array, read in order.</summary>
    private struct Row
    {
        public int Candidate;
        public int AdvocateId;
        public int? SectorId;
        public int? RegionId;
        public SizeBand SizeBand;
        public SeniorityTier SeniorityTier;
        public int RecentActivities;

        /// <summary>The products owned, a bit each (see productBits); <see cref="OtherBit"/> for any beyond the bits.</summary>
        public ulong ProductBits;

        /// <summary>The primary languages spoken, a bit each (see languageBits); <see cref="OtherBit"/> for any beyond the bits.</summary>
        public ulong Languages;

        // The values of the factors that do not depend on the criteria.
        public double ActivityType;
        public double Satisfaction;
        public double Tenure;
        public double Tier;
        public double Feedback;
        public double Headroom;
    }

    /// <summary>The excluded candidates of one ranking, in the pool's order, each built when read.</summary>
    private sealed class ExcludedView(MatchPool pool, int neededBy, int count, byte[]? hidden) : IReadOnlyList<MatchExclusion>
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
                    if (pool.eligibleFrom[position] > neededBy && (hidden is null || hidden[position] == 0) && ++at == index)
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
                if (pool.eligibleFrom[i] > neededBy && (hidden is null || hidden[i] == 0))
                {
                    yield return Exclusion(i);
                }
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private MatchExclusion Exclusion(int i) => new(pool.candidates[i], pool.reasons[i], pool.ActivityType);
    }
}
