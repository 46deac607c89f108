using Endorse.Accounts;
using Endorse.Advocates;
using Endorse.Contacts;
using Endorse.Fatigue;
using Endorse.Matching;

namespace Endorse.Tests.Matching;

public class MatchPoolTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly BlockReasons[] TimeBound = [BlockReasons.CoolDown, BlockReasons.AdvocateCapReached, BlockReasons.AccountCapReached, BlockReasons.Blackout, BlockReasons.Resting];
    private static readonly BlockReasons[] Permanent = [BlockReasons.DoNotContact, BlockReasons.Retired, BlockReasons.OpenEscalation, BlockReasons.NoPublicity];

    /// <summary>
    /// A varied pool: every activity-type mix, free / blocked until a day / blocked for good, few distinct values of each
    /// factor (many equal scores, so ties must break alike), 80 languages and 85 products (more than the pool's bits), languages
    /// in mixed case, and size bands and tiers the enums do not name.
    /// </summary>
    private static MatchCandidate[] RandomCandidates(int count, int seed)
    {
        var random = new Random(seed);
        string[] languages = [.. Enumerable.Range(0, 80).Select(i => $"l{i}"), "en", "EN-gb", "de", "fr_CA"];
        return [.. Enumerable.Range(1, count).Select(id =>
        {
            var fatigue = random.Next(4) switch
            {
                0 => Blocked(random, TimeBound[random.Next(TimeBound.Length)], Today.AddDays(random.Next(1, 120))),
                1 when random.Next(3) == 0 => Blocked(random, Permanent[random.Next(Permanent.Length)], null),
                _ => FatigueResult.Free(Today, random.Next(3) == 0 ? FatigueHeadroom.Unlimited : new FatigueHeadroom(random.Next(0, 4), 3, 90)),
            };
            return new MatchCandidate(id * 3, id, 1000 + (id % 50), fatigue)
            {
                Name = $"Advocate {id}",
                AccountName = $"Account {id % 50}",
                ActivityTypes = [.. ActivityTypes.All.Where(_ => random.Next(3) != 0)],
                ProductIds = [.. Enumerable.Range(1, 5).Where(_ => random.Next(3) == 0), .. Enumerable.Range(0, random.Next(0, 2)).Select(_ => random.Next(100, 180))],
                SectorId = random.Next(4) == 0 ? null : random.Next(1, 4),
                RegionId = random.Next(4) == 0 ? null : random.Next(1, 3),
                SizeBand = (SizeBand)random.Next(0, 6), // 5: a value the enum does not name
                SeniorityTier = (SeniorityTier)random.Next(-1, 7),
                Languages = [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => languages[random.Next(languages.Length)])],
                SatisfactionKind = (SatisfactionKind)random.Next(0, 3),
                SatisfactionScore = random.Next(3) == 0 ? null : random.Next(-2, 3) * 50,
                CustomerSince = random.Next(4) == 0 ? null : Today.AddDays(-random.Next(0, 4) * 365),
                FeedbackAverage = random.Next(2) == 0 ? null : random.Next(1, 6),
                FeedbackCount = random.Next(0, 3),
                RecentActivities = random.Next(0, 6),
            };
        })];
    }

    private static FatigueResult Blocked(Random random, BlockReasons reason, DateOnly? freeOn)
    {
        List<FatigueBlock> blocks = [new(reason, Today) { FreeOn = freeOn, To = freeOn?.AddDays(-1), From = Today.AddDays(-3), Count = 3, Limit = 3, Days = 90 }];
        if (freeOn is not null && random.Next(4) == 0)
        {
            blocks.Add(new FatigueBlock(BlockReasons.Blackout, Today) { From = Today, To = freeOn.Value.AddDays(-1), FreeOn = freeOn });
        }

        return new FatigueResult(Today, blocks, new FatigueHeadroom(3, 3, 90), freeOn);
    }

    private static IEnumerable<MatchCriteria> RandomCriteria(int count, int seed)
    {
        var random = new Random(seed);
        string?[] languages = [null, "en", "en-US", "De", "l5", "L70", "l79", "xx", " fr "];
        for (var i = 0; i < count; i++)
        {
            yield return new MatchCriteria(ActivityTypes.All[random.Next(ActivityTypes.All.Count)])
            {
                ProductIds = random.Next(4) switch { 0 => [], 1 => [random.Next(1, 7)], 2 => [random.Next(100, 181)], _ => [random.Next(1, 4), random.Next(1, 7), 2, random.Next(100, 181)] },
                SectorId = random.Next(2) == 0 ? null : random.Next(1, 5),
                RegionId = random.Next(2) == 0 ? null : random.Next(1, 3),
                SizeBand = (SizeBand)random.Next(0, 5),
                MinimumSeniority = (SeniorityTier)random.Next(0, 6),
                Language = languages[random.Next(languages.Length)],
                NeededBy = random.Next(3) == 0 ? null : Today.AddDays(random.Next(0, 150)),
            };
        }
    }

    /// <summary>Everything a reader of a ranking sees, to compare two rankings exactly.</summary>
    private static string[] Shape(MatchRanking ranking) =>
    [
        .. ranking.Results.Select(r => $"{r.Rank}:{r.Candidate.AdvocateId}:{r.Score:R}:{r.AvailableNow}:{r.AvailableFrom}:{string.Join('|', r.Factors.Select(f => $"{f.Value:R}/{f.Points:R}/{f.MaxPoints:R}/{f.Explanation}"))}"),
        $"eligible {ranking.EligibleCount}, excluded {ranking.Excluded.Count}",
        .. ranking.Excluded.Select(e => $"x{e.Candidate.AdvocateId}:{e.Reasons}:{e.ActivityType}:{string.Join('|', e.Describe())}"),
        .. ranking.ExcludedByReason.Select(c => $"{c.Reason}={c.Count}"),
    ];

    [Fact]
    public void A_pool_ranks_exactly_like_the_straightforward_scorer()
    {
        var candidates = RandomCandidates(3000, seed: 7);
        var pools = ActivityTypes.All.ToDictionary(t => t, t => MatchPool.Build(t, Today, candidates));
        var weights = new[] { MatchWeights.Default, MatchWeights.Default with { Rotation = 30, Product = 0, Language = 13.5 } };

        var compared = 0;
        foreach (var criteria in RandomCriteria(120, seed: 11))
        {
            var w = weights[compared % weights.Length];
            var top = compared % 5 == 0 ? 3000 : 25;
            var expected = MatchScorer.Rank(criteria, candidates, w, Today, top);
            var actual = pools[criteria.ActivityType].Rank(criteria, w, top);

            Assert.Equal(Shape(expected), Shape(actual));
            compared++;
        }

        Assert.Equal(120, compared);
    }

    [Fact]
    public void A_pool_with_replaced_candidates_ranks_like_one_built_afresh()
    {
        var candidates = RandomCandidates(2000, seed: 5);
        var others = RandomCandidates(2000, seed: 6);
        var random = new Random(8);
        var positions = Enumerable.Range(0, 60).Select(_ => random.Next(candidates.Length)).Distinct().ToList();
        var replacements = positions.Select(i => (i, others[i] with { AdvocateId = candidates[i].AdvocateId })).ToList();
        var changed = (MatchCandidate[])candidates.Clone();
        foreach (var (i, c) in replacements)
        {
            changed[i] = c;
        }

        foreach (var type in ActivityTypes.All)
        {
            var patched = MatchPool.Build(type, Today, candidates).With(replacements);
            var fresh = MatchPool.Build(type, Today, changed);
            foreach (var criteria in RandomCriteria(10, seed: (int)type).Select(c => c with { ActivityType = type }))
            {
                Assert.Equal(Shape(fresh.Rank(criteria, MatchWeights.Default, 40)), Shape(patched.Rank(criteria, MatchWeights.Default, 40)));
            }
        }

        var pool = MatchPool.Build(ActivityType.ReferenceCall, Today, candidates);
        Assert.Equal(17, pool.IndexOf(candidates[17].AdvocateId));
        Assert.Equal(-1, pool.IndexOf(1));
        Assert.Throws<ArgumentException>(() => pool.With([(0, candidates[1])]));
    }

    [Fact]
    public void Exclusions_are_counted_by_reason_and_the_needed_by_date_moves_advocates_in()
    {
        var coolingUntil = Today.AddDays(10);
        MatchCandidate Candidate(int id, FatigueResult fatigue, params ActivityType[] types) =>
            new(id, id, id, fatigue) { ActivityTypes = types.Length == 0 ? [ActivityType.ReferenceCall] : types };
        var free = FatigueResult.Free(Today, FatigueHeadroom.Unlimited);
        var cooling = new FatigueResult(Today, [new FatigueBlock(BlockReasons.CoolDown, Today) { Days = 14, From = Today.AddDays(-4), FreeOn = coolingUntil }], FatigueHeadroom.Unlimited, coolingUntil);
        var neverAgain = new FatigueResult(Today, [new FatigueBlock(BlockReasons.DoNotContact, Today)], FatigueHeadroom.Unlimited, null);
        MatchCandidate[] candidates =
        [
            Candidate(1, free),
            Candidate(2, cooling),
            Candidate(3, cooling),
            Candidate(4, neverAgain),
            Candidate(5, neverAgain, ActivityType.SiteVisit),
            Candidate(6, free, ActivityType.SiteVisit),
            Candidate(7, cooling, ActivityType.SiteVisit),
        ];
        var pool = MatchPool.Build(ActivityType.ReferenceCall, Today, candidates);

        var now = pool.Rank(new MatchCriteria(ActivityType.ReferenceCall), MatchWeights.Default, 10);
        var later = pool.Rank(new MatchCriteria(ActivityType.ReferenceCall) { NeededBy = coolingUntil }, MatchWeights.Default, 10);

        Assert.Equal([1], now.Results.Select(r => r.Candidate.AdvocateId));
        Assert.Equal([2, 3, 4, 5, 6, 7], now.Excluded.Select(e => e.Candidate.AdvocateId));
        Assert.Equal(
            [new(BlockReasons.CoolDown, 3), new(BlockReasons.DoesNotDoActivity, 3), new(BlockReasons.DoNotContact, 2)],
            now.ExcludedByReason);
        Assert.Equal(BlockReasons.DoesNotDoActivity | BlockReasons.CoolDown, now.Excluded[5].Reasons);

        // Free again by the needed-by date: ranked, and no longer counted as excluded for their cool-down.
        Assert.Equal([1, 2, 3], later.Results.Select(r => r.Candidate.AdvocateId).Order());
        Assert.Equal(3, later.EligibleCount);
        Assert.Equal([4, 5, 6, 7], later.Excluded.Select(e => e.Candidate.AdvocateId));
        Assert.Equal(
            [new(BlockReasons.DoesNotDoActivity, 3), new(BlockReasons.DoNotContact, 2), new(BlockReasons.CoolDown, 1)],
            later.ExcludedByReason);
    }

    [Fact]
    public void The_excluded_list_reads_alike_by_index_and_in_order()
    {
        var candidates = RandomCandidates(2000, seed: 3);
        var ranking = MatchPool.Build(ActivityType.SiteVisit, Today, candidates).Rank(new MatchCriteria(ActivityType.SiteVisit) { NeededBy = Today.AddDays(30) }, MatchWeights.Default, 10);
        var all = ranking.Excluded.ToList();

        Assert.Equal(ranking.Excluded.Count, all.Count);
        Assert.Equal(candidates.Length - ranking.EligibleCount, all.Count);
        int[] order = [0, 1, 2, 500, 499, 3, all.Count - 1, 7, 7];
        Assert.Equal(order.Select(i => all[i]), order.Select(i => ranking.Excluded[i]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ranking.Excluded[all.Count]);
        Assert.Equal(all.Skip(200).Take(200), ranking.Excluded.Skip(200).Take(200));
    }

    [Fact]
    public void Ranking_100000_candidates_of_whom_most_are_excluded_allocates_only_for_the_page_shown()
    {
        var free = FatigueResult.Free(Today, FatigueHeadroom.Unlimited);
        var candidates = Enumerable.Range(1, 100_000).Select(id => new MatchCandidate(id, id, id, free)
        {
            ActivityTypes = id % 4 == 0 ? [ActivityType.ReferenceCall] : [ActivityType.SiteVisit],
            ProductIds = [id % 5],
            SectorId = id % 7,
            Languages = ["en", "de"],
            RecentActivities = id % 9,
        }).ToArray();
        var pool = MatchPool.Build(ActivityType.ReferenceCall, Today, candidates);
        var criteria = new MatchCriteria(ActivityType.ReferenceCall) { ProductIds = [3], SectorId = 2, Language = "de" };
        MatchService.ToResponse(pool.Rank(criteria, MatchWeights.Default, 25)); // warm up (JIT)

        var before = GC.GetAllocatedBytesForCurrentThread();
        var ranking = pool.Rank(criteria, MatchWeights.Default, 25);
        var response = MatchService.ToResponse(ranking);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(25_000, response.EligibleCount);
        Assert.Equal(75_000, response.ExcludedCount);
        Assert.Equal(MatchService.DefaultExcluded, response.Excluded.Count);
        Assert.Equal(MatchService.MaxExcluded, MatchService.ToResponse(ranking, 100, MatchService.MaxExcluded).Excluded.Count);
        Assert.Equal([new ExclusionCount(BlockReasons.DoesNotDoActivity, "Does not do this activity", 75_000)], response.ExcludedByReason);
        Assert.True(allocated < 400_000, $"Allocated {allocated:N0} bytes for 100,000 candidates.");
    }

    [Fact]
    public void A_pool_ranks_only_its_own_activity_type()
    {
        var pool = MatchPool.Build(ActivityType.ReferenceCall, Today, RandomCandidates(10, seed: 1));

        Assert.Throws<ArgumentException>(() => pool.Rank(new MatchCriteria(ActivityType.SiteVisit), MatchWeights.Default, 5));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(25)]
    [InlineData(999)]
    [InlineData(5000)]
    public void The_bounded_heap_keeps_the_same_best_as_a_full_sort(int k)
    {
        var random = new Random(k);

        // Few distinct scores, so most places are decided by the advocate id.
        var entries = Enumerable.Range(0, 1000).Select(i => new ScoredEntry(random.Next(0, 20) / 4.0, random.Next(1, 1_000_000), i)).DistinctBy(e => e.AdvocateId).ToArray();
        var heap = new TopHeap(Math.Min(k, entries.Length));
        foreach (var e in entries)
        {
            heap.Offer(e.Score, e.AdvocateId, e.Index);
        }

        var expected = entries.OrderByDescending(e => e.Score).ThenBy(e => e.AdvocateId).Take(k).ToArray();
        Assert.Equal(expected, heap.SortedBestFirst());
        Assert.Equal(expected.Length, heap.Count);
    }
}
