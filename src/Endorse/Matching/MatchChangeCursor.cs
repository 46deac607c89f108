namespace Endorse.Matching;

/// <summary>
/// A reader's place in the change log (<see cref="MatchChange"/>): the highest id read, and the ids below it that were
/// missing when it was read. On PostgreSQL an id is taken when a row is inserted but seen only when its transaction
/// commits, so a later id can be read first; the missing ids are asked for again on every read for
/// <see cref="GapLifetime"/> (a rolled-back insert leaves a gap for good). Not thread-safe: used under the index's gate.
/// </summary>
internal sealed class MatchChangeCursor(long last)
{
    /// <summary>How long a missing id is asked for again: longer than any transaction that writes changes stays open.</summary>
    public static readonly TimeSpan GapLifetime = TimeSpan.FromMinutes(2);

    /// <summary>At most this many missing ids are remembered (the oldest are dropped first).</summary>
    public const int MaxGaps = 1_000;

    private readonly Dictionary<long, long> gaps = [];

    public long Last { get; private set; } = last;

    public IReadOnlyCollection<long> Gaps => gaps.Keys;

    /// <summary>A copy to read with outside the gate.</summary>
    public (long Last, long[] Gaps) Position => (Last, [.. gaps.Keys]);

    /// <summary>
    /// Takes the ids a read returned (ids above <see cref="Last"/> and any of <see cref="Gaps"/>) and returns those not
    /// taken before, in order. Ids skipped between the old and the new <see cref="Last"/> become gaps.
    /// </summary>
    /// <param name="now">A timestamp from the index's <see cref="TimeProvider"/>.</param>
    public List<long> Accept(IEnumerable<long> ids, long now, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(time);
        var fresh = new List<long>();
        foreach (var id in ids.Distinct().Order())
        {
            if (id > Last)
            {
                for (var missing = Last + 1; missing < id && missing - Last <= MaxGaps; missing++)
                {
                    gaps.TryAdd(missing, now);
                }

                Last = id;
                fresh.Add(id);
            }
            else if (gaps.Remove(id))
            {
                fresh.Add(id);
            }
        }

        foreach (var (id, since) in gaps.ToList())
        {
            if (time.GetElapsedTime(since, now) > GapLifetime)
            {
                gaps.Remove(id);
            }
        }

        if (gaps.Count > MaxGaps)
        {
            foreach (var id in gaps.Keys.Order().Take(gaps.Count - MaxGaps).ToList())
            {
                gaps.Remove(id);
            }
        }

        return fresh;
    }

    /// <summary>A cursor at the same place (snapshots keep the gaps too; they are asked for again from now).</summary>
    public static MatchChangeCursor Restore(long last, IEnumerable<long> gapIds, long now)
    {
        var cursor = new MatchChangeCursor(last);
        foreach (var id in gapIds)
        {
            cursor.gaps.TryAdd(id, now);
        }

        return cursor;
    }
}
