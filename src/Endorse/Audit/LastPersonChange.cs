using Endorse.Data;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Audit;

/// <summary>Who last changed a field by hand and when, read from the audit log (imports and derived updates write no per-row entries).</summary>
public sealed record PersonChange(string? UserName, DateTimeOffset At);

public static class LastPersonChange
{
    /// <summary>The newest audit entry of the entity that changed one of <paramref name="fields"/>, if any.</summary>
    public static async Task<PersonChange?> FindAsync(EndorseDbContext db, string entityType, int entityId, IReadOnlyList<string> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(fields);
        var id = entityId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // An entity has few entries; they are read by the (EntityType, EntityId) index and matched here.
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityId == id && e.Changes != null)
            .OrderByDescending(e => e.Id)
            .Select(e => new { e.UserName, e.At, e.Changes })
            .Take(200)
            .ToListAsync(cancellationToken);
        var match = entries.FirstOrDefault(e => fields.Any(f => e.Changes!.Contains("\"" + f + "\"", StringComparison.Ordinal)));
        return match is null ? null : new PersonChange(match.UserName, match.At);
    }
}
