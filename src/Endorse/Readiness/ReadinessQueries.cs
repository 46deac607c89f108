using Endorse.Data;
using Endorse.Fatigue;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Readiness;

/// <summary>Loads the facts the readiness gates read, for one account or many, straight from the database.</summary>
public static class ReadinessQueries
{
    private const int Chunk = 500;

    /// <summary>The facts of one account (null when it does not exist).</summary>
    public static async Task<AccountState?> AccountStateAsync(EndorseDbContext db, int accountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var states = await AccountStatesAsync(db, [accountId], cancellationToken);
        return states.GetValueOrDefault(accountId);
    }

    /// <summary>The facts of the accounts asked for (unknown ids are left out).</summary>
    public static async Task<Dictionary<int, AccountState>> AccountStatesAsync(EndorseDbContext db, IReadOnlyCollection<int> accountIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(accountIds);
        var result = new Dictionary<int, AccountState>(accountIds.Count);
        foreach (var chunk in accountIds.Distinct().Chunk(Chunk))
        {
            var ids = chunk.ToList();
            var bids = await LargestOpenBidsAsync(db, ids, cancellationToken: cancellationToken);
            var gates = await SetGatesAsync(db, ids, cancellationToken);
            var rows = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Id, a.OpenEscalations, a.SatisfactionKind, a.SatisfactionScore, a.RenewalOn, a.DisclosurePermission })
                .ToListAsync(cancellationToken);
            foreach (var a in rows)
            {
                result[a.Id] = new AccountState(a.Id)
                {
                    OpenEscalations = a.OpenEscalations,
                    SatisfactionKind = a.SatisfactionKind,
                    SatisfactionScore = a.SatisfactionScore,
                    RenewalOn = a.RenewalOn,
                    DisclosurePermission = a.DisclosurePermission,
                    LargestOpenBid = bids.GetValueOrDefault(a.Id),
                    Gates = gates.TryGetValue(a.Id, out var list) ? list : [],
                };
            }
        }

        return result;
    }

    /// <summary>
    /// Each account's largest open opportunity with an amount (ties: the lowest id), of the accounts asked for, or of
    /// all accounts when <paramref name="accountIds"/> is null and only bids of at least <paramref name="minimum"/>.
    /// </summary>
    public static async Task<Dictionary<int, OpenBid>> LargestOpenBidsAsync(EndorseDbContext db, IReadOnlyList<int>? accountIds, decimal? minimum = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Opportunities.AsNoTracking().Where(o => !o.IsClosed && o.Amount != null && o.AccountId != null);
        if (accountIds is not null)
        {
            query = query.Where(o => accountIds.Contains(o.AccountId!.Value));
        }

        if (minimum is { } min)
        {
            query = query.Where(o => o.Amount >= min);
        }

        var bids = new Dictionary<int, OpenBid>();
        await foreach (var o in query.Select(o => new { AccountId = o.AccountId!.Value, o.Id, o.Name, Amount = o.Amount!.Value, o.Currency, o.CloseDate }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!bids.TryGetValue(o.AccountId, out var best) || o.Amount > best.Amount || (o.Amount == best.Amount && o.Id < best.OpportunityId))
            {
                bids[o.AccountId] = new OpenBid(o.Id, o.Name, o.Amount, o.Currency, o.CloseDate);
            }
        }

        return bids;
    }

    /// <summary>The gates set on the accounts (all accounts when null) that were not lifted, in start order.</summary>
    public static async Task<Dictionary<int, List<SetGate>>> SetGatesAsync(EndorseDbContext db, IReadOnlyList<int>? accountIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.AccountGates.AsNoTracking().Where(g => g.LiftedOn == null);
        if (accountIds is not null)
        {
            query = query.Where(g => accountIds.Contains(g.AccountId));
        }

        var gates = new Dictionary<int, List<SetGate>>();
        var rows = await query.OrderBy(g => g.AccountId).ThenBy(g => g.StartsOn).ThenBy(g => g.Id)
            .Select(g => new { g.AccountId, Gate = new SetGate(g.Id, g.Kind, g.StartsOn, g.EndsOn, g.Reason) })
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            if (!gates.TryGetValue(row.AccountId, out var list))
            {
                gates[row.AccountId] = list = [];
            }

            list.Add(row.Gate);
        }

        return gates;
    }
}
