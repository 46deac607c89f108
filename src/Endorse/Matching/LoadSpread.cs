namespace Endorse.Matching;

/// <summary>One advocate's load: activities done in the period looked at.</summary>
public readonly record struct AdvocateLoad(int AdvocateId, int Activities);

/// <summary>
/// How load is spread across the pool: the share of activities done by the busiest 10% of advocates (rounded up,
/// at least one), who they are, and how many advocates were never asked. Makes the "same five customers" visible.
/// </summary>
public sealed record LoadSpreadResult(
    int Advocates,
    int TotalActivities,
    int TopAdvocates,
    int TopActivities,
    double TopShare,
    int NeverAsked,
    IReadOnlyList<int> TopAdvocateIds);

public static class LoadSpread
{
    public static LoadSpreadResult Compute(IReadOnlyList<AdvocateLoad> loads)
    {
        ArgumentNullException.ThrowIfNull(loads);
        if (loads.Count == 0)
        {
            return new LoadSpreadResult(0, 0, 0, 0, 0, 0, []);
        }

        var sorted = loads.ToArray();
        Array.Sort(sorted, static (a, b) => a.Activities != b.Activities ? b.Activities.CompareTo(a.Activities) : a.AdvocateId.CompareTo(b.AdvocateId));
        var top = (int)Math.Ceiling(sorted.Length / 10.0);
        long total = 0;
        long topActivities = 0;
        var never = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            var activities = Math.Max(0, sorted[i].Activities);
            total += activities;
            if (i < top)
            {
                topActivities += activities;
            }

            if (activities == 0)
            {
                never++;
            }
        }

        var share = total == 0 ? 0 : topActivities / (double)total;
        var ids = new int[top];
        for (var i = 0; i < top; i++)
        {
            ids[i] = sorted[i].AdvocateId;
        }

        return new LoadSpreadResult(sorted.Length, (int)total, top, (int)topActivities, share, never, ids);
    }
}
