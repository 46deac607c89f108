using Endorse.Data;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Requests;

/// <summary>
/// Who may read a request (<see cref="RequestRules.MaySee"/>) as a query filter, applied wherever request data is read:
/// the request itself, the participations and usage timeline of the advocate page and API, the inbox. A person who may
/// not read a request learns at most that an advocate took part in "a request" (see docs/decisions.md).
/// </summary>
public static class RequestVisibility
{
    /// <summary>
    /// The requests <paramref name="reader"/> may read: all of them for reference managers, administrators, sales managers
    /// and executives; otherwise those they requested and those proposing an advocate of an account they own.
    /// </summary>
    public static IQueryable<ReferenceRequest> Readable(this IQueryable<ReferenceRequest> requests, EndorseDbContext db, RequestActor reader)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reader);
        if (RequestRules.SeesEveryRequest(reader))
        {
            return requests;
        }

        var userId = reader.UserId;
        return requests.Where(r => r.RequesterId == userId
            || db.RequestParticipants.Any(p => p.RequestId == r.Id
                && db.Advocates.Any(a => a.Id == p.AdvocateId && db.Accounts.Any(x => x.Id == a.AccountId && x.OwnerId == userId))));
    }

    /// <summary>Which of <paramref name="requestIds"/> <paramref name="reader"/> may read (one query, whatever their number).</summary>
    public static async Task<IReadOnlySet<int>> ReadableIdsAsync(EndorseDbContext db, RequestActor reader, IEnumerable<int> requestIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(requestIds);
        var ids = requestIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new HashSet<int>();
        }

        if (RequestRules.SeesEveryRequest(reader))
        {
            return ids.ToHashSet();
        }

        var readable = await db.ReferenceRequests.AsNoTracking().Readable(db, reader).Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
        return readable.ToHashSet();
    }
}
