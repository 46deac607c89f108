using Endorse.Data;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Accounts;

/// <summary>
/// Keeps accounts' stored relationship equal to what <see cref="AccountRelationshipRule"/> decides when something it
/// depends on changes outside the account's own form: an opportunity won or un-won (the opportunity service, an
/// import, a deal-stage mapping applied). Accounts a person set are left alone.
/// </summary>
public static class AccountRelationships
{
    private const int Chunk = 1_000;

    /// <summary>Re-decides the given accounts (in the context's current transaction, if any); returns how many changed.</summary>
    public static async Task<int> RefreshAsync(EndorseDbContext db, IEnumerable<int> accountIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(accountIds);
        var now = db.Clock.GetUtcNow();
        var changed = 0;
        foreach (var chunk in accountIds.Distinct().Order().Chunk(Chunk))
        {
            var ids = chunk.ToList();
            var accounts = await db.Accounts.AsNoTracking()
                .Where(a => ids.Contains(a.Id) && a.RelationshipSource != RelationshipSource.Person)
                .Select(a => new
                {
                    a.Id,
                    a.Relationship,
                    a.RelationshipSource,
                    a.CrmRelationship,
                    a.CustomerSince,
                    HasWon = db.Opportunities.Any(o => o.AccountId == a.Id && o.IsWon),
                })
                .ToListAsync(cancellationToken);
            var moves = accounts
                .Select(a => (a.Id, Now: AccountRelationshipRule.Decide(a.Relationship, a.RelationshipSource, a.CrmRelationship, a.HasWon, a.CustomerSince), Was: (a.Relationship, a.RelationshipSource)))
                .Where(a => a.Now != a.Was)
                .GroupBy(a => a.Now);
            foreach (var move in moves)
            {
                var (relationship, source) = move.Key;
                var moved = move.Select(m => m.Id).ToList();
                changed += await db.Accounts.Where(a => moved.Contains(a.Id)).ExecuteUpdateAsync(
                    s => s.SetProperty(a => a.Relationship, relationship).SetProperty(a => a.RelationshipSource, source).SetProperty(a => a.UpdatedAt, now),
                    cancellationToken);
            }
        }

        return changed;
    }

    /// <summary>Whether the account has a won opportunity (for a save that decides its relationship).</summary>
    public static Task<bool> HasWonAsync(EndorseDbContext db, int accountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Opportunities.AnyAsync(o => o.AccountId == accountId && o.IsWon, cancellationToken);
    }
}
