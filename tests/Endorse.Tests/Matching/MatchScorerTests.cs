using Endorse.Accounts;
using Endorse.Advocates;
using Endorse.Contacts;
using Endorse.Fatigue;
using Endorse.Matching;

namespace Endorse.Tests.Matching;

public class MatchScorerTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly MatchCriteria Criteria = new(ActivityType.ReferenceCall)
    {
        ProductIds = [1, 2],
        SectorId = 3,
        RegionId = 4,
        SizeBand = SizeBand.Large,
        MinimumSeniority = SeniorityTier.Director,
        Language = "en",
    };

    /// <summary>A candidate who earns every point under <see cref="Criteria"/>.</summary>
    private static MatchCandidate Perfect(int id = 1, FatigueResult? fatigue = null) =>
        new(id, 100 + id, 1000 + id, fatigue ?? FatigueResult.Free(Today, FatigueHeadroom.Unlimited))
        {
            ActivityTypes = [ActivityType.SiteVisit, ActivityType.ReferenceCall],
            ProductIds = [2, 1, 7],
            SectorId = 3,
            RegionId = 4,
            SizeBand = SizeBand.Large,
            SeniorityTier = SeniorityTier.CLevel,
            Languages = ["de", "en-GB"],
            SatisfactionKind = SatisfactionKind.Nps,
            SatisfactionScore = 100,
            CustomerSince = new DateOnly(2015, 1, 1),
            FeedbackAverage = 5,
            FeedbackCount = 2,
        };

    private static FatigueResult Blocked(params FatigueBlock[] blocks) =>
        new(Today, blocks, FatigueHeadroom.Unlimited, blocks.All(b => b.IsTimeBound) ? blocks.Max(b => b.FreeOn) : null);

    private static MatchRanking Rank(MatchCriteria criteria, params MatchCandidate[] candidates) =>
        MatchScorer.Rank(criteria, candidates, MatchWeights.Default, Today);

    private static ScoreFactor Factor(MatchResult result, MatchFactor factor) => result.Factors.Single(f => f.Factor == factor);

    [Fact]
    public void A_perfect_fit_scores_100_with_every_factor_explained()
    {
        var result = Assert.Single(Rank(Criteria, Perfect()).Results);

        Assert.Equal(100, result.Score, 9);
        Assert.Equal(1, result.Rank);
        Assert.Equal(13, result.Factors.Count);
        Assert.Equal(100, result.Factors.Sum(f => f.Points), 9);
        Assert.Equal("Owns 2 of the 2 products asked for.", Factor(result, MatchFactor.Product).Explanation);
        Assert.Equal("C-level meets the minimum of Director.", Factor(result, MatchFactor.Seniority).Explanation);
        Assert.Equal("Speaks English.", Factor(result, MatchFactor.Language).Explanation);
        Assert.Equal("Does reference calls.", Factor(result, MatchFactor.ActivityType).Explanation);
        Assert.Equal("NPS 100.", Factor(result, MatchFactor.Satisfaction).Explanation);
        Assert.Equal("Past feedback 5.0 of 5 from 2 activities.", Factor(result, MatchFactor.Feedback).Explanation);
    }

    [Theory]
    [InlineData(MatchFactor.Product, 10.0)] // owns 1 of 2 products: half of 20
    [InlineData(MatchFactor.Sector, 0.0)]
    [InlineData(MatchFactor.Region, 0.0)]
    [InlineData(MatchFactor.Size, 3.0)] // adjacent band: half of 6
    [InlineData(MatchFactor.Seniority, 3.0)] // one tier below the minimum: half of 6
    [InlineData(MatchFactor.Language, 0.0)]
    [InlineData(MatchFactor.Satisfaction, 5.0)] // NPS 0: half of 10
    [InlineData(MatchFactor.Tenure, 2.5)] // 2.5 years of 5
    [InlineData(MatchFactor.Feedback, 3.0)] // 3 of 5: half of 6
    public void Each_fit_and_readiness_factor_earns_its_share_of_the_weight(MatchFactor factor, double points)
    {
        var candidate = factor switch
        {
            MatchFactor.Product => Perfect() with { ProductIds = [2] },
            MatchFactor.Sector => Perfect() with { SectorId = 9 },
            MatchFactor.Region => Perfect() with { RegionId = null },
            MatchFactor.Size => Perfect() with { SizeBand = SizeBand.Enterprise },
            MatchFactor.Seniority => Perfect() with { SeniorityTier = SeniorityTier.Manager },
            MatchFactor.Language => Perfect() with { Languages = ["fr"] },
            MatchFactor.Satisfaction => Perfect() with { SatisfactionScore = 0 },
            MatchFactor.Tenure => Perfect() with { CustomerSince = Today.AddDays(-(int)Math.Round(2.5 * 365.25)) },
            MatchFactor.Feedback => Perfect() with { FeedbackAverage = 3 },
            _ => throw new ArgumentOutOfRangeException(nameof(factor)),
        };

        var result = Assert.Single(Rank(Criteria, candidate).Results);

        Assert.Equal(points, Factor(result, factor).Points, 2);
        var lost = MatchWeights.Default.Of(factor) - points;
        var seniorityTierLost = factor == MatchFactor.Seniority ? 5 * (3 / 5.0) : 0; // a Manager also scores lower on tier
        Assert.Equal(100 - lost - seniorityTierLost, result.Score, 2);
    }

    [Fact]
    public void Explanations_say_what_did_not_fit()
    {
        var candidate = Perfect() with { ProductIds = [2], SizeBand = SizeBand.Enterprise, SeniorityTier = SeniorityTier.Manager, Languages = ["fr"], SatisfactionKind = SatisfactionKind.Csat, SatisfactionScore = 80, FeedbackCount = 0 };

        var result = Assert.Single(Rank(Criteria, candidate).Results);

        Assert.Equal("Owns 1 of the 2 products asked for.", Factor(result, MatchFactor.Product).Explanation);
        Assert.Equal("Next size band (enterprise; large asked for).", Factor(result, MatchFactor.Size).Explanation);
        Assert.Equal("Manager is below the minimum of Director.", Factor(result, MatchFactor.Seniority).Explanation);
        Assert.Equal("Does not speak English.", Factor(result, MatchFactor.Language).Explanation);
        Assert.Equal("CSAT 80%.", Factor(result, MatchFactor.Satisfaction).Explanation);
        Assert.Equal(8, Factor(result, MatchFactor.Satisfaction).Points, 9);
        Assert.Equal("No feedback yet (counted as neutral).", Factor(result, MatchFactor.Feedback).Explanation);
        Assert.Equal(3, Factor(result, MatchFactor.Feedback).Points, 9);
    }

    [Fact]
    public void Empty_criteria_match_anyone()
    {
        var result = Assert.Single(Rank(new MatchCriteria(ActivityType.ReferenceCall), Perfect() with { SectorId = null, SizeBand = SizeBand.Unknown, Languages = [] }).Results);

        foreach (var factor in new[] { MatchFactor.Product, MatchFactor.Sector, MatchFactor.Region, MatchFactor.Size, MatchFactor.Seniority, MatchFactor.Language })
        {
            Assert.Equal(1, Factor(result, factor).Value);
        }

        Assert.Equal("No sector asked for.", Factor(result, MatchFactor.Sector).Explanation);
    }

    [Fact]
    public void Fatigue_headroom_prefers_the_rested()
    {
        var rested = Perfect(1, FatigueResult.Free(Today, new FatigueHeadroom(0, 3, 90)));
        var tired = Perfect(2, FatigueResult.Free(Today, new FatigueHeadroom(2, 3, 90)));

        var results = Rank(Criteria, tired, rested).Results;

        Assert.Equal([1, 2], results.Select(r => r.Candidate.AdvocateId));
        Assert.Equal(8, Factor(results[0], MatchFactor.FatigueHeadroom).Points, 9);
        Assert.Equal(8 / 3.0, Factor(results[1], MatchFactor.FatigueHeadroom).Points, 9);
        Assert.Equal("Used 2 of 3 in the last 90 days.", Factor(results[1], MatchFactor.FatigueHeadroom).Explanation);
    }

    [Fact]
    public void Rotation_penalises_the_most_used_of_the_pool()
    {
        var results = Rank(Criteria, Perfect(1) with { RecentActivities = 6 }, Perfect(2) with { RecentActivities = 3 }, Perfect(3)).Results;

        Assert.Equal([3, 2, 1], results.Select(r => r.Candidate.AdvocateId));
        Assert.Equal([6.0, 3.0, 0.0], results.Select(r => Math.Round(Factor(r, MatchFactor.Rotation).Points, 9)));
        Assert.Equal("3 activities in the last 12 months; the most-used eligible advocate has 6.", Factor(results[1], MatchFactor.Rotation).Explanation);
    }

    [Fact]
    public void Ties_are_broken_by_advocate_id()
    {
        var results = Rank(Criteria, Perfect(5), Perfect(2), Perfect(9)).Results;

        Assert.Equal([2, 5, 9], results.Select(r => r.Candidate.AdvocateId));
        Assert.Equal([1, 2, 3], results.Select(r => r.Rank));
    }

    [Fact]
    public void Top_n_returns_the_same_order_as_a_full_sort_and_counts_every_eligible()
    {
        var random = new Random(42);
        var candidates = Enumerable.Range(1, 2000)
            .Select(id => Perfect(id) with
            {
                ProductIds = random.Next(3) == 0 ? [1] : [1, 2],
                SatisfactionScore = random.Next(-10, 11) * 10,
                RecentActivities = random.Next(0, 5),
                SectorId = random.Next(2) == 0 ? 3 : 8,
            })
            .OrderBy(_ => random.Next())
            .ToArray();

        var ranking = MatchScorer.Rank(Criteria, candidates, MatchWeights.Default, Today, top: 50);
        var full = MatchScorer.Rank(Criteria, candidates, MatchWeights.Default, Today, top: candidates.Length);
        var expected = full.Results.OrderByDescending(r => r.Score).ThenBy(r => r.Candidate.AdvocateId).Take(50).Select(r => r.Candidate.AdvocateId);

        Assert.Equal(2000, ranking.EligibleCount);
        Assert.Equal(50, ranking.Results.Count);
        Assert.Equal(expected, ranking.Results.Select(r => r.Candidate.AdvocateId));
        Assert.Equal(full.Results.Take(50).Select(r => r.Candidate.AdvocateId), ranking.Results.Select(r => r.Candidate.AdvocateId));
    }

    [Fact]
    public void Weights_change_the_ranking()
    {
        var productFit = Perfect(1) with { SectorId = 9 };
        var sectorFit = Perfect(2) with { ProductIds = [] };
        var sectorOnly = new MatchWeights { Product = 0, Sector = 1, Region = 0, Size = 0, Seniority = 0, Language = 0, ActivityType = 0, Satisfaction = 0, Tenure = 0, SeniorityTier = 0, Feedback = 0, FatigueHeadroom = 0, Rotation = 0 };

        var byDefault = MatchScorer.Rank(Criteria, [productFit, sectorFit], MatchWeights.Default, Today).Results;
        var bySector = MatchScorer.Rank(Criteria, [productFit, sectorFit], sectorOnly, Today).Results;

        Assert.Equal([1, 2], byDefault.Select(r => r.Candidate.AdvocateId));
        Assert.Equal([2, 1], bySector.Select(r => r.Candidate.AdvocateId));
        Assert.Equal([100.0, 0.0], bySector.Select(r => r.Score));
        Assert.Equal(100, Factor(bySector[0], MatchFactor.Sector).MaxPoints);
    }

    [Fact]
    public void Weights_must_be_non_negative_and_not_all_zero()
    {
        var zero = new MatchWeights { Product = 0, Sector = 0, Region = 0, Size = 0, Seniority = 0, Language = 0, ActivityType = 0, Satisfaction = 0, Tenure = 0, SeniorityTier = 0, Feedback = 0, FatigueHeadroom = 0, Rotation = 0 };

        Assert.True(MatchWeights.Default.Validate().IsValid);
        Assert.Equal(["Rotation", "Sector"], (MatchWeights.Default with { Sector = -1, Rotation = double.NaN }).Validate().ToDictionary().Keys.Order());
        Assert.Equal([string.Empty], zero.Validate().ToDictionary().Keys);
        Assert.Throws<ArgumentException>(() => MatchScorer.Rank(Criteria, [Perfect()], zero, Today));
    }

    [Fact]
    public void Criteria_with_a_needed_by_date_in_the_past_are_refused()
    {
        var errors = (Criteria with { NeededBy = Today.AddDays(-1) }).Validate(Today).ToDictionary();

        Assert.Equal(["NeededBy"], errors.Keys);
        Assert.True((Criteria with { NeededBy = Today }).Validate(Today).IsValid);
    }

    public static TheoryData<FatigueBlock, BlockReasons, string> Exclusions => new()
    {
        { new FatigueBlock(BlockReasons.Resting, Today) { To = new(2026, 12, 31), FreeOn = new(2027, 1, 1) }, BlockReasons.Resting, "Resting until 2026-12-31; next free on 2027-01-01." },
        { new FatigueBlock(BlockReasons.AdvocateCapReached, Today) { Count = 3, Limit = 3, Days = 90, From = Today.AddDays(-89), To = Today, FreeOn = new(2027, 1, 14) }, BlockReasons.AdvocateCapReached, "Reached 3 of 3 activities in the last 90 days; next free on 2027-01-14." },
        { new FatigueBlock(BlockReasons.OpenEscalation, Today) { Count = 1 }, BlockReasons.OpenEscalation, "The account has 1 open service escalation." },
        { new FatigueBlock(BlockReasons.PermissionForbidsActivity, Today) { Permission = DisclosurePermission.AnonymousOnly, ActivityType = ActivityType.ReferenceCall }, BlockReasons.PermissionForbidsActivity, "The account's disclosure permission (anonymous only) does not allow a reference call." },
        { new FatigueBlock(BlockReasons.Blackout, Today) { From = Today, To = new(2026, 11, 30), FreeOn = new(2026, 12, 1) }, BlockReasons.Blackout, "In a blackout from 2026-11-23 to 2026-11-30; next free on 2026-12-01." },
        { new FatigueBlock(BlockReasons.DoNotContact, Today), BlockReasons.DoNotContact, "Marked do-not-contact." },
    };

    [Theory]
    [MemberData(nameof(Exclusions))]
    public void Blocked_advocates_are_excluded_with_their_reason(FatigueBlock block, BlockReasons reason, string sentence)
    {
        var ranking = Rank(Criteria, Perfect(1, Blocked(block)), Perfect(2));

        Assert.Equal([2], ranking.Results.Select(r => r.Candidate.AdvocateId));
        Assert.Equal(1, ranking.EligibleCount);
        var excluded = Assert.Single(ranking.Excluded);
        Assert.Equal(1, excluded.Candidate.AdvocateId);
        Assert.Equal(reason, excluded.Reasons);
        Assert.Equal([sentence], excluded.Describe());
    }

    [Fact]
    public void Advocates_who_do_not_do_the_activity_are_excluded_with_every_reason()
    {
        var candidate = Perfect(1, Blocked(new FatigueBlock(BlockReasons.Retired, Today))) with { ActivityTypes = [ActivityType.PeerReview] };

        var excluded = Assert.Single(Rank(Criteria, candidate).Excluded);

        Assert.Equal(BlockReasons.DoesNotDoActivity | BlockReasons.Retired, excluded.Reasons);
        Assert.Equal(["Does not do reference calls.", "Retired from the program."], excluded.Describe());
    }

    [Fact]
    public void An_advocate_free_again_before_the_needed_by_date_stays_ranked_with_no_headroom_points()
    {
        var cooling = Blocked(new FatigueBlock(BlockReasons.CoolDown, Today) { Days = 14, From = new(2026, 11, 20), FreeOn = new(2026, 12, 5) });
        var criteria = Criteria with { NeededBy = new(2026, 12, 10) };

        var inTime = Rank(criteria, Perfect(1, cooling));
        var tooLate = Rank(criteria with { NeededBy = new(2026, 12, 4) }, Perfect(1, cooling));

        var result = Assert.Single(inTime.Results);
        Assert.False(result.AvailableNow);
        Assert.Equal(new DateOnly(2026, 12, 5), result.AvailableFrom);
        Assert.Equal(0, Factor(result, MatchFactor.FatigueHeadroom).Points);
        Assert.Equal("Not free until 2026-12-05 (needed by 2026-12-10).", Factor(result, MatchFactor.FatigueHeadroom).Explanation);
        Assert.Empty(tooLate.Results);
        Assert.Equal(BlockReasons.CoolDown, Assert.Single(tooLate.Excluded).Reasons);
    }

    [Fact]
    public void Ranking_100000_candidates_allocates_only_for_the_results()
    {
        var candidates = Enumerable.Range(1, 100_000).Select(id => Perfect(id) with { RecentActivities = id % 7, SatisfactionScore = id % 100 }).ToArray();
        MatchScorer.Rank(Criteria, candidates, MatchWeights.Default, Today, top: 10); // warm up (JIT, array pool)

        var before = GC.GetAllocatedBytesForCurrentThread();
        var ranking = MatchScorer.Rank(Criteria, candidates, MatchWeights.Default, Today, top: 10);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(100_000, ranking.EligibleCount);
        Assert.Equal(10, ranking.Results.Count);
        Assert.True(allocated < 100_000, $"Allocated {allocated:N0} bytes for 100,000 candidates.");
    }
}
