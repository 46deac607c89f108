using Endorse.Data;
using Endorse.Fatigue;
using Endorse.Readiness;
using Endorse.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Endorse.Discovery;

/// <summary>
/// An in-memory index for candidate discovery (a singleton): every customer account's facts and its contacts who are not
/// advocates, loaded once with <see cref="DiscoveryLoader"/>, so a ranking is one pass over memory with no database
/// round-trip. Accounts passed to <see cref="Invalidate"/> are reloaded before the next ranking (read-your-writes); every
/// <see cref="RefreshInterval"/> a background check reloads the accounts whose rows changed (accounts, contacts, advocates,
/// opportunities, gates, wishes, plans, memberships, by <c>UpdatedAt</c>); the profile's usage part every
/// <see cref="ProfileInterval"/>; everything every <see cref="FullReloadInterval"/> (deletions).
/// </summary>
public sealed class DiscoveryIndex(IServiceScopeFactory scopes, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lock sync = new();
    private readonly HashSet<int> invalidated = [];
    private volatile State? state;
    private volatile bool refreshRequested;
    private long lastCheckTicks;
    private Stamps stamps;
    private DateTimeOffset profileAt;

    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan ProfileInterval { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan FullReloadInterval { get; set; } = TimeSpan.FromHours(6);

    public void Dispose() => gate.Dispose();

    /// <summary>Marks an account's facts as changed: the next ranking reloads it first.</summary>
    public void Invalidate(int accountId)
    {
        lock (sync)
        {
            invalidated.Add(accountId);
        }

        refreshRequested = true;
    }

    /// <summary>Reloads everything on the next use.</summary>
    public void Reset() => state = null;

    /// <summary>Ranks today's candidates for the criteria; the best <paramref name="top"/> and a page of the gated accounts.</summary>
    public async Task<(DiscoveryRanking Ranking, IReadOnlyDictionary<int, ProgramFact> Programs)> RankAsync(
        DiscoveryCriteria criteria, int top, int excludedOffset = 0, int excludedLimit = 50, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var current = await CurrentAsync(ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var readiness = current.Readiness(today);
        var ranking = DiscoveryRanker.Rank(current.Accounts, i => readiness[i], current.Profile, criteria, today, top, excludedOffset, excludedLimit);
        return (ranking, current.Programs);
    }

    /// <summary>
    /// Loads the index (or brings it up to date) and ranks once, so today's readiness of every account is computed and the
    /// ranking code compiled before the first person asks (the start-up worker calls it).
    /// </summary>
    public async Task WarmUpAsync(CancellationToken ct = default)
    {
        await RefreshAsync(ct);
        await RankAsync(new DiscoveryCriteria(), 1, 0, 1, ct);
    }

    /// <summary>Brings the index up to date now (tests, and callers that need every change seen).</summary>
    public async Task RefreshAsync(CancellationToken ct = default)
    {
        if (state is null)
        {
            await CurrentAsync(ct);
            return;
        }

        await gate.WaitAsync(ct);
        try
        {
            await RefreshLockedAsync(detectChanges: true, ct);
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
                current = state ??= await LoadAsync(ct);
            }
            finally
            {
                gate.Release();
            }

            return current;
        }

        if (refreshRequested)
        {
            await gate.WaitAsync(ct);
            try
            {
                await RefreshLockedAsync(detectChanges: false, ct);
            }
            finally
            {
                gate.Release();
            }

            return state ?? current;
        }

        if (time.GetElapsedTime(Interlocked.Read(ref lastCheckTicks)) > RefreshInterval && gate.Wait(0))
        {
            Interlocked.Exchange(ref lastCheckTicks, time.GetTimestamp());
            _ = Task.Run(async () =>
            {
                try
                {
                    if (time.GetUtcNow() - current.LoadedAt > FullReloadInterval)
                    {
                        state = await LoadAsync(CancellationToken.None);
                    }
                    else
                    {
                        await RefreshLockedAsync(detectChanges: true, CancellationToken.None);
                    }
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
        lock (sync)
        {
            invalidated.Clear();
            refreshRequested = false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EndorseDbContext>();
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        stamps = await StampsAsync(db, ct);
        profileAt = now;
        var policy = await new ProgramSettingsService(db, time).FatiguePolicyAsync(ct);
        var accounts = await DiscoveryLoader.AccountsAsync(db, null, policy, ct);
        var bestUsed = await DiscoveryLoader.BestUsedAsync(db, today, ct);
        var wished = await DiscoveryLoader.WishedAsync(db, ct);
        var programs = await DiscoveryLoader.ProgramsAsync(db, ct);
        Interlocked.Exchange(ref lastCheckTicks, time.GetTimestamp());
        return new State([.. accounts], policy, bestUsed, wished, programs, now);
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
        var now = time.GetUtcNow();
        var changed = new HashSet<int>(dirty);
        var policy = s.Policy;
        var bestUsed = s.BestUsed;
        if (detectChanges)
        {
            (var ids, stamps) = await ChangedSinceAsync(db, stamps, ct);
            changed.UnionWith(ids);
            policy = await new ProgramSettingsService(db, time).FatiguePolicyAsync(ct);
            if (now - profileAt > ProfileInterval)
            {
                bestUsed = await DiscoveryLoader.BestUsedAsync(db, DateOnly.FromDateTime(now.UtcDateTime), ct);
                profileAt = now;
            }
        }

        if (policy.BigBidAmount != s.Policy.BigBidAmount)
        {
            // The loaded bids hold for the old big-bid amount only (see DiscoveryLoader.AccountsAsync): load everything.
            state = await LoadAsync(ct);
            return;
        }

        var wished = await DiscoveryLoader.WishedAsync(db, ct);
        var programs = await DiscoveryLoader.ProgramsAsync(db, ct);
        var reloaded = changed.Count == 0 ? [] : await DiscoveryLoader.AccountsAsync(db, [.. changed], policy, ct);
        var sameProfile = ReferenceEquals(bestUsed, s.BestUsed) && SameWishes(wished, s.Wished);
        if (changed.Count == 0 && sameProfile && policy == s.Policy && SamePrograms(programs, s.Programs))
        {
            return; // keep the state and its cached readiness of the day
        }

        state = s.Patch(changed, reloaded, policy, bestUsed, sameProfile ? s.Wished : wished, programs);
    }

    private static bool SamePrograms(Dictionary<int, ProgramFact> a, Dictionary<int, ProgramFact> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var other) && other == p.Value);

    private static bool SameWishes(List<ProfileMember> a, List<ProfileMember> b) =>
        a.Count == b.Count && a.Select(m => m.AccountId).Order().SequenceEqual(b.Select(m => m.AccountId).Order());

    private static async Task<Stamps> StampsAsync(EndorseDbContext db, CancellationToken ct) => new(
        await db.Accounts.AsNoTracking().OrderByDescending(a => a.UpdatedAt).Select(a => a.UpdatedAt).FirstOrDefaultAsync(ct),
        await db.Contacts.AsNoTracking().OrderByDescending(a => a.UpdatedAt).Select(a => a.UpdatedAt).FirstOrDefaultAsync(ct),
        await db.Advocates.AsNoTracking().OrderByDescending(a => a.UpdatedAt).Select(a => a.UpdatedAt).FirstOrDefaultAsync(ct),
        await ReadinessChanges.StampAsync(db, ct),
        await db.WishListEntries.AsNoTracking().OrderByDescending(a => a.UpdatedAt).Select(a => a.UpdatedAt).FirstOrDefaultAsync(ct),
        await db.OnboardingPlans.AsNoTracking().OrderByDescending(a => a.UpdatedAt).Select(a => a.UpdatedAt).FirstOrDefaultAsync(ct),
        await db.ExecutiveProgramMembers.AsNoTracking().OrderByDescending(a => a.UpdatedAt).Select(a => a.UpdatedAt).FirstOrDefaultAsync(ct));

    /// <summary>The accounts whose facts changed since the stamps (one scan per table by <c>UpdatedAt</c>), and the new stamps.</summary>
    private static async Task<(HashSet<int> Ids, Stamps Stamps)> ChangedSinceAsync(EndorseDbContext db, Stamps since, CancellationToken ct)
    {
        var ids = new HashSet<int>();
        var accounts = since.Accounts;
        foreach (var a in await db.Accounts.AsNoTracking().Where(a => a.UpdatedAt > accounts).Select(a => new { a.Id, a.UpdatedAt }).ToListAsync(ct))
        {
            ids.Add(a.Id);
            accounts = Max(accounts, a.UpdatedAt);
        }

        var contacts = since.Contacts;
        foreach (var c in await db.Contacts.AsNoTracking().Where(c => c.UpdatedAt > contacts).Select(c => new { c.AccountId, c.UpdatedAt }).ToListAsync(ct))
        {
            ids.Add(c.AccountId);
            contacts = Max(contacts, c.UpdatedAt);
        }

        var advocates = since.Advocates;
        foreach (var a in await db.Advocates.AsNoTracking().Where(a => a.UpdatedAt > advocates).Select(a => new { a.AccountId, a.UpdatedAt }).ToListAsync(ct))
        {
            ids.Add(a.AccountId);
            advocates = Max(advocates, a.UpdatedAt);
        }

        var (readinessIds, readiness) = await ReadinessChanges.SinceAsync(db, since.Readiness, ct);
        ids.UnionWith(readinessIds);

        var wishes = since.Wishes;
        foreach (var w in await db.WishListEntries.AsNoTracking().Where(w => w.UpdatedAt > wishes).Select(w => new { w.AccountId, w.UpdatedAt }).ToListAsync(ct))
        {
            ids.Add(w.AccountId);
            wishes = Max(wishes, w.UpdatedAt);
        }

        var plans = since.Plans;
        foreach (var p in await db.OnboardingPlans.AsNoTracking().Where(p => p.UpdatedAt > plans).Select(p => new { p.AccountId, p.UpdatedAt }).ToListAsync(ct))
        {
            ids.Add(p.AccountId);
            plans = Max(plans, p.UpdatedAt);
        }

        var members = since.Members;
        foreach (var m in await db.ExecutiveProgramMembers.AsNoTracking().Where(m => m.UpdatedAt > members).Select(m => new { m.AccountId, m.UpdatedAt }).ToListAsync(ct))
        {
            ids.Add(m.AccountId);
            members = Max(members, m.UpdatedAt);
        }

        return (ids, new Stamps(accounts, contacts, advocates, readiness, wishes, plans, members));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private readonly record struct Stamps(
        DateTimeOffset Accounts, DateTimeOffset Contacts, DateTimeOffset Advocates, ReadinessStamp Readiness, DateTimeOffset Wishes, DateTimeOffset Plans, DateTimeOffset Members);

    /// <summary>One loaded state; never changed in place (a refresh makes a new one), so rankings read it without a lock.</summary>
    private sealed record State(
        DiscoveryAccount[] Accounts, FatiguePolicy Policy, List<ProfileMember> BestUsed, List<ProfileMember> Wished, Dictionary<int, ProgramFact> Programs, DateTimeOffset LoadedAt)
    {
        private readonly Lock dayLock = new();
        private (DateOnly Day, ReadinessResult?[] Results)? day;
        private DiscoveryProfile? profile;

        /// <summary>A copy starts with empty caches: the readiness of the day and the profile belong to the facts they were computed from (<see cref="Patch"/> carries readiness over itself).</summary>
        private State(State original)
        {
            dayLock = new();
            Accounts = original.Accounts;
            Policy = original.Policy;
            BestUsed = original.BestUsed;
            Wished = original.Wished;
            Programs = original.Programs;
            LoadedAt = original.LoadedAt;
        }

        public DiscoveryProfile Profile => profile ??= DiscoveryLoader.Profile(BestUsed, Wished);

        /// <summary>Today's readiness of every account (null: may be approached), computed once a day and state.</summary>
        public ReadinessResult?[] Readiness(DateOnly today)
        {
            lock (dayLock)
            {
                if (day is { } cached && cached.Day == today)
                {
                    return cached.Results;
                }

                var results = new ReadinessResult?[Accounts.Length];
                for (var i = 0; i < Accounts.Length; i++)
                {
                    results[i] = DiscoveryLoader.Blocking(Policy, Accounts[i], today);
                }

                day = (today, results);
                return results;
            }
        }

        /// <summary>
        /// A state with the changed accounts replaced by their reloaded facts (removed when no longer customers), under the
        /// given policy. Today's readiness of the unchanged accounts is carried over when the policy's readiness settings
        /// are the same, so the next ranking computes only the changed accounts' (not all 160,000: docs/performance.md).
        /// </summary>
        public State Patch(
            HashSet<int> changed, List<DiscoveryAccount> reloaded, FatiguePolicy policy, List<ProfileMember> bestUsed, List<ProfileMember> wished, Dictionary<int, ProgramFact> programs)
        {
            (DateOnly Day, ReadinessResult?[] Results)? cached;
            lock (dayLock)
            {
                cached = SameReadinessSettings(policy, Policy) ? day : null;
            }

            if (changed.Count == 0)
            {
                var same = this with { Policy = policy, BestUsed = bestUsed, Wished = wished, Programs = programs };
                same.day = cached;
                return same;
            }

            var fresh = reloaded.ToDictionary(a => a.AccountId);
            var list = new List<(DiscoveryAccount Account, int From)>(Accounts.Length + fresh.Count);
            for (var i = 0; i < Accounts.Length; i++)
            {
                var a = Accounts[i];
                if (!changed.Contains(a.AccountId))
                {
                    list.Add((a, i));
                }
                else if (fresh.Remove(a.AccountId, out var updated))
                {
                    list.Add((updated, -1));
                }
            }

            if (fresh.Count > 0)
            {
                list.AddRange(fresh.Values.Select(a => (a, -1)));
                list.Sort(static (x, y) => x.Account.AccountId.CompareTo(y.Account.AccountId));
            }

            var next = this with { Accounts = [.. list.Select(a => a.Account)], Policy = policy, BestUsed = bestUsed, Wished = wished, Programs = programs };
            if (cached is { } carried)
            {
                var results = new ReadinessResult?[list.Count];
                for (var i = 0; i < list.Count; i++)
                {
                    results[i] = list[i].From >= 0 ? carried.Results[list[i].From] : DiscoveryLoader.Blocking(policy, list[i].Account, carried.Day);
                }

                next.day = (carried.Day, results);
            }

            return next;
        }

        /// <summary>Whether two policies gate accounts alike (the readiness rules read these settings only).</summary>
        private static bool SameReadinessSettings(FatiguePolicy a, FatiguePolicy b) =>
            a.BigBidAmount == b.BigBidAmount && a.MinimumCsat == b.MinimumCsat && a.MinimumNps == b.MinimumNps
            && a.RenewalQuietDays == b.RenewalQuietDays && a.RestOnNoPublicity == b.RestOnNoPublicity && a.RestOnOpenEscalation == b.RestOnOpenEscalation;
    }
}
