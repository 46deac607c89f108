using Endorse.Data;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Contacts;

/// <summary>
/// Contacts carry copies of their account's sector and region (<see cref="Contact.SectorId"/>, <see cref="Contact.RegionId"/>)
/// so that a contact list filtered by them reads an index of its own instead of joining every contact to its account.
/// Writers that create or move a contact set the copies from the account; when an account's sector or region changes,
/// <see cref="RefreshAsync"/> brings its contacts in line in one statement.
/// </summary>
public static class ContactPlaces
{
    /// <summary>Sets the copies of the given accounts' contacts (in the context's current transaction, if any); returns the rows changed.</summary>
    public static Task<int> RefreshAsync(EndorseDbContext db, IReadOnlyCollection<int> accountIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(accountIds);
        if (accountIds.Count == 0)
        {
            return Task.FromResult(0);
        }

        var ids = accountIds.Distinct().ToList();
        return db.Contacts
            .Where(c => ids.Contains(c.AccountId))
            .ExecuteUpdateAsync(
                s => s
                    .SetProperty(c => c.SectorId, c => db.Accounts.Where(a => a.Id == c.AccountId).Select(a => a.SectorId).FirstOrDefault())
                    .SetProperty(c => c.RegionId, c => db.Accounts.Where(a => a.Id == c.AccountId).Select(a => a.RegionId).FirstOrDefault()),
                cancellationToken);
    }
}
