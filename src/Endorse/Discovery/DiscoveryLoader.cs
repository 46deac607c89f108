using Endorse.Accounts;
using Endorse.Activities;
using Endorse.Contacts;
using Endorse.Data;
using Endorse.Fatigue;
using Endorse.Onboarding;
using Endorse.Readiness;
using Endorse.WishList;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Discovery;

/// <summary>
/// Loads discovery's facts straight from the database with streaming, no-tracking projections: customer accounts with
/// their readiness facts and their contacts who are not advocates, the profile of a good candidate, the executive programs.
/// The index loads with it (all, then by account when something changes); the naive discovery loads everything a call.
/// </summary>
public static class DiscoveryLoader
{
    private const int Chunk = 500;

    /// <summary>How many of the best-used advocates make the profile.</summary>
    public const int ProfileAdvocates = 50;

    /// <summary>Usage over the last this many days decides who is best-used.</summary>
    public const int ProfileDays = 730;

    /// <summary>
    /// Customer accounts (all, or of <paramref name="ids"/>) sorted by id, with their non-advocate contacts. With the
    /// program's <paramref name="policy"/>, only open bids that can be a big bid under it are read (none when the big-bid
    /// gate is off): the gate reads nothing else of them, and at 2,000,000 opportunities reading every open bid was half
    /// of a load (docs/performance.md). A loaded account's bids then hold for that policy's big-bid amount only.
    /// </summary>
    public static async Task<List<DiscoveryAccount>> AccountsAsync(EndorseDbContext db, IReadOnlyList<int>? ids, FatiguePolicy? policy = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (ids is not null)
        {
            var result = new List<DiscoveryAccount>();
            foreach (var chunk in ids.Distinct().Order().Chunk(Chunk))
            {
                result.AddRange(await LoadAsync(db, [.. chunk], policy, ct));
            }

            return result;
        }

        return await LoadAsync(db, null, policy, ct);
    }

    private static async Task<List<DiscoveryAccount>> LoadAsync(EndorseDbContext db, List<int>? ids, FatiguePolicy? policy, CancellationToken ct)
    {
        var accountQuery = db.Accounts.AsNoTracking().Where(CustomerRule.IsCustomerExpression);
        if (ids is not null)
        {
            accountQuery = accountQuery.Where(a => ids.Contains(a.Id));
        }

        var rows = await accountQuery.OrderBy(a => a.Id).Select(a => new
        {
            a.Id,
            a.Name,
            a.NameSearch,
            a.SectorId,
            a.RegionId,
            a.SizeBand,
            a.CustomerSince,
            a.SatisfactionKind,
            a.SatisfactionScore,
            a.OpenEscalations,
            a.RenewalOn,
            a.DisclosurePermission,
        }).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var position = new Dictionary<int, int>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            position[rows[i].Id] = i;
        }

        var products = await ProductsAsync(db, ids, position, ct);
        var bids = policy is { BigBidAmount: null }
            ? new Dictionary<int, OpenBid>()
            : await ReadinessQueries.LargestOpenBidsAsync(db, ids, policy?.BigBidAmount, ct);
        var gates = await ReadinessQueries.SetGatesAsync(db, ids, ct);

        var happyQuery = db.OnboardingPlans.AsNoTracking().Where(p => p.Outcome == OnboardingOutcome.Happy);
        var wishQuery = db.WishListEntries.AsNoTracking().Where(w => w.OpenAccountId != null);
        var memberQuery = db.ExecutiveProgramMembers.AsNoTracking()
            .Where(m => m.LeftOn == null && db.ExecutivePrograms.Any(p => p.Id == m.ProgramId && p.IsActive));
        var advocateQuery = db.Advocates.AsNoTracking();
        var contactQuery = db.Contacts.AsNoTracking();
        if (ids is not null)
        {
            happyQuery = happyQuery.Where(p => ids.Contains(p.AccountId));
            wishQuery = wishQuery.Where(w => ids.Contains(w.AccountId));
            memberQuery = memberQuery.Where(m => ids.Contains(m.AccountId));
            advocateQuery = advocateQuery.Where(a => ids.Contains(a.AccountId));
            contactQuery = contactQuery.Where(c => ids.Contains(c.AccountId));
        }

        var happy = await happyQuery.Select(p => new { p.AccountId, p.OutcomeOn }).ToDictionaryAsync(p => p.AccountId, p => p.OutcomeOn, ct);
        var wishes = await wishQuery.Select(w => new { w.AccountId, Fact = new WishFact(w.Id, w.WisherName, w.DealOrSegment, w.CreatedAt) }).ToDictionaryAsync(w => w.AccountId, w => w.Fact, ct);
        var members = new Dictionary<int, int>();
        await foreach (var m in memberQuery.OrderBy(m => m.ProgramId).Select(m => new { m.ContactId, m.ProgramId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            members.TryAdd(m.ContactId, m.ProgramId);
        }

        var advocates = new HashSet<int>();
        await foreach (var contactId in advocateQuery.Select(a => a.ContactId).AsAsyncEnumerable().WithCancellation(ct))
        {
            advocates.Add(contactId);
        }

        // Contacts bucketed by account position (a counting sort), each account's in id order.
        var found = new List<(int Position, DiscoveryContact Contact)>(ids is null ? 1024 : 64);
        await foreach (var c in contactQuery.Select(c => new { c.Id, c.AccountId, c.SeniorityTier }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!advocates.Contains(c.Id) && position.TryGetValue(c.AccountId, out var pos))
            {
                found.Add((pos, new DiscoveryContact(c.Id, c.SeniorityTier, members.GetValueOrDefault(c.Id))));
            }
        }

        var counts = new int[rows.Count];
        foreach (var (pos, _) in found)
        {
            counts[pos]++;
        }

        var buckets = new DiscoveryContact[rows.Count][];
        for (var i = 0; i < rows.Count; i++)
        {
            buckets[i] = counts[i] == 0 ? [] : new DiscoveryContact[counts[i]];
            counts[i] = 0;
        }

        foreach (var (pos, contact) in found)
        {
            buckets[pos][counts[pos]++] = contact;
        }

        var accounts = new List<DiscoveryAccount>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var a = rows[i];
            if (buckets[i].Length > 1)
            {
                Array.Sort(buckets[i], static (x, y) => x.ContactId.CompareTo(y.ContactId));
            }

            accounts.Add(new DiscoveryAccount
            {
                AccountId = a.Id,
                Name = a.Name,
                NameSearch = a.NameSearch,
                SectorId = a.SectorId,
                RegionId = a.RegionId,
                SizeBand = a.SizeBand,
                CustomerSince = a.CustomerSince,
                SatisfactionKind = a.SatisfactionKind,
                SatisfactionScore = a.SatisfactionScore,
                ProductIds = products.TryGetValue(a.Id, out var owned) ? owned : [],
                Readiness = new AccountState(a.Id)
                {
                    OpenEscalations = a.OpenEscalations,
                    SatisfactionKind = a.SatisfactionKind,
                    SatisfactionScore = a.SatisfactionScore,
                    RenewalOn = a.RenewalOn,
                    DisclosurePermission = a.DisclosurePermission,
                    LargestOpenBid = bids.GetValueOrDefault(a.Id),
                    Gates = gates.TryGetValue(a.Id, out var set) ? set : [],
                },
                OnboardedHappilyOn = happy.TryGetValue(a.Id, out var on) ? on ?? DateOnly.MinValue : null,
                Wish = wishes.GetValueOrDefault(a.Id),
                Contacts = buckets[i],
            });
        }

        return accounts;
    }

    private static async Task<Dictionary<int, int[]>> ProductsAsync(EndorseDbContext db, List<int>? ids, Dictionary<int, int> position, CancellationToken ct)
    {
        var query = db.AccountProducts.AsNoTracking();
        if (ids is not null)
        {
            query = query.Where(p => ids.Contains(p.AccountId));
        }

        var lists = new Dictionary<int, List<int>>();
        await foreach (var p in query.Select(p => new { p.AccountId, p.ProductId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!position.ContainsKey(p.AccountId))
            {
                continue;
            }

            if (!lists.TryGetValue(p.AccountId, out var list))
            {
                lists[p.AccountId] = list = new List<int>(4);
            }

            list.Add(p.ProductId);
        }

        return lists.ToDictionary(l => l.Key, l =>
        {
            var array = l.Value.ToArray();
            Array.Sort(array);
            return array;
        });
    }

    /// <summary>The accounts of the best-used advocates: most completed activities in the last two years, then the lowest id.</summary>
    public static async Task<List<ProfileMember>> BestUsedAsync(EndorseDbContext db, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var from = today.AddDays(-ProfileDays);
        var best = await db.AdvocacyActivities.AsNoTracking()
            .Where(a => a.State == AdvocacyActivityState.Completed && a.OccurredOn >= from && a.OccurredOn <= today)
            .GroupBy(a => a.AdvocateId)
            .Select(g => new { AdvocateId = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.AdvocateId)
            .Take(ProfileAdvocates)
            .ToListAsync(ct);
        var advocateIds = best.Select(b => b.AdvocateId).ToList();
        var accountIds = await db.Advocates.AsNoTracking().Where(a => advocateIds.Contains(a.Id)).Select(a => a.AccountId).Distinct().ToListAsync(ct);
        return await MembersAsync(db, accountIds, fromAdvocates: true, ct);
    }

    /// <summary>The wish list's accounts (open wishes and those that came true).</summary>
    public static async Task<List<ProfileMember>> WishedAsync(EndorseDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var accountIds = await db.WishListEntries.AsNoTracking().Where(w => w.Stage != WishStage.Parked).Select(w => w.AccountId).Distinct().ToListAsync(ct);
        return await MembersAsync(db, accountIds, fromAdvocates: false, ct);
    }

    /// <summary>The profile from the two parts (an account in both counts once, marked as both).</summary>
    public static DiscoveryProfile Profile(IReadOnlyList<ProfileMember> bestUsed, IReadOnlyList<ProfileMember> wished)
    {
        ArgumentNullException.ThrowIfNull(bestUsed);
        ArgumentNullException.ThrowIfNull(wished);
        var wishedIds = wished.Select(w => w.AccountId).ToHashSet();
        var advocateIds = bestUsed.Select(w => w.AccountId).ToHashSet();
        return new DiscoveryProfile(
            bestUsed.Select(m => m with { FromWishList = wishedIds.Contains(m.AccountId) })
                .Concat(wished.Where(w => !advocateIds.Contains(w.AccountId))));
    }

    public static async Task<Dictionary<int, ProgramFact>> ProgramsAsync(EndorseDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.ExecutivePrograms.AsNoTracking().Select(p => new ProgramFact(p.Id, p.Name, p.Kind)).ToDictionaryAsync(p => p.Id, ct);
    }

    private static async Task<List<ProfileMember>> MembersAsync(EndorseDbContext db, List<int> accountIds, bool fromAdvocates, CancellationToken ct)
    {
        var members = new List<ProfileMember>(accountIds.Count);
        foreach (var chunk in accountIds.Order().Chunk(Chunk))
        {
            var ids = chunk.ToList();
            var products = await db.AccountProducts.AsNoTracking().Where(p => ids.Contains(p.AccountId)).Select(p => new { p.AccountId, p.ProductId }).ToListAsync(ct);
            var owned = products.GroupBy(p => p.AccountId).ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(p => p.ProductId).Order().ToArray());
            var rows = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id)
                .Select(a => new { a.Id, a.SectorId, a.RegionId, a.SizeBand }).ToListAsync(ct);
            members.AddRange(rows.Select(a => new ProfileMember(a.Id, a.SectorId, a.RegionId, a.SizeBand, owned.GetValueOrDefault(a.Id) ?? [], fromAdvocates, !fromAdvocates)));
        }

        return members;
    }

    /// <summary>Catalog names for the sentences.</summary>
    public static async Task<DiscoveryNames> NamesAsync(EndorseDbContext db, IReadOnlyDictionary<int, ProgramFact> programs, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sectors = await db.Sectors.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var products = await db.Products.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return new DiscoveryNames(sectors, regions, products, programs);
    }

    /// <summary>Today's readiness of an account, null when nothing blocks it (one rule set with matching).</summary>
    public static ReadinessResult? Blocking(FatiguePolicy policy, DiscoveryAccount account, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(account);
        var result = ReadinessRules.Evaluate(policy, account.Readiness, today);
        return result.Approachable ? null : result;
    }
}
