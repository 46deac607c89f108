using Endorse.Activities;
using Endorse.Advocates;
using Endorse.Data;
using Endorse.Fatigue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Endorse.Matching;

/// <summary>
/// An in-memory index for matching (a singleton): compact facts per advocate and account, and the counting
/// activities (booked or completed) of the look-back window per advocate and per account, loaded once with streaming
/// no-tracking projections. Candidates are built per activity type and day and cached as a <see cref="MatchPool"/>, so a
/// ranking scores only the candidates who may be eligible, with no database round-trip. Refreshed incrementally: rows changed since the last load
/// (UpdatedAt of advocates, contacts and accounts; activities above the highest id seen) at most once per
/// <see cref="RefreshInterval"/>, and at once for advocates a write path passed to <see cref="Invalidate"/>.
/// </summary>
public sealed class MatchIndex(IServiceScopeFactory scopes, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lock sync = new();
    private readonly HashSet<int> invalidated = [];
    private State? state;
    private long lastRefreshTicks;
    private volatile bool refreshRequested;

    /// <summary>How often a ranking checks the database for changes (the check runs in the background).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Marks an advocate (their profile, activities or account) as changed; the next ranking reloads them first.</summary>
    public void Invalidate(int advocateId)
    {
        lock (sync)
        {
            invalidated.Add(advocateId);
        }

        refreshRequested = true;
    }

    public void Dispose() => gate.Dispose();

    /// <summary>Reloads everything on the next use.</summary>
    public void Reset()
    {
        lock (sync)
        {
            state = null;
        }
    }

    public Task<MatchRanking> RankAsync(MatchCriteria criteria, int top, CancellationToken ct = default) => RankAsync(criteria, top, null, ct);

    /// <summary>Ranks the advocates <paramref name="filter"/> shows (the pool rules of the person drawing; all when null).</summary>
    public async Task<MatchRanking> RankAsync(MatchCriteria criteria, int top, PoolFilter? filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var current = await CurrentAsync(ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (!current.TryCached(criteria.ActivityType, today, out var pool))
        {
            await gate.WaitAsync(ct);
            try
            {
                current = state ?? current;
                pool = current.Pool(criteria.ActivityType, today);
            }
            finally
            {
                gate.Release();
            }
        }

        return pool.Rank(criteria, current.Weights, top, filter);
    }

    /// <summary>Activities per advocate in the look-back window up to today (for the program's load spread).</summary>
    public async Task<IReadOnlyList<AdvocateLoad>> LoadsAsync(CancellationToken ct = default)
    {
        var current = await CurrentAsync(ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        await gate.WaitAsync(ct);
        try
        {
            return (state ?? current).Loads(today);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Advocate and account names of the advocates asked for (unknown ids are left out).</summary>
    public async Task<IReadOnlyDictionary<int, (string? Name, string? AccountName)>> NamesAsync(IEnumerable<int> advocateIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(advocateIds);
        var current = await CurrentAsync(ct);
        await gate.WaitAsync(ct);
        try
        {
            var s = state ?? current;
            var names = new Dictionary<int, (string? Name, string? AccountName)>();
            foreach (var id in advocateIds)
            {
                if (s.Advocates.TryGetValue(id, out var a))
                {
                    names[id] = (a.Name, s.Accounts.GetValueOrDefault(a.AccountId)?.Name);
                }
            }

            return names;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Brings the index up to date now (tests and write paths that need read-your-writes).</summary>
    public Task RefreshAsync(CancellationToken ct = default) => RefreshAsync(detectChanges: true, ct);

    /// <param name="detectChanges">
    /// Also look for rows changed since the last load (scans of the advocates, contacts and accounts); without it only
    /// the advocates passed to <see cref="Invalidate"/>, their accounts and new activities are reloaded, by key.
    /// </param>
    private async Task RefreshAsync(bool detectChanges, CancellationToken ct)
    {
        if (state is null)
        {
            await CurrentAsync(ct);
            return;
        }

        await gate.WaitAsync(ct);
        try
        {
            await RefreshLockedAsync(detectChanges, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<State> CurrentAsync(CancellationToken ct)
    {
        var current = state;
        if (current is null)
        {
            await gate.WaitAsync(ct);
            try
            {
                current = state;
                if (current is null)
                {
                    current = await LoadAsync(ct);
                    state = current;
                    Interlocked.Exchange(ref lastRefreshTicks, time.GetTimestamp());
                }
            }
            finally
            {
                gate.Release();
            }

            return current;
        }

        if (refreshRequested)
        {
            // A write path asked: read-your-writes, so reload what it named before ranking (by key: cheap).
            await RefreshAsync(detectChanges: false, ct);
            return state ?? current;
        }

        if (time.GetElapsedTime(Interlocked.Read(ref lastRefreshTicks)) > RefreshInterval && gate.Wait(0))
        {
            // Periodic check in the background; the ranking uses what is loaded.
            Interlocked.Exchange(ref lastRefreshTicks, time.GetTimestamp());
            _ = Task.Run(async () =>
            {
                try
                {
                    await RefreshLockedAsync(detectChanges: true, CancellationToken.None);
                }
                catch (Exception ex) when (ex is InvalidOperationException or DbUpdateException or System.Data.Common.DbException)
                {
                    // The next check tries again.
                }
                finally
                {
                    gate.Release();
                }
            }, CancellationToken.None);
        }

        return current;
    }

    private async Task<State> LoadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EndorseDbContext>();
        var (policy, weights) = await ProgramSettingsReader.ReadAsync(db, ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var from = today.AddDays(-CandidateBuilder.LookbackDays(policy));
        lock (sync)
        {
            invalidated.Clear();
            refreshRequested = false;
        }

        var s = new State(policy, weights, from);
        await foreach (var a in MatchQueries.Advocates(db, null, ct))
        {
            s.Advocates[a.AdvocateId] = a;
            s.AdvocateStamp = Max(s.AdvocateStamp, a.UpdatedAt);
        }

        await LoadProductsAndBlackoutsAsync(db, s, null, ct);
        await foreach (var acc in MatchQueries.Accounts(db, null).AsAsyncEnumerable().WithCancellation(ct))
        {
            s.Accounts[acc.Facts.AccountId] = acc.Facts;
            s.AccountStamp = Max(s.AccountStamp, acc.UpdatedAt);
        }

        s.ContactStamp = await db.Advocates.AsNoTracking().Select(a => a.Contact!.UpdatedAt).OrderByDescending(u => u).FirstOrDefaultAsync(ct);
        s.ReadinessStamp = await Readiness.ReadinessChanges.StampAsync(db, ct);
        await foreach (var u in MatchQueries.Usage(db, null).AsAsyncEnumerable().WithCancellation(ct))
        {
            s.Usage[u.AdvocateId] = new AdvocateUsage(u.Total, u.QualitySum ?? 0, u.QualityCount);
        }

        await foreach (var act in MatchQueries.Window(db, from, null).AsAsyncEnumerable().WithCancellation(ct))
        {
            s.AddActivity(act);
        }

        s.MaxActivityId = await db.AdvocacyActivities.MaxAsync(a => (long?)a.Id, ct) ?? 0;
        return s;
    }

    private async Task RefreshLockedAsync(bool detectChanges, CancellationToken ct)
    {
        var s = state;
        if (s is null)
        {
            return;
        }

        int[] dirty;
        lock (sync)
        {
            dirty = [.. invalidated];
            invalidated.Clear();
            refreshRequested = false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EndorseDbContext>();
        var (policy, weights) = await ProgramSettingsReader.ReadAsync(db, ct);
        if (policy != s.Policy)
        {
            // A changed policy may change the look-back window: reload all.
            state = await LoadAsync(ct);
            return;
        }

        s.Weights = weights;
        var changedAdvocates = new HashSet<int>(dirty);
        var changedAccounts = new HashSet<int>();

        if (detectChanges)
        {
            // Advocates and their contacts (one scan; the contacts' stamp comes from the rows it finds).
            var advStamp = s.AdvocateStamp;
            var contactStamp = s.ContactStamp;
            var changedRows = await db.Advocates.AsNoTracking()
                .Where(a => a.UpdatedAt > advStamp || a.Contact!.UpdatedAt > contactStamp)
                .Select(a => new { a.Id, Contact = a.Contact!.UpdatedAt })
                .ToListAsync(ct);
            foreach (var row in changedRows)
            {
                changedAdvocates.Add(row.Id);
                s.ContactStamp = Max(s.ContactStamp, row.Contact);
            }

            // Accounts.
            var accStamp = s.AccountStamp;
            await foreach (var acc in MatchQueries.Accounts(db, a => a.UpdatedAt > accStamp).AsAsyncEnumerable().WithCancellation(ct))
            {
                s.Accounts[acc.Facts.AccountId] = acc.Facts;
                s.AccountStamp = Max(s.AccountStamp, acc.UpdatedAt);
                changedAccounts.Add(acc.Facts.AccountId);
            }

            // Readiness facts outside the account row: opportunities (big bids) and gates set on accounts.
            var (readinessAccounts, readinessStamp) = await Readiness.ReadinessChanges.SinceAsync(db, s.ReadinessStamp, ct);
            s.ReadinessStamp = readinessStamp;
            var reload = readinessAccounts.Where(s.Accounts.ContainsKey).Where(id => !changedAccounts.Contains(id)).ToList();
            foreach (var chunk in reload.Chunk(500))
            {
                var chunkIds = chunk.ToList();
                await foreach (var acc in MatchQueries.Accounts(db, a => chunkIds.Contains(a.Id)).AsAsyncEnumerable().WithCancellation(ct))
                {
                    s.Accounts[acc.Facts.AccountId] = acc.Facts;
                    changedAccounts.Add(acc.Facts.AccountId);
                }
            }
        }
        else if (dirty.Length > 0)
        {
            // The accounts of the advocates named (a write path may have changed the account).
            var dirtyIds = dirty.ToList();
            var accountIds = await db.Advocates.AsNoTracking().Where(a => dirtyIds.Contains(a.Id)).Select(a => a.AccountId).Distinct().ToListAsync(ct);
            await foreach (var acc in MatchQueries.Accounts(db, a => accountIds.Contains(a.Id)).AsAsyncEnumerable().WithCancellation(ct))
            {
                s.Accounts[acc.Facts.AccountId] = acc.Facts;
                changedAccounts.Add(acc.Facts.AccountId);
            }
        }

        // New activities.
        var maxId = s.MaxActivityId;
        await foreach (var act in MatchQueries.Window(db, DateOnly.MinValue, maxId).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (changedAdvocates.Contains(act.AdvocateId))
            {
                continue; // reloaded below with the rest of theirs
            }

            if (act.State is AdvocacyActivityState.Booked or AdvocacyActivityState.Completed)
            {
                s.Usage[act.AdvocateId] = s.Usage.GetValueOrDefault(act.AdvocateId).Add(act.Quality);
                if (act.OccurredOn >= s.From)
                {
                    s.AddActivity(act);
                }
            }

            changedAdvocates.Add(act.AdvocateId);
            changedAccounts.Add(act.AccountId);
            s.MaxActivityId = Math.Max(s.MaxActivityId, act.Id);
        }

        if (changedAdvocates.Count > 0)
        {
            var ids = changedAdvocates.ToList();
            foreach (var chunk in ids.Chunk(500))
            {
                var chunkIds = chunk.ToList();
                var found = new HashSet<int>();
                await foreach (var a in MatchQueries.Advocates(db, chunkIds, ct))
                {
                    if (s.Advocates.TryGetValue(a.AdvocateId, out var old) && old.AccountId != a.AccountId)
                    {
                        changedAccounts.Add(old.AccountId);
                    }

                    s.Advocates[a.AdvocateId] = a;
                    s.AdvocateStamp = Max(s.AdvocateStamp, a.UpdatedAt);
                    changedAccounts.Add(a.AccountId);
                    found.Add(a.AdvocateId);
                }

                foreach (var id in chunkIds.Where(id => !found.Contains(id)))
                {
                    s.Advocates.Remove(id);
                }

                await LoadProductsAndBlackoutsAsync(db, s, chunkIds, ct);
                foreach (var id in chunkIds)
                {
                    s.RemoveActivities(id);
                    s.Usage.Remove(id);
                }

                await foreach (var u in MatchQueries.Usage(db, chunkIds).AsAsyncEnumerable().WithCancellation(ct))
                {
                    s.Usage[u.AdvocateId] = new AdvocateUsage(u.Total, u.QualitySum ?? 0, u.QualityCount);
                }

                var from = s.From;
                await foreach (var act in MatchQueries.Window(db, from, null, chunkIds).AsAsyncEnumerable().WithCancellation(ct))
                {
                    s.AddActivity(act);
                    s.MaxActivityId = Math.Max(s.MaxActivityId, act.Id);
                }
            }
        }

        // Accounts of new advocates may not be loaded yet.
        var missing = s.Advocates.Values.Where(a => changedAdvocates.Contains(a.AdvocateId) && !s.Accounts.ContainsKey(a.AccountId)).Select(a => a.AccountId).Distinct().ToList();
        if (missing.Count > 0)
        {
            await foreach (var acc in MatchQueries.Accounts(db, a => missing.Contains(a.Id)).AsAsyncEnumerable().WithCancellation(ct))
            {
                s.Accounts[acc.Facts.AccountId] = acc.Facts;
            }
        }

        if (changedAdvocates.Count > 0 || changedAccounts.Count > 0)
        {
            s.Patch(changedAdvocates, changedAccounts);
        }
    }

    private static async Task LoadProductsAndBlackoutsAsync(EndorseDbContext db, State s, List<int>? ids, CancellationToken ct)
    {
        var products = new Dictionary<int, List<int>>();
        var productQuery = db.AdvocateProducts.AsNoTracking();
        if (ids is not null)
        {
            productQuery = productQuery.Where(p => ids.Contains(p.AdvocateId));
        }

        await foreach (var p in productQuery.OrderBy(p => p.AdvocateId).ThenBy(p => p.ProductId).Select(p => new { p.AdvocateId, p.ProductId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!products.TryGetValue(p.AdvocateId, out var list))
            {
                products[p.AdvocateId] = list = [];
            }

            list.Add(p.ProductId);
        }

        var blackouts = new Dictionary<int, List<DateRange>>();
        var blackoutQuery = db.AdvocateBlackouts.AsNoTracking();
        if (ids is not null)
        {
            blackoutQuery = blackoutQuery.Where(b => ids.Contains(b.AdvocateId));
        }

        await foreach (var b in blackoutQuery.OrderBy(b => b.AdvocateId).ThenBy(b => b.From).Select(b => new { b.AdvocateId, b.From, b.To }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!blackouts.TryGetValue(b.AdvocateId, out var list))
            {
                blackouts[b.AdvocateId] = list = [];
            }

            list.Add(new DateRange(b.From, b.To));
        }

        foreach (var (id, list) in products)
        {
            if (s.Advocates.TryGetValue(id, out var a))
            {
                s.Advocates[id] = a with { ProductIds = list.ToArray() };
            }
        }

        foreach (var (id, list) in blackouts)
        {
            if (s.Advocates.TryGetValue(id, out var a))
            {
                s.Advocates[id] = a with { Blackouts = list.ToArray() };
            }
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>One loaded state. Candidate arrays are replaced, never changed, so rankings read them without a lock.</summary>
    private sealed class State(FatiguePolicy policy, MatchWeights weights, DateOnly from)
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
        public DateTimeOffset AdvocateStamp { get; set; }
        public DateTimeOffset AccountStamp { get; set; }
        public DateTimeOffset ContactStamp { get; set; }
        public Readiness.ReadinessStamp ReadinessStamp { get; set; }
        public long MaxActivityId { get; set; }

        public void AddActivity(MatchQueries.ActivityRow act)
        {
            if (ById.ContainsKey(act.Id))
            {
                return;
            }

            var record = new ActivityRecord(act.OccurredOn, act.ActivityType, act.AdvocateId, act.AccountId);
            ById[act.Id] = record;
            Append(ByAdvocate, act.AdvocateId, record);
            Append(ByAccount, act.AccountId, record);
        }

        public void RemoveActivities(int advocateId)
        {
            if (!ByAdvocate.Remove(advocateId, out var list))
            {
                return;
            }

            foreach (var (id, record) in ById.Where(p => p.Value.AdvocateId == advocateId).ToList())
            {
                ById.Remove(id);
                if (ByAccount.TryGetValue(record.AccountId, out var accountList))
                {
                    accountList.Remove(record);
                }
            }

            _ = list;
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

                var ids = Advocates.Keys.ToArray();
                Array.Sort(ids);
                var candidates = new MatchCandidate[ids.Length];
                for (var i = 0; i < ids.Length; i++)
                {
                    candidates[i] = Build(Advocates[ids[i]], type, today);
                }

                var pool = MatchPool.Build(type, today, candidates);
                cache[type] = pool;
                stale.Remove(type);
                return pool;
            }
        }

        /// <summary>
        /// Notes the changed advocates, and every advocate at a changed account, in each cached pool; a pool is brought up
        /// to date when next ranked, so a write costs the rankings of the activity types asked for, not all of them.
        /// </summary>
        public void Patch(HashSet<int> advocates, HashSet<int> accounts)
        {
            var changed = new HashSet<int>(advocates);
            if (accounts.Count > 0)
            {
                foreach (var a in Advocates.Values)
                {
                    if (accounts.Contains(a.AccountId))
                    {
                        changed.Add(a.AdvocateId);
                    }
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
}
