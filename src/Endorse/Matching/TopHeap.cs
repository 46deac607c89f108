namespace Endorse.Matching;

/// <summary>A scored advocate: where they are in the list being ranked, and their score.</summary>
internal readonly record struct ScoredEntry(double Score, int AdvocateId, int Index)
{
    /// <summary>The ranking order: score descending, then advocate id ascending (ties are stable across runs).</summary>
    public static bool Better(ScoredEntry a, ScoredEntry b) => a.Score > b.Score || (a.Score == b.Score && a.AdvocateId < b.AdvocateId);
}

/// <summary>
/// Keeps the best k of a stream (see <see cref="ScoredEntry.Better"/>) in a binary heap with the worst kept at the
/// root: O(n log k) for n offers, no allocation after construction. Most offers lose to the root and cost one comparison.
/// </summary>
internal sealed class TopHeap(int capacity)
{
    private readonly ScoredEntry[] items = new ScoredEntry[Math.Max(0, capacity)];
    private int count;

    public int Count => count;

    public void Offer(double score, int advocateId, int index)
    {
        if (items.Length == 0)
        {
            return;
        }

        var entry = new ScoredEntry(score, advocateId, index);
        if (count < items.Length)
        {
            items[count] = entry;
            SiftUp(count++);
        }
        else if (ScoredEntry.Better(entry, items[0]))
        {
            items[0] = entry;
            SiftDown(0);
        }
    }

    public ScoredEntry[] SortedBestFirst()
    {
        var result = items.AsSpan(0, count).ToArray();
        Array.Sort(result, static (a, b) => ScoredEntry.Better(a, b) ? -1 : ScoredEntry.Better(b, a) ? 1 : 0);
        return result;
    }

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!ScoredEntry.Better(items[parent], items[i]))
            {
                break;
            }

            (items[parent], items[i]) = (items[i], items[parent]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var left = (2 * i) + 1;
            var worst = i;
            if (left < count && ScoredEntry.Better(items[worst], items[left]))
            {
                worst = left;
            }

            if (left + 1 < count && ScoredEntry.Better(items[worst], items[left + 1]))
            {
                worst = left + 1;
            }

            if (worst == i)
            {
                return;
            }

            (items[worst], items[i]) = (items[i], items[worst]);
            i = worst;
        }
    }
}
