using System.Diagnostics;
using Endorse.Activities;
using Endorse.Advocates;
using Endorse.Data;
using Endorse.Fatigue;
using Endorse.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Endorse.Matching;

/// <summary>What a node's match index is doing: whether it can rank yet, since when, and how fresh its data is.</summary>
/// <param name="Ready">Loaded: a ranking answers from memory.</param>
/// <param name="Loading">A load is running (at start-up, in the background).</param>
/// <param name="LoadedFrom"><c>snapshot</c> or <c>database</c>.</param>
/// <param name="LoadTime">How long the last load took.</param>
/// <param name="DataAsOf">When the index last read the database's changes: its data is at least this fresh.</param>
/// <param name="Error">Why the last load or refresh failed, if it did.</param>
public sealed record MatchIndexStatus(bool Ready, bool Loading, string? LoadedFrom, TimeSpan? LoadTime, DateTimeOffset? DataAsOf, string? Error)
{
    /// <summary>Advocates loaded.</summary>
    public int Advocates { get; init; }

    /// <summary>The last change-log row applied (<see cref="MatchChange"/>): nodes that agree on it have read the same changes.</summary>
    public long ChangeLogPosition { get; init; }
}

/// <summary>
/// An in-memory index for matching (a singleton, one per node): compact facts per advocate and account, and the counting
/// activities (booked or completed) of the look-back window per advocate and per account. Candidates are built per
/// activity type and day and cached as a <see cref="MatchPool"/>, so a ranking scores only the candidates who may be
/// eligible, from memory.
/// <para>
/// Loading: from the newest snapshot (<see cref="MatchSnapshot"/>, seconds at scale) brought up to date from the change
/// log, or, without a usable snapshot, from the database with streaming no-tracking projections (a minute at scale;
/// a snapshot is saved afterwards). <see cref="WarmUpAsync"/> does it in the background at start-up.
/// </para>
/// <para>
/// Staying current, on every node: every save that changes what matching reads writes <see cref="MatchChange"/> rows
/// (<see cref="SaveSignals"/>); a ranking first reads the rows committed since the last read (one indexed query, at most
/// once per <see cref="ChangeCheckInterval"/>) and reloads those advocates by key, so a booking on one node is seen by
/// the next ranking on any node. The background poll (<see cref="PollAsync"/>, every <see cref="RefreshInterval"/>)
/// does the same for an idle node and also picks up activities written in bulk and rows changed by imports; a slower
/// check (<see cref="FullCheckInterval"/>) looks for anything else by the rows' UpdatedAt stamps.
/// <see cref="Invalidate"/> reloads an advocate before the next ranking on this node (read-your-writes without a query).
/// </para>
/// </summary>
public sealed class MatchIndex(IServiceScopeFactory scopes, TimeProvider time, ILogger<MatchIndex>? logger = null) : IDisposable
{
    /// <summary>The change log keeps this many newest rows; older ones are deleted by the polls.</summary>
    public const long ChangesKept = 100_000;

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lock sync = new();
    private readonly HashSet<int> invalidated = [];
    private readonly ILogger log = logger ?? NullLogger<MatchIndex>.Instance;
    private MatchState? state;
    private long lastPollTicks;
    private long lastChangeCheckTicks;
    private long lastFullCheckTicks;
    private long lastPruneTicks;
    private volatile bool refreshRequested;
    private volatile bool loading;
    private string? loadedFrom;
    private TimeSpan? loadTime;
    private DateTimeOffset? dataAsOf;
    private string? error;

    /// <summary>How often the background poll reads the change log, new activities and finished imports.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a ranking reads the change log first (zero: every ranking).</summary>
    public TimeSpan ChangeCheckInterval { get; set; } = TimeSpan.Zero;

    /// <summary>How often the background poll also looks for rows changed by their UpdatedAt stamps (writes past EF Core).</summary>
    public TimeSpan FullCheckInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Whether a load may start from the saved snapshot.</summary>
    public bool UseSnapshot { get; set; } = true;

    /// <summary>Whether a load from the database saves a snapshot for the next start.</summary>
    public bool SaveSnapshotAfterLoad { get; set; } = true;

    public MatchIndexStatus Status
    {
        get
        {
            var s = state;
            return new(s is not null, loading, loadedFrom, loadTime, dataAsOf, error) { Advocates = s?.Advocates.Count ?? 0, ChangeLogPosition = s?.Changes.Last ?? 0 };
        }
    }

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

    /// <summary>Loads the index (snapshot or database) and builds every activity type's pool for today: what a node does at start-up.</summary>
    public async Task WarmUpAsync(CancellationToken ct = default)
    {
        var current = await CurrentAsync(ct);
        var today = Today;
        foreach (var type in ActivityTypes.All)
        {
            if (!current.TryCached(type, today, out _))
            {
                await gate.WaitAsync(ct);
                try
                {
                    (state ?? current).Pool(type, today);
                }
                finally
                {
                    gate.Release();
                }
            }
        }
    }

    public Task<MatchRanking> RankAsync(MatchCriteria criteria, int top, CancellationToken ct = default) => RankAsync(criteria, top, null, ct);

    /// <summary>Ranks the advocates <paramref name="filter"/> shows (the pool rules of the person drawing; all when null).</summary>
    public async Task<MatchRanking> RankAsync(MatchCriteria criteria, int top, PoolFilter? filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var current = await CurrentAsync(ct);
        current = await CatchUpAsync(current, ct);
        var today = Today;
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
        current = await CatchUpAsync(current, ct);
        await gate.WaitAsync(ct);
        try
        {
            return (state ?? current).Loads(Today);
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

    /// <summary>Brings the index up to date now, looking at every row's stamps too (tests and tools).</summary>
    public async Task RefreshAsync(CancellationToken ct = default)
    {
        if (state is null)
        {
            await CurrentAsync(ct);
            return;
        }

        var found = await DetectByStampsAsync(ct);
        await RefreshWithAsync(found, pollBulk: true, ct);
    }

    /// <summary>
    /// The background poll: the change log, activities written in bulk, finished imports (their rows are found by
    /// stamp) and, every <see cref="FullCheckInterval"/>, every row's stamps. Does nothing before the index is loaded.
    /// </summary>
    public async Task PollAsync(CancellationToken ct = default)
    {
        var s = state;
        if (s is null)
        {
            return;
        }

        Interlocked.Exchange(ref lastPollTicks, time.GetTimestamp());
        try
        {
            Found? found = null;
            var importMark = await ImportMarkAsync(ct);
            if (importMark > s.ImportMark || time.GetElapsedTime(Interlocked.Read(ref lastFullCheckTicks)) > FullCheckInterval)
            {
                Interlocked.Exchange(ref lastFullCheckTicks, time.GetTimestamp());
                found = await DetectByStampsAsync(ct);
                found.ImportMark = importMark;
            }

            await RefreshWithAsync(found, pollBulk: true, ct);
            await PruneChangesAsync(ct);
            error = null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or DbUpdateException or System.Data.Common.DbException or TimeoutException)
        {
            error = ex.Message;
            log.LogWarning(ex, "The match index could not read the database's changes; it tries again in {Interval}.", RefreshInterval);
        }
    }

    /// <summary>Saves the loaded state as the snapshot the next start loads from.</summary>
    public async Task<bool> SaveSnapshotAsync(CancellationToken ct = default)
    {
        if (state is null)
        {
            return false;
        }

        byte[] data;
        await gate.WaitAsync(ct);
        try
        {
            data = MatchSnapshot.Write(state!);
        }
        finally
        {
            gate.Release();
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EndorseDbContext>();
        await MatchSnapshot.SaveAsync(db, data, time.GetUtcNow(), ct);
        log.LogInformation("Saved a match index snapshot of {Bytes:N0} bytes.", data.Length);
        return true;
    }

    /// <summary>When the saved snapshot was taken, if there is one of this version.</summary>
    public async Task<DateTimeOffset?> SnapshotSavedAtAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await MatchSnapshot.SavedAtAsync(scope.ServiceProvider.GetRequiredService<EndorseDbContext>(), ct);
    }

    private static DateOnly TodayOf(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private DateOnly Today => TodayOf(time);

    private async Task<MatchState> CurrentAsync(CancellationToken ct)
    {
        var current = state;
        if (current is not null)
        {
            return current;
        }

        await gate.WaitAsync(ct);
        try
        {
            current = state;
            if (current is null)
            {
                loading = true;
                var watch = Stopwatch.StartNew();
                try
                {
                    (current, loadedFrom) = await LoadAsync(ct);
                    error = null;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    error = ex.Message;
                    throw;
                }
                finally
                {
                    loading = false;
                }

                loadTime = watch.Elapsed;
                state = current;
                var now = time.GetTimestamp();
                Interlocked.Exchange(ref lastPollTicks, now);
                Interlocked.Exchange(ref lastChangeCheckTicks, now);
                Interlocked.Exchange(ref lastFullCheckTicks, now);
                log.LogInformation("Match index loaded from the {Source} in {Seconds:F1} s: {Advocates:N0} advocates, {Activities:N0} window activities.", loadedFrom, loadTime.Value.TotalSeconds, current.Advocates.Count, current.ById.Count);
            }
        }
        finally
        {
            gate.Release();
        }

        return current;
    }

    /// <summary>Before a ranking: the advocates this node invalidated and the change log's new rows, reloaded by key.</summary>
    private async Task<MatchState> CatchUpAsync(MatchState current, CancellationToken ct)
    {
        var checkChanges = time.GetElapsedTime(Interlocked.Read(ref lastChangeCheckTicks)) >= ChangeCheckInterval;
        if (checkChanges || refreshRequested)
        {
            await RefreshWithAsync(null, pollBulk: false, ct, checkChanges);
        }

        if (time.GetElapsedTime(Interlocked.Read(ref lastPollTicks)) > RefreshInterval)
        {
            // No background poll ran lately (a tool or test hosts the index alone): poll in the background.
            Interlocked.Exchange(ref lastPollTicks, time.GetTimestamp());
            _ = Task.Run(() => PollAsync(CancellationToken.None), CancellationToken.None);
        }

        return state ?? current;
    }

    /// <summary>Rows found changed by their stamps (outside the gate: these scans take seconds at scale).</summary>
    private sealed class Found
    {
        public HashSet<int> Advocates { get; } = [];
        public List<MatchQueries.AccountRow> Accounts { get; } = [];
        public DateTimeOffset AdvocateStamp { get; set; }
        public DateTimeOffset ContactStamp { get; set; }
        public int ImportMark { get; set; }

        /// <summary>Accounts whose opportunities or set gates changed (readiness facts outside the account row).</summary>
        public HashSet<int> ReadinessAccounts { get; } = [];

        public Readiness.ReadinessStamp ReadinessStamp { get; set; }
    }

    private async Task<Found> DetectByStampsAsync(CancellationToken ct)
    {
        var s = state!;
        var found = new Found { AdvocateStamp = s.AdvocateStamp, ContactStamp = s.ContactStamp, ImportMark = s.ImportMark, ReadinessStamp = s.ReadinessStamp };
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EndorseDbContext>();
        var advStamp = s.AdvocateStamp;
        var contactStamp = s.ContactStamp;
        var changedRows = await db.Advocates.AsNoTracking()
            .Where(a => a.UpdatedAt > advStamp || a.Contact!.UpdatedAt > contactStamp)
            .Select(a => new { a.Id, a.UpdatedAt, Contact = a.Contact!.UpdatedAt })
            .ToListAsync(ct);
        foreach (var row in changedRows)
        {
            found.Advocates.Add(row.Id);
            found.ContactStamp = Max(found.ContactStamp, row.Contact);
        }

        var accStamp = s.AccountStamp;
        await foreach (var acc in MatchQueries.Accounts(db, a => a.UpdatedAt > accStamp).AsAsyncEnumerable().WithCancellation(ct))
        {
            found.Accounts.Add(acc);
        }

        // Readiness facts outside the account row (opportunities, gates), also when written past EF Core (imports).
        var (readinessAccounts, readinessStamp) = await Readiness.ReadinessChanges.SinceAsync(db, s.ReadinessStamp, ct);
        found.ReadinessAccounts.UnionWith(readinessAccounts);
        found.ReadinessStamp = readinessStamp;
        return found;
    }

    private async Task<int> ImportMarkAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EndorseDbContext>();
        return await db.ImportRuns.AsNoTracking().Where(r => r.Status == ImportStatus.Completed).MaxAsync(r => (int?)r.Id, ct) ?? 0;
    }

    /// <summary>Deletes change-log rows older than the newest <see cref="ChangesKept"/>, at most once an hour (a snapshot older than those is not used).</summary>
    private async Task PruneChangesAsync(CancellationToken ct)
    {
        var s = state;
        if (s is null || s.Changes.Last <= ChangesKept || time.GetElapsedTime(Interlocked.Read(ref lastPruneTicks)) < TimeSpan.FromHours(1))
        {
            return;
        }

        Interlocked.Exchange(ref lastPruneTicks, time.GetTimestamp());
        var below = s.Changes.Last - ChangesKept;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EndorseDbContext>();
        await db.Set<MatchChange>().Where(c => c.Id < below).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// Reads the change log (and, for the background poll, new activities and settings) and reloads what changed by key.
    /// The reads run outside the gate; the reload under it.
    /// </summary>
    private async Task RefreshWithAsync(Found? found, bool pollBulk, CancellationToken ct, bool readChanges = true)
    {
        var s = state;
        if (s is null)
        {
            return;
        }

        var started = time.GetUtcNow();
        List<MatchChange> rows = [];
        if (readChanges)
        {
            Interlocked.Exchange(ref lastChangeCheckTicks, time.GetTimestamp());
            var (last, gaps) = s.Changes.Position;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EndorseDbContext>();
            rows = gaps.Length == 0
                ? await db.Set<MatchChange>().AsNoTracking().Where(c => c.Id > last).OrderBy(c => c.Id).ToListAsync(ct)
                : await db.Set<MatchChange>().AsNoTracking().Where(c => c.Id > last || gaps.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync(ct);
        }

        if (rows.Count == 0 && !refreshRequested && found is null && !pollBulk)
        {
            dataAsOf = started;
            return;
        }

        await gate.WaitAsync(ct);
        try
        {
            if (!ReferenceEquals(state, s))
            {
                return; // reloaded meanwhile
            }

            await RefreshLockedAsync(s, rows, found, pollBulk, ct);
            if (readChanges || found is not null)
            {
                dataAsOf = started;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task RefreshLockedAsync(MatchState s, List<MatchChange> rows, Found? found, bool pollBulk, CancellationToken ct)
    {
        int[] dirty;
        lock (sync)
        {
            dirty = [.. invalidated];
            invalidated.Clear();
            refreshRequested = false;
        }

        var changedAdvocates = new HashSet<int>(dirty);
        var changedAccounts = new HashSet<int>();
        var contacts = new List<int>();
        var settingsChanged = pollBulk;
        foreach (var id in s.Changes.Accept(rows.Select(r => r.Id), time.GetTimestamp(), time))
        {
            var row = rows.First(r => r.Id == id);
            if (row.AdvocateId is { } advocate)
            {
                changedAdvocates.Add(advocate);
            }
            else if (row.ContactId is { } contact)
            {
                if (s.AdvocateByContact.TryGetValue(contact, out var known))
                {
                    changedAdvocates.Add(known);
                }
                else
                {
                    contacts.Add(contact); // maybe a new advocate
                }
            }
            else if (row.AccountId is { } account)
            {
                changedAccounts.Add(account);
            }
            else
            {
                settingsChanged = true;
            }
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EndorseDbContext>();
        if (settingsChanged)
        {
            var (policy, weights) = await ProgramSettingsReader.ReadAsync(db, ct);
            if (!MatchSnapshot.SamePolicy(policy, s.Policy))
            {
                // A changed policy may change the look-back window: reload all (from the database, not the snapshot).
                var (fresh, _) = await LoadFromDatabaseAsync(db, ct);
                state = fresh;
                return;
            }

            s.Weights = weights;
        }

        if (contacts.Count > 0)
        {
            foreach (var chunk in contacts.Chunk(500))
            {
                var chunkIds = chunk.ToList();
                changedAdvocates.UnionWith(await db.Advocates.AsNoTracking().Where(a => chunkIds.Contains(a.ContactId)).Select(a => a.Id).ToListAsync(ct));
            }
        }

        if (found is not null)
        {
            changedAdvocates.UnionWith(found.Advocates);
            s.ContactStamp = Max(s.ContactStamp, found.ContactStamp);
            foreach (var acc in found.Accounts)
            {
                s.Accounts[acc.Facts.AccountId] = acc.Facts;
                s.AccountStamp = Max(s.AccountStamp, acc.UpdatedAt);
                changedAccounts.Add(acc.Facts.AccountId);
            }

            s.ImportMark = Math.Max(s.ImportMark, found.ImportMark);
            s.ReadinessStamp = Readiness.ReadinessStamp.Max(s.ReadinessStamp, found.ReadinessStamp);
            changedAccounts.UnionWith(found.ReadinessAccounts.Where(s.Accounts.ContainsKey));
        }

        if (changedAccounts.Count > 0)
        {
            var accountIds = changedAccounts.Where(a => found is null || !found.Accounts.Exists(f => f.Facts.AccountId == a)).ToList();
            foreach (var chunk in accountIds.Chunk(500))
            {
                var chunkIds = chunk.ToList();
                var seen = new HashSet<int>();
                await foreach (var acc in MatchQueries.Accounts(db, a => chunkIds.Contains(a.Id)).AsAsyncEnumerable().WithCancellation(ct))
                {
                    s.Accounts[acc.Facts.AccountId] = acc.Facts;
                    seen.Add(acc.Facts.AccountId);
                }

                foreach (var gone in chunkIds.Where(a => !seen.Contains(a)))
                {
                    s.Accounts.Remove(gone);
                }
            }
        }

        if (pollBulk)
        {
            // Activities written past EF Core (bulk tools) are not in the change log: the ones above the highest id seen.
            var maxId = s.MaxActivityId;
            await foreach (var act in MatchQueries.Window(db, DateOnly.MinValue, maxId).AsAsyncEnumerable().WithCancellation(ct))
            {
                changedAdvocates.Add(act.AdvocateId);
                s.MaxActivityId = Math.Max(s.MaxActivityId, act.Id);
            }
        }

        if (changedAdvocates.Count > 0)
        {
            await ReloadAdvocatesAsync(db, s, changedAdvocates, changedAccounts, ct);
        }

        if (changedAdvocates.Count > 0 || changedAccounts.Count > 0)
        {
            s.Patch(changedAdvocates, changedAccounts);
        }
    }

    /// <summary>Reloads advocates by key: facts, products, blackouts, usage, window activities, and their accounts when not loaded.</summary>
    private static async Task ReloadAdvocatesAsync(EndorseDbContext db, MatchState s, HashSet<int> changedAdvocates, HashSet<int> changedAccounts, CancellationToken ct)
    {
        var missingAccounts = new HashSet<int>();
        foreach (var chunk in changedAdvocates.Chunk(500))
        {
            var chunkIds = chunk.ToList();
            var found = new HashSet<int>();
            await foreach (var a in MatchQueries.Advocates(db, chunkIds, ct))
            {
                if (s.Advocates.TryGetValue(a.AdvocateId, out var old) && old.AccountId != a.AccountId)
                {
                    changedAccounts.Add(old.AccountId);
                }

                s.SetAdvocate(a);
                s.AdvocateStamp = Max(s.AdvocateStamp, a.UpdatedAt);
                found.Add(a.AdvocateId);
                if (!s.Accounts.ContainsKey(a.AccountId))
                {
                    missingAccounts.Add(a.AccountId);
                }
            }

            foreach (var id in chunkIds.Where(id => !found.Contains(id)))
            {
                if (s.Advocates.TryGetValue(id, out var gone))
                {
                    changedAccounts.Add(gone.AccountId);
                }

                s.RemoveAdvocate(id);
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

            await foreach (var act in MatchQueries.Window(db, s.From, null, chunkIds).AsAsyncEnumerable().WithCancellation(ct))
            {
                s.AddActivity(act);
                s.MaxActivityId = Math.Max(s.MaxActivityId, act.Id);
            }
        }

        if (missingAccounts.Count > 0)
        {
            var ids = missingAccounts.ToList();
            await foreach (var acc in MatchQueries.Accounts(db, a => ids.Contains(a.Id)).AsAsyncEnumerable().WithCancellation(ct))
            {
                s.Accounts[acc.Facts.AccountId] = acc.Facts;
            }
        }
    }

    private async Task<(MatchState State, string Source)> LoadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EndorseDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        if (UseSnapshot)
        {
            try
            {
                if (await MatchSnapshot.LoadAsync(db, time, ct) is { } restored)
                {
                    return (restored, "snapshot");
                }
            }
            catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or System.Data.Common.DbException or InvalidOperationException)
            {
                log.LogWarning(ex, "The match index snapshot could not be read; loading from the database.");
            }
        }

        var loaded = await LoadFromDatabaseAsync(db, ct);
        if (SaveSnapshotAfterLoad)
        {
            try
            {
                await MatchSnapshot.SaveAsync(db, MatchSnapshot.Write(loaded.State), time.GetUtcNow(), ct);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or DbUpdateException or InvalidOperationException)
            {
                log.LogWarning(ex, "The match index snapshot could not be saved.");
            }
        }

        return loaded;
    }

    private async Task<(MatchState State, string Source)> LoadFromDatabaseAsync(EndorseDbContext db, CancellationToken ct)
    {
        // Where the change log and imports are before reading: what is saved from now on is read again after the load.
        var changeMark = await db.Set<MatchChange>().MaxAsync(c => (long?)c.Id, ct) ?? 0;
        var importMark = await db.ImportRuns.AsNoTracking().Where(r => r.Status == ImportStatus.Completed).MaxAsync(r => (int?)r.Id, ct) ?? 0;
        var readinessStamp = await Readiness.ReadinessChanges.StampAsync(db, ct);
        var (policy, weights) = await ProgramSettingsReader.ReadAsync(db, ct);
        var from = Today.AddDays(-CandidateBuilder.LookbackDays(policy));
        lock (sync)
        {
            invalidated.Clear();
            refreshRequested = false;
        }

        var s = new MatchState(policy, weights, from) { Changes = new MatchChangeCursor(changeMark), ImportMark = importMark, ReadinessStamp = readinessStamp };
        await foreach (var a in MatchQueries.Advocates(db, null, ct))
        {
            s.SetAdvocate(a);
            s.AdvocateStamp = Max(s.AdvocateStamp, a.UpdatedAt);
        }

        await LoadProductsAndBlackoutsAsync(db, s, null, ct);
        await foreach (var acc in MatchQueries.Accounts(db, null).AsAsyncEnumerable().WithCancellation(ct))
        {
            s.Accounts[acc.Facts.AccountId] = acc.Facts;
            s.AccountStamp = Max(s.AccountStamp, acc.UpdatedAt);
        }

        s.ContactStamp = await db.Advocates.AsNoTracking().Select(a => a.Contact!.UpdatedAt).OrderByDescending(u => u).FirstOrDefaultAsync(ct);
        await foreach (var u in MatchQueries.Usage(db, null).AsAsyncEnumerable().WithCancellation(ct))
        {
            s.Usage[u.AdvocateId] = new AdvocateUsage(u.Total, u.QualitySum ?? 0, u.QualityCount);
        }

        await foreach (var act in MatchQueries.Window(db, from, null).AsAsyncEnumerable().WithCancellation(ct))
        {
            s.AddActivity(act);
        }

        s.MaxActivityId = await db.AdvocacyActivities.MaxAsync(a => (long?)a.Id, ct) ?? 0;
        return (s, "database");
    }

    private static async Task LoadProductsAndBlackoutsAsync(EndorseDbContext db, MatchState s, List<int>? ids, CancellationToken ct)
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
}
