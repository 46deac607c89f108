using Endorse.Data;
using Endorse.Discovery;
using Endorse.Matching;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Readiness;

/// <summary>
/// Tells the in-memory indexes (matching, discovery) that an account's readiness or discovery facts changed, so the next
/// ranking reads them again (read-your-writes) instead of waiting for the periodic check.
/// </summary>
public sealed class AccountSignals(MatchIndex matchIndex, DiscoveryIndex discovery)
{
    public async Task ChangedAsync(EndorseDbContext db, int accountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        discovery.Invalidate(accountId);
        var advocates = await db.Advocates.AsNoTracking().Where(a => a.AccountId == accountId).Select(a => a.Id).ToListAsync(cancellationToken);
        foreach (var id in advocates)
        {
            matchIndex.Invalidate(id);
        }
    }
}
