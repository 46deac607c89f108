using Endorse.Data;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Readiness;

/// <summary>The newest change seen of the readiness facts that live outside the account row.</summary>
public readonly record struct ReadinessStamp(DateTimeOffset Opportunities, DateTimeOffset Gates)
{
    /// <summary>The newer of each part.</summary>
    public static ReadinessStamp Max(ReadinessStamp a, ReadinessStamp b) =>
        new(a.Opportunities > b.Opportunities ? a.Opportunities : b.Opportunities, a.Gates > b.Gates ? a.Gates : b.Gates);
}

/// <summary>
/// Finds the accounts whose readiness facts outside the account row changed (an opportunity created, changed or closed;
/// a gate set or lifted), by the rows' <c>UpdatedAt</c> (both indexed), so in-memory indexes can reload just those accounts.
/// </summary>
public static class ReadinessChanges
{
    public static async Task<ReadinessStamp> StampAsync(EndorseDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var opportunities = await db.Opportunities.AsNoTracking().OrderByDescending(o => o.UpdatedAt).Select(o => o.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
        var gates = await db.AccountGates.AsNoTracking().OrderByDescending(g => g.UpdatedAt).Select(g => g.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
        return new ReadinessStamp(opportunities, gates);
    }

    /// <summary>The accounts touched since <paramref name="since"/>, and the new stamp.</summary>
    public static async Task<(HashSet<int> AccountIds, ReadinessStamp Stamp)> SinceAsync(EndorseDbContext db, ReadinessStamp since, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = new HashSet<int>();
        var opportunities = since.Opportunities;
        var gates = since.Gates;
        var changedOpportunities = await db.Opportunities.AsNoTracking().Where(o => o.UpdatedAt > opportunities)
            .Select(o => new { o.AccountId, o.UpdatedAt }).ToListAsync(cancellationToken);
        foreach (var o in changedOpportunities)
        {
            if (o.AccountId is { } id)
            {
                ids.Add(id);
            }

            opportunities = o.UpdatedAt > opportunities ? o.UpdatedAt : opportunities;
        }

        var changedGates = await db.AccountGates.AsNoTracking().Where(g => g.UpdatedAt > gates)
            .Select(g => new { g.AccountId, g.UpdatedAt }).ToListAsync(cancellationToken);
        foreach (var g in changedGates)
        {
            ids.Add(g.AccountId);
            gates = g.UpdatedAt > gates ? g.UpdatedAt : gates;
        }

        return (ids, new ReadinessStamp(opportunities, gates));
    }
}
