using Endorse.Data;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Outcomes;

/// <summary>Looks up users for notices and names.</summary>
public static class People
{
    /// <summary>The ids of the active users in a role, in a fixed order.</summary>
    public static Task<List<string>> InRoleAsync(EndorseDbContext db, string role, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var roleIds = db.Roles.Where(r => r.Name == role).Select(r => r.Id);
        return db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(cancellationToken);
    }

    /// <summary>A user's display name (null when there is no such user).</summary>
    public static Task<string?> NameAsync(EndorseDbContext db, string? userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return userId is null
            ? Task.FromResult<string?>(null)
            : db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => (string?)u.DisplayName).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Display names of users, by id.</summary>
    public static async Task<Dictionary<string, string>> NamesAsync(EndorseDbContext db, IEnumerable<string?> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = userIds.Where(i => i is not null).Select(i => i!).Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }
}
