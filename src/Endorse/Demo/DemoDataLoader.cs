using System.Globalization;
using System.Text.Json;
using Endorse.Data;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Demo;

/// <summary>The demo data set a first start loads through EF Core: about 300 accounts, 1,500 contacts and 600 opportunities.</summary>
public static class DemoDataLoader
{
    public const int Seed = 2026;
    public const int AccountCount = 300;
    public const int ContactCount = 1_500;
    public const int OpportunityCount = 600;

    /// <summary>Loads the demo data set unless the database already holds accounts. Returns false when it skipped.</summary>
    public static async Task<bool> LoadAsync(EndorseDbContext db, IReadOnlyList<string?> ownerIds, DateOnly today, CancellationToken cancellationToken = default)
    {
        if (await db.Accounts.AnyAsync(cancellationToken))
        {
            return false;
        }

        // One summary audit entry instead of 2,400 "Created" ones nobody would read.
        var auditEachChange = db.AuditEachChange;
        db.AuditEachChange = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var catalog = await DemoCatalog.EnsureAsync(db, today, cancellationToken);
            var generator = new DataGenerator(Seed, catalog, ownerIds, today);

            var accounts = generator.Accounts(AccountCount).ToList();
            db.Accounts.AddRange(accounts);
            await db.SaveChangesAsync(cancellationToken);

            db.Contacts.AddRange(generator.Contacts(ContactCount, i => accounts[i].Id));
            db.Opportunities.AddRange(generator.Opportunities(OpportunityCount, i => accounts[i].Id));
            db.Audit("DemoData", Seed.ToString(CultureInfo.InvariantCulture), "Loaded", JsonSerializer.Serialize(new { accounts = AccountCount, contacts = ContactCount, opportunities = OpportunityCount }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return true;
        }
        finally
        {
            db.AuditEachChange = auditEachChange;
        }
    }
}
