using Endorse.Accounts;
using Endorse.Contacts;
using Endorse.Opportunities;

namespace Endorse.Data;

/// <summary>
/// The columns <see cref="BulkWriter"/> writes for each bulk-written entity, read from the entity itself: whoever
/// writes in bulk (the data generator, the import) fills the entity as EF Core would, including the search columns
/// (<see cref="SearchColumns.Refresh"/>) and timestamps, and these lists put every column of it in the table.
/// The database generates <c>Id</c>; the data generator, which chooses account ids itself, adds it.
/// </summary>
public static class BulkColumns
{
    public static readonly BulkColumn<Account>[] Accounts =
    [
        new("Name", a => a.Name),
        new("NameSearch", a => a.NameSearch),
        new("Website", a => a.Website),
        new("Country", a => a.Country),
        new("SectorId", a => a.SectorId),
        new("RegionId", a => a.RegionId),
        new("SalesAreaId", a => a.SalesAreaId),
        new("Employees", a => a.Employees),
        new("SizeBand", a => (int)a.SizeBand),
        new("AnnualRevenue", a => a.AnnualRevenue),
        new("CustomerSince", a => a.CustomerSince),
        new("Relationship", a => (int)a.Relationship),
        new("RelationshipSource", a => (int)a.RelationshipSource),
        new("CrmRelationship", a => (int?)a.CrmRelationship),
        new("Industry", a => a.Industry),
        new("ContractSignedOn", a => a.ContractSignedOn),
        new("RenewalOn", a => a.RenewalOn),
        new("SatisfactionKind", a => (int)a.SatisfactionKind),
        new("SatisfactionScore", a => a.SatisfactionScore),
        new("SatisfactionMeasuredOn", a => a.SatisfactionMeasuredOn),
        new("OpenEscalations", a => a.OpenEscalations),
        new("OwnerId", a => a.OwnerId),
        new("OwnerExternalId", a => a.OwnerExternalId),
        new("DisclosurePermission", a => (int)a.DisclosurePermission),
        new("Notes", a => a.Notes),
        new("Source", a => (int)a.Source),
        new("ExternalId", a => a.ExternalId),
        new("CreatedAt", a => a.CreatedAt),
        new("UpdatedAt", a => a.UpdatedAt),
    ];

    public static readonly BulkColumn<AccountProduct>[] AccountProducts =
    [
        new("AccountId", p => p.AccountId),
        new("ProductId", p => p.ProductId),
        new("GoLiveOn", p => p.GoLiveOn),
    ];

    public static readonly BulkColumn<Contact>[] Contacts =
    [
        new("AccountId", c => c.AccountId),
        new("SectorId", c => c.SectorId),
        new("RegionId", c => c.RegionId),
        new("FirstName", c => c.FirstName),
        new("LastName", c => c.LastName),
        new("NameSearch", c => c.NameSearch),
        new("FirstNameSearch", c => c.FirstNameSearch),
        new("Email", c => c.Email),
        new("EmailSearch", c => c.EmailSearch),
        new("Phone", c => c.Phone),
        new("Title", c => c.Title),
        new("SeniorityTier", c => (int)c.SeniorityTier),
        new("SeniorityInferred", c => c.SeniorityInferred),
        new("Language", c => c.Language),
        new("Source", c => (int)c.Source),
        new("ExternalId", c => c.ExternalId),
        new("CreatedAt", c => c.CreatedAt),
        new("UpdatedAt", c => c.UpdatedAt),
    ];

    public static readonly BulkColumn<Opportunity>[] Opportunities =
    [
        new("Name", o => o.Name),
        new("NameSearch", o => o.NameSearch),
        new("AccountId", o => o.AccountId),
        new("Stage", o => o.Stage),
        new("Amount", o => o.Amount),
        new("Currency", o => o.Currency),
        new("CloseDate", o => o.CloseDate),
        new("IsClosed", o => o.IsClosed),
        new("IsWon", o => o.IsWon),
        new("ProductId", o => o.ProductId),
        new("OwnerId", o => o.OwnerId),
        new("OwnerExternalId", o => o.OwnerExternalId),
        new("Source", o => (int)o.Source),
        new("ExternalId", o => o.ExternalId),
        new("CreatedAt", o => o.CreatedAt),
        new("UpdatedAt", o => o.UpdatedAt),
    ];

    /// <summary>The columns of <paramref name="columns"/> with the given names, in that list's order.</summary>
    public static BulkColumn<T>[] Only<T>(IEnumerable<BulkColumn<T>> columns, params string[] names)
    {
        var chosen = columns.Where(c => names.Contains(c.Name, StringComparer.Ordinal)).ToArray();
        return chosen.Length == names.Length ? chosen : throw new ArgumentException($"Unknown column in {string.Join(", ", names)}.", nameof(names));
    }
}
