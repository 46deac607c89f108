using Endorse.Accounts;
using Endorse.Contacts;
using Endorse.Data;
using Endorse.Listing;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Benchmarks;

/// <summary>The list queries the Accounts and Contacts pages run; returns the number of rows on the page.</summary>
public interface IListQueries
{
    Task<int> AccountsAsync(EndorseDbContext db, string? search, int? sectorId, PageRequest page);

    Task<int> ContactsAsync(EndorseDbContext db, string? search, SeniorityTier? tier, PageRequest page);
}

/// <summary>
/// The list queries built from the shared helpers (WherePrefix, ToPageAsync) with the same filters, sort and
/// Select projection as the Accounts and Contacts services of branch <c>accounts</c>.
/// TODO(accounts): once main has AccountService/ContactService, switch <see cref="ScaleHarness.Queries"/> to
/// <c>new ServiceListQueries()</c> calling <c>AccountService.ListAsync(new AccountFilter(search, sectorId), page)</c>
/// and <c>ContactService.ListAsync(new ContactFilter(search, SeniorityTier: tier), page)</c>.
/// </summary>
public sealed class SharedHelperListQueries : IListQueries
{
    public async Task<int> AccountsAsync(EndorseDbContext db, string? search, int? sectorId, PageRequest page)
    {
        var accounts = db.Accounts.AsNoTracking();
        var normalized = SearchText.Normalize(search);
        if (normalized.Length > 0)
        {
            accounts = accounts.WherePrefix(a => a.NameSearch, normalized);
        }

        if (sectorId is { } sector)
        {
            accounts = accounts.Where(a => a.SectorId == sector);
        }

        var rows = accounts.OrderBy(a => a.NameSearch).ThenBy(a => a.Id).Select(a => new
        {
            a.Id,
            a.Name,
            a.Country,
            Sector = a.Sector!.Name,
            Region = a.Region!.Name,
            SalesArea = a.SalesArea!.Name,
            Owner = db.Users.Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            a.SizeBand,
            a.CustomerSince,
            a.RenewalOn,
            a.SatisfactionKind,
            a.SatisfactionScore,
            a.OpenEscalations,
            a.DisclosurePermission,
        });
        return (await rows.ToPageAsync(page)).Items.Count;
    }

    public async Task<int> ContactsAsync(EndorseDbContext db, string? search, SeniorityTier? tier, PageRequest page)
    {
        var contacts = db.Contacts.AsNoTracking();
        if (tier is { } t)
        {
            contacts = contacts.Where(c => c.SeniorityTier == t);
        }

        var normalized = SearchText.Normalize(search);
        if (normalized.Contains('@', StringComparison.Ordinal))
        {
            contacts = contacts.WherePrefix(c => c.EmailSearch, normalized);
        }
        else if (normalized.Length > 0)
        {
            var upper = SearchText.UpperBound(normalized);
            contacts = contacts.Where(c =>
                (string.Compare(c.NameSearch, normalized) >= 0 && string.Compare(c.NameSearch, upper) < 0)
                || (string.Compare(c.FirstNameSearch, normalized) >= 0 && string.Compare(c.FirstNameSearch, upper) < 0));
        }

        var rows = contacts.OrderBy(c => c.NameSearch).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.Email, c.Title, c.SeniorityTier, c.AccountId, AccountName = c.Account!.Name });
        return (await rows.ToPageAsync(page)).Items.Count;
    }
}
