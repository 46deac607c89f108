using Endorse.Advocates;
using Endorse.Fatigue;
using Endorse.Matching;

namespace Endorse.Tests.Matching;

/// <summary>The pool rules at the matching's boundary: a filtered pool ranks exactly like the scorer on the shown candidates.</summary>
public class PoolFilterTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static MatchCandidate[] Candidates(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(1, count).Select(id =>
        {
            var fatigue = random.Next(4) switch
            {
                0 => new FatigueResult(Today, [new FatigueBlock(BlockReasons.CoolDown, Today) { Days = 14, From = Today.AddDays(-3), FreeOn = Today.AddDays(random.Next(1, 60)) }], FatigueHeadroom.Unlimited, Today.AddDays(random.Next(1, 60))),
                1 => new FatigueResult(Today, [new FatigueBlock(BlockReasons.DoNotContact, Today)], FatigueHeadroom.Unlimited, null),
                _ => FatigueResult.Free(Today, new FatigueHeadroom(random.Next(0, 3), 3, 90)),
            };
            return new MatchCandidate(id * 2, id, 100 + (id % 40), fatigue)
            {
                Name = $"Advocate {id}",
                ActivityTypes = [.. ActivityTypes.All.Where(_ => random.Next(2) == 0)],
                ProductIds = [.. Enumerable.Range(1, 4).Where(_ => random.Next(3) == 0)],
                SectorId = random.Next(1, 4),
                RecentActivities = random.Next(0, 8),
                CustomerSince = Today.AddDays(-random.Next(0, 2000)),
            };
        })];
    }

    private static PoolFilter Filter(int seed)
    {
        var reserved = new Random(seed).Next(0, 5);
        return (advocateId, accountId) =>
            advocateId % 10 == reserved ? PoolHiding.ReservedForAnotherRep
            : accountId % 3 != 0 ? PoolHiding.ContributorsOnly
            : PoolHiding.None;
    }

    private static string[] Shape(MatchRanking ranking) =>
    [
        .. ranking.Results.Select(r => $"{r.Rank}:{r.Candidate.AdvocateId}:{r.Score:R}:{string.Join('|', r.Factors.Select(f => $"{f.Points:R}/{f.Explanation}"))}"),
        $"eligible {ranking.EligibleCount}, excluded {ranking.Excluded.Count}",
        .. ranking.Excluded.Select(e => $"x{e.Candidate.AdvocateId}:{e.Reasons}"),
        .. ranking.ExcludedByReason.Select(c => $"{c.Reason}={c.Count}"),
        .. ranking.Hidden.Select(h => $"hidden {h.Reason}={h.Count}"),
    ];

    [Fact]
    public void A_filtered_pool_ranks_exactly_like_the_scorer_on_the_advocates_it_shows()
    {
        var candidates = Candidates(2000, seed: 3);
        var compared = 0;
        foreach (var type in ActivityTypes.All)
        {
            var pool = MatchPool.Build(type, Today, candidates);
            foreach (var neededBy in new DateOnly?[] { null, Today.AddDays(30) })
            {
                var criteria = new MatchCriteria(type) { ProductIds = [1, 3], SectorId = 2, NeededBy = neededBy };
                var filter = Filter(compared);
                var expected = PoolFiltering.Rank(criteria, candidates, MatchWeights.Default, Today, 30, filter);
                var actual = pool.Rank(criteria, MatchWeights.Default, 30, filter);

                Assert.Equal(Shape(expected), Shape(actual));
                Assert.Equal(candidates.Length, actual.EligibleCount + actual.Excluded.Count + actual.Hidden.Sum(h => h.Count));
                Assert.Equal(actual.Excluded.Count, actual.Excluded.ToList().Count);
                compared++;
            }
        }

        Assert.Equal(ActivityTypes.All.Count * 2, compared);
    }

    [Fact]
    public void Hidden_advocates_are_counted_by_reason_and_never_listed()
    {
        var free = FatigueResult.Free(Today, FatigueHeadroom.Unlimited);
        MatchCandidate Candidate(int id, int account) => new(id, id, account, free) { ActivityTypes = [ActivityType.ReferenceCall] };
        MatchCandidate[] candidates = [Candidate(1, 10), Candidate(2, 10), Candidate(3, 20), Candidate(4, 30), Candidate(5, 30)];
        PoolFilter filter = (advocateId, accountId) => advocateId == 2 ? PoolHiding.ReservedForAnotherRep : accountId == 30 ? PoolHiding.ContributorsOnly : PoolHiding.None;

        var ranking = MatchPool.Build(ActivityType.ReferenceCall, Today, candidates).Rank(new MatchCriteria(ActivityType.ReferenceCall), MatchWeights.Default, 10, filter);
        var response = MatchService.ToResponse(ranking);

        Assert.Equal([1, 3], ranking.Results.Select(r => r.Candidate.AdvocateId).Order());
        Assert.Empty(ranking.Excluded);
        Assert.Equal([new HiddenCount(PoolHiding.ReservedForAnotherRep, 1), new HiddenCount(PoolHiding.ContributorsOnly, 2)], ranking.Hidden);
        Assert.Equal(3, response.HiddenCount);
        Assert.Equal("Open to contributors only", response.Hidden.Single(h => h.Reason == PoolHiding.ContributorsOnly).Label);
        Assert.DoesNotContain(response.Results, r => r.AdvocateId is 2 or 4 or 5);
    }

    [Fact]
    public void Without_a_filter_nothing_is_hidden()
    {
        var candidates = Candidates(200, seed: 9);
        var pool = MatchPool.Build(ActivityType.ReferenceCall, Today, candidates);
        var criteria = new MatchCriteria(ActivityType.ReferenceCall);

        Assert.Equal(Shape(pool.Rank(criteria, MatchWeights.Default, 20)), Shape(pool.Rank(criteria, MatchWeights.Default, 20, (_, _) => PoolHiding.None)));
        Assert.Empty(pool.Rank(criteria, MatchWeights.Default, 20).Hidden);
    }
}
