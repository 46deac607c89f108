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

    /// <summary>A short label for one reason, for counts by reason ("Resting: 1,204").</summary>
    public static string Label(BlockReasons reason) => reason switch
    {
        BlockReasons.DoNotContact => "Do-not-contact",
        BlockReasons.Retired => "Retired",
        BlockReasons.NotYetActive => "Still a candidate",
        BlockReasons.Resting => "Resting",
        BlockReasons.AdvocateCapReached => "Advocate cap reached",
        BlockReasons.AccountCapReached => "Account cap reached",
        BlockReasons.CoolDown => "In cool-down",
        BlockReasons.PreferenceCapReached => "Own quarterly limit reached",
        BlockReasons.Blackout => "In a blackout",
        BlockReasons.OpenEscalation => "Open escalation",
        BlockReasons.LowSatisfaction => "Low satisfaction",
        BlockReasons.RenewalSoon => "Renewal soon",
        BlockReasons.NoPublicity => "No-publicity policy",
        BlockReasons.PermissionForbidsActivity => "Permission does not allow it",
        BlockReasons.DoesNotDoActivity => "Does not do this activity",
        BlockReasons.BigBid or BlockReasons.Reorganisation or BlockReasons.OnHold or BlockReasons.UnhappyOnboarding => Readiness.GateKinds.Label(GateBlocks.KindOf(reason)!.Value),
        _ => reason.ToString(),
    };
}

/// <summary>How many excluded advocates a reason applies to.</summary>
public readonly record struct ReasonCount(BlockReasons Reason, int Count);

/// <summary>
/// The ranking for one request: the best <c>top</c> eligible advocates, how many were eligible in all, and every
/// excluded advocate (in the order given). <see cref="Excluded"/> may be a view that builds each exclusion as it is
/// read, so read the page shown rather than all of them.
/// </summary>
public sealed record MatchRanking(IReadOnlyList<MatchResult> Results, int EligibleCount, IReadOnlyList<MatchExclusion> Excluded)
{
    /// <summary>Excluded advocates by reason, most first (one with two reasons counts under both).</summary>
    public IReadOnlyList<ReasonCount> ExcludedByReason { get; init; } = [];

    /// <summary>Advocates the pool rules hid (left out of everything above), by reason; empty without a <see cref="PoolFilter"/>.</summary>
    public IReadOnlyList<HiddenCount> Hidden { get; init; } = [];
}

/// <summary>Counts exclusions by reason.</summary>
internal sealed class ExclusionTally
{
    private const int Bits = 19; // BlockReasons up to UnhappyOnboarding
    private readonly int[] counts = new int[Bits];

    public void Add(BlockReasons reasons)
    {
        var bits = (uint)reasons;
        while (bits != 0)
        {
            var bit = System.Numerics.BitOperations.TrailingZeroCount(bits);
            if (bit < Bits)
            {
                counts[bit]++;
            }

            bits &= bits - 1;
        }
    }

    public void Add(ExclusionTally other)
    {
        for (var i = 0; i < Bits; i++)
        {
            counts[i] += other.counts[i];
        }
    }

    /// <summary>The reasons that occur, most first, then in the order of <see cref="BlockReasons"/>.</summary>
    public List<ReasonCount> ToList()
    {
        var list = new List<ReasonCount>();
        for (var i = 0; i < Bits; i++)
        {
            if (counts[i] > 0)
            {
                list.Add(new ReasonCount((BlockReasons)(1 << i), counts[i]));
            }
        }

        list.Sort(static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.Reason.CompareTo(b.Reason));
        return list;
    }
}
