using Microsoft.EntityFrameworkCore;

namespace Endorse.Data;

/// <summary>Brings the schema up to date at start-up and sets SQLite up for a web app's concurrency.</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(EndorseDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets readers work while an import writes; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
    }
}
