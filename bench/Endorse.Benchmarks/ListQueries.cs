using Endorse.Accounts;
using Endorse.Contacts;
using Endorse.Data;
using Endorse.Listing;

namespace Endorse.Benchmarks;

/// <summary>The list queries the Accounts and Contacts pages and API run, through their real services; returns the rows on the page.</summary>
public static class ListQueries
{
    public static async Task<int> AccountsAsync(EndorseDbContext db, string? search, int? sectorId, PageRequest page)
    {
        var service = new AccountService(db, new AccountValidator());
        return (await service.ListAsync(new AccountFilter(search, sectorId), page)).Items.Count;
    }

    public static Task<int> ContactsAsync(EndorseDbContext db, string? search, SeniorityTier? tier, PageRequest page) =>
        ContactsAsync(db, new ContactFilter(search, SeniorityTier: tier), page);

    /// <summary>Any contact filter, as the Contacts page and the bulk-enrol page send it.</summary>
    public static async Task<int> ContactsAsync(EndorseDbContext db, ContactFilter filter, PageRequest page)
    {
        var service = new ContactService(db, new ContactValidator(), new AccountService(db, new AccountValidator()));
        return (await service.ListAsync(filter, page)).Items.Count;
    }
}
