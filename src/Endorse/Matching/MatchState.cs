using Endorse.Advocates;
using Endorse.Fatigue;

namespace Endorse.Matching;

/// <summary>
/// One loaded state of the <see cref="MatchIndex"/>: facts per advocate and account, usage, the counting activities of
/// the look-back window, the stamps and cursors that say how far it has read, and the pools built from it. Changed
/// only under the index's gate; pools are replaced, never changed, so rankings read them without a lock.
/// </summary>
internal sealed class MatchState(FatiguePolicy policy, MatchWeights weights, DateOnly from)
{
    private readonly Lock cacheLock = new();
    private readonly Dictionary<ActivityType, MatchPool> cache = [];
    private readonly Dictionary<ActivityType, HashSet<int>> stale = [];

    public FatiguePolicy Policy { get; } = policy;
    public MatchWeights Weights { get; set; } = weights;
    public DateOnly From { get; } = from;
    public Dictionary<int, AdvocateFacts> Advocates { get; } = [];
    public Dictionary<int, AccountFacts> Accounts { get; } = [];
    public Dictionary<int, AdvocateUsage> Usage { get; } = [];
    public Dictionary<int, List<ActivityRecord>> ByAdvocate { get; } = [];
    public Dictionary<int, List<ActivityRecord>> ByAccount { get; } = [];
    public Dictionary<long, ActivityRecord> ById { get; } = [];

    /// <summary>The window activities' ids per advocate, so reloading one advocate touches only theirs.</summary>
    public Dictionary<int, List<long>> IdsByAdvocate { get; } = [];

    /// <summary>Advocates per account (a changed account marks them), and the advocate of each contact.</summary>
    public Dictionary<int, HashSet<int>> AdvocatesByAccount { get; } = [];

    public Dictionary<int, int> AdvocateByContact { get; } = [];

    public DateTimeOffset AdvocateStamp { get; set; }
    public DateTimeOffset AccountStamp { get; set; }
    public DateTimeOffset ContactStamp { get; set; }
    public long MaxActivityId { get; set; }

    /// <summary>Where the index is in the change log (<see cref="MatchChange"/>).</summary>
    public MatchChangeCursor Changes { get; set; } = new(0);

    /// <summary>The newest finished import seen: a newer one makes the next refresh look for rows changed by stamp.</summary>
    public int ImportMark { get; set; }

    /// <summary>The newest opportunity and set-gate change read (readiness facts outside the account row).</summary>
    public Readiness.ReadinessStamp ReadinessStamp { get; set; }

    public void SetAdvocate(AdvocateFacts a)
    {
        if (Advocates.TryGetValue(a.AdvocateId, out var old))
        {
            if (old.AccountId != a.AccountId && AdvocatesByAccount.TryGetValue(old.AccountId, out var oldSet))
            {
                oldSet.Remove(a.AdvocateId);
            }

            if (old.ContactId != a.ContactId)
            {
                AdvocateByContact.Remove(old.ContactId);
            }
        }

        Advocates[a.AdvocateId] = a;
        if (!AdvocatesByAccount.TryGetValue(a.AccountId, out var set))
        {
            AdvocatesByAccount[a.AccountId] = set = [];
        }

        set.Add(a.AdvocateId);
        AdvocateByContact[a.ContactId] = a.AdvocateId;
    }

    public void RemoveAdvocate(int advocateId)
    {
        if (!Advocates.Remove(advocateId, out var old))
        {
            return;
        }

        if (AdvocatesByAccount.TryGetValue(old.AccountId, out var set))
        {
            set.Remove(advocateId);
        }

        if (AdvocateByContact.TryGetValue(old.ContactId, out var id) && id == advocateId)
        {
            AdvocateByContact.Remove(old.ContactId);
        }
    }

    public void AddActivity(long id, ActivityRecord record)
    {
        if (!ById.TryAdd(id, record))
        {
            return;
        }

        Append(ByAdvocate, record.AdvocateId, record);
        Append(ByAccount, record.AccountId, record);
        if (!IdsByAdvocate.TryGetValue(record.AdvocateId, out var ids))
        {
            IdsByAdvocate[record.AdvocateId] = ids = new List<long>(4);
        }

        ids.Add(id);
    }

    public void AddActivity(MatchQueries.ActivityRow act) =>
        AddActivity(act.Id, new ActivityRecord(act.OccurredOn, act.ActivityType, act.AdvocateId, act.AccountId));

    /// <summary>Forgets an advocate's window activities (from their own list and from their accounts' lists).</summary>
    public void RemoveActivities(int advocateId)
    {
        ByAdvocate.Remove(advocateId);
        if (!IdsByAdvocate.Remove(advocateId, out var ids))
        {
            return;
        }

        foreach (var id in ids)
        {
            if (ById.Remove(id, out var record) && ByAccount.TryGetValue(record.AccountId, out var accountList))
            {
                accountList.Remove(record);
            }
        }
    }

    /// <summary>Whether today's pool of a type is built and up to date.</summary>
    public bool HasPool(ActivityType type, DateOnly today)
    {
        lock (cacheLock)
        {
            return cache.TryGetValue(type, out var pool) && pool.Day == today && !stale.ContainsKey(type);
        }
    }

    public bool TryCached(ActivityType type, DateOnly today, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MatchPool? pool)
    {
        lock (cacheLock)
        {
            if (cache.TryGetValue(type, out pool) && pool.Day == today && !stale.ContainsKey(type))
            {
                return true;
            }
        }

        pool = null;
        return false;
    }

    /// <summary>The pool of a type for today: cached, brought up to date with the changes noted by <see cref="Patch"/>, or built.</summary>
    public MatchPool Pool(ActivityType type, DateOnly today)
    {
        lock (cacheLock)
        {
            if (cache.TryGetValue(type, out var cached) && cached.Day == today)
            {
                if (stale.Remove(type, out var changed))
                {
                    cached = SameAdvocates(cached, changed) is { } positions
                        ? cached.With([.. positions.Select(p => (p.Index, Build(Advocates[p.AdvocateId], type, today)))])
                        : Rebuild(cached, changed);
                    cache[type] = cached;
                }

                return cached;
            }
        }

        // Built outside the lock (it takes a while at scale); the index's gate keeps one builder at a time.
        var ids = Advocates.Keys.ToArray();
        Array.Sort(ids);
        var candidates = new MatchCandidate[ids.Length];

        // Every candidate's fatigue check is independent and reads the state only: on every core.
        Parallel.For(0, ids.Length, i => candidates[i] = Build(Advocates[ids[i]], type, today));

        var pool = MatchPool.Build(type, today, candidates);
        lock (cacheLock)
        {
            cache[type] = pool;
            stale.Remove(type);
        }

        return pool;
    }

    /// <summary>
    /// Notes the changed advocates, and every advocate at a changed account, in each cached pool; a pool is brought up
    /// to date when next ranked, so a write costs the rankings of the activity types asked for, not all of them.
    /// </summary>
    public void Patch(HashSet<int> advocates, HashSet<int> accounts)
    {
        var changed = new HashSet<int>(advocates);
        foreach (var account in accounts)
        {
            if (AdvocatesByAccount.TryGetValue(account, out var set))
            {
                changed.UnionWith(set);
            }
        }

        lock (cacheLock)
        {
            foreach (var type in cache.Keys)
            {
                if (stale.TryGetValue(type, out var pending))
                {
                    pending.UnionWith(changed);
                }
                else
                {
                    stale[type] = [.. changed];
                }
            }
        }
    }

    public List<AdvocateLoad> Loads(DateOnly today)
    {
        var yearAgo = today.AddDays(-365);
        var loads = new List<AdvocateLoad>(Advocates.Count);
        foreach (var id in Advocates.Keys.Order())
        {
            var count = 0;
            if (ByAdvocate.TryGetValue(id, out var list))
            {
                foreach (var r in list)
                {
                    if (r.Date > yearAgo && r.Date <= today)
                    {
                        count++;
                    }
                }
            }

            loads.Add(new AdvocateLoad(id, count));
        }

        return loads;
    }

    /// <summary>Where the changed advocates are in the pool, when the pool holds the same advocates as the index (none enrolled or removed).</summary>
    private List<(int Index, int AdvocateId)>? SameAdvocates(MatchPool pool, HashSet<int> changed)
    {
        if (pool.Candidates.Count != Advocates.Count)
        {
            return null;
        }

        var positions = new List<(int Index, int AdvocateId)>(changed.Count);
        foreach (var id in changed)
        {
            var index = pool.IndexOf(id);
            if ((index >= 0) != Advocates.ContainsKey(id))
            {
                return null;
            }

            if (index >= 0)
            {
                positions.Add((index, id));
            }
        }

        return positions;
    }

    private MatchPool Rebuild(MatchPool old, HashSet<int> changed)
    {
        var ids = Advocates.Keys.ToArray();
        Array.Sort(ids);
        var candidates = new MatchCandidate[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            var a = Advocates[ids[i]];
            var index = changed.Contains(a.AdvocateId) ? -1 : old.IndexOf(a.AdvocateId);
            candidates[i] = index >= 0 ? old.Candidates[index] : Build(a, old.ActivityType, old.Day);
        }

        return MatchPool.Build(old.ActivityType, old.Day, candidates);
    }

    private MatchCandidate Build(AdvocateFacts a, ActivityType type, DateOnly today)
    {
        IReadOnlyList<ActivityRecord> activities = ByAccount.TryGetValue(a.AccountId, out var accountList) ? accountList : [];
        if (ByAdvocate.TryGetValue(a.AdvocateId, out var own) && own.Exists(r => r.AccountId != a.AccountId))
        {
            activities = [.. activities, .. own.Where(r => r.AccountId != a.AccountId)];
        }

        return CandidateBuilder.Build(Policy, today, type, a, Accounts.GetValueOrDefault(a.AccountId), activities, Usage.GetValueOrDefault(a.AdvocateId));
    }

    private static void Append(Dictionary<int, List<ActivityRecord>> map, int key, ActivityRecord record)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = new List<ActivityRecord>(4);
        }

        list.Add(record);
    }
}
