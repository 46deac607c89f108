using Endorse.Accounts;
using Endorse.Audit;
using Endorse.Data;
using Endorse.Listing;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Contacts;

/// <summary>Lists, reads and changes contacts. Changing a contact follows its account's access rule.</summary>
public sealed class ContactService(EndorseDbContext db, ContactValidator validator, AccountService accounts)
{
    /// <summary>
    /// The filtered, sorted list rows in up to two parts, each an index range scan in index order: contacts whose
    /// last name matches the search first, then those matched only by first name. One OR over both ranges would
    /// make the database collect and sort every match (seconds at a million contacts, see docs/performance.md).
    /// </summary>
    public (IQueryable<ContactListRow> First, IQueryable<ContactListRow>? Second) Query(ContactFilter filter, bool descending = false)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var contacts = db.Contacts.AsNoTracking();
        if (filter.AccountId is { } accountId)
        {
            contacts = contacts.Where(c => c.AccountId == accountId);
        }

        if (filter.SeniorityTier is { } tier)
        {
            contacts = contacts.Where(c => c.SeniorityTier == tier);
        }

        if (filter.SectorId is { } sectorId)
        {
            contacts = contacts.Where(c => c.SectorId == sectorId);
        }

        if (filter.RegionId is { } regionId)
        {
            contacts = contacts.Where(c => c.RegionId == regionId);
        }

        if (filter.ProductId is { } productId)
        {
            contacts = contacts.Where(c => db.AccountProducts.Any(p => p.AccountId == c.AccountId && p.ProductId == productId));
        }

        if (filter.NotAdvocates)
        {
            contacts = contacts.Where(c => !db.Advocates.Any(a => a.ContactId == c.Id));
        }

        var search = SearchText.Normalize(filter.Search);
        if (search.Contains('@', StringComparison.Ordinal))
        {
            return (Rows(Sorted(contacts.WherePrefix(c => c.EmailSearch, search), c => c.EmailSearch, descending)), null);
        }

        if (search.Length == 0)
        {
            return (Rows(Sorted(contacts, c => c.NameSearch, descending)), null);
        }

        var upper = SearchText.UpperBound(search);
        var byLastName = contacts.WherePrefix(c => c.NameSearch, search);
        var byFirstNameOnly = contacts.WherePrefix(c => c.FirstNameSearch, search)
            .Where(c => !(string.Compare(c.NameSearch, search) >= 0 && string.Compare(c.NameSearch, upper) < 0));
        return (Rows(Sorted(byLastName, c => c.NameSearch, descending)), Rows(Sorted(byFirstNameOnly, c => c.FirstNameSearch, descending)));
    }

    public Task<Page<ContactListRow>> ListAsync(ContactFilter filter, PageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (first, second) = Query(filter, request.Descending);
        return second is null ? first.ToPageAsync(request, cancellationToken) : first.ToPageAsync(second, request, cancellationToken);
    }

    /// <summary>Every matching row, streamed in list order, for a CSV export.</summary>
    public async IAsyncEnumerable<ContactListRow> ExportAsync(ContactFilter filter, bool descending, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (first, second) = Query(filter, descending);
        await foreach (var row in first.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }

        if (second is not null)
        {
            await foreach (var row in second.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                yield return row;
            }
        }
    }

    private static IQueryable<Contact> Sorted(IQueryable<Contact> contacts, System.Linq.Expressions.Expression<Func<Contact, string>> key, bool descending) =>
        descending ? contacts.OrderByDescending(key).ThenByDescending(c => c.Id) : contacts.OrderBy(key).ThenBy(c => c.Id);

    private static IQueryable<ContactListRow> Rows(IQueryable<Contact> contacts) =>
        contacts.Select(c => new ContactListRow(c.Id, c.FirstName, c.LastName, c.Email, c.Title, c.SeniorityTier, c.AccountId, c.Account!.Name));

    public async Task<ContactDetails?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var contact = await db.Contacts.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new ContactDetails(c.Id, c.AccountId, c.Account!.Name, c.FirstName, c.LastName, c.Email, c.Phone, c.Title, c.SeniorityTier, c.SeniorityInferred, c.Language, c.Source, c.ExternalId, c.CreatedAt, c.UpdatedAt))
            .FirstOrDefaultAsync(cancellationToken);
        if (contact is { SeniorityInferred: false }
            && await LastPersonChange.FindAsync(db, nameof(Contact), id, [nameof(Contact.SeniorityTier), nameof(Contact.SeniorityInferred)], cancellationToken) is { } setBy)
        {
            contact = contact with { SeniorityTierSetBy = setBy.UserName, SeniorityTierSetAt = setBy.At };
        }

        return contact;
    }

    /// <summary>
    /// A person's correction of the tier: a tier is kept by every later import whatever the title says; null reads it
    /// from the title again. Needs the right to change the contact's account and the updatedAt it was read at; audited.
    /// </summary>
    public async Task<CommandResult<ContactDetails>> SetSeniorityAsync(int id, SeniorityInput input, CustomerActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
        {
            return CommandResult.Missing<ContactDetails>();
        }

        var account = await AccountAsync(contact.AccountId, cancellationToken);
        if (account is null || !await accounts.MayChangeAsync(actor, account.OwnerId, account.SalesAreaId, cancellationToken))
        {
            return CommandResult.Denied<ContactDetails>();
        }

        var errors = new ValidationErrors();
        if (input.SeniorityTier is { } tier)
        {
            errors.Defined("seniorityTier", tier, "Seniority tier");
        }

        if (input.UpdatedAt is null)
        {
            errors.Add("updatedAt", "Send the updatedAt you read, so a change made meanwhile is not overwritten.");
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid<ContactDetails>(errors);
        }

        if (contact.UpdatedAt != input.UpdatedAt)
        {
            return CommandResult.Stale<ContactDetails>();
        }

        db.Entry(contact).Property(c => c.UpdatedAt).OriginalValue = input.UpdatedAt!.Value;

        // A tier given here is the person's even when it equals the inferred one: they confirm it, and imports keep it.
        (contact.SeniorityTier, contact.SeniorityInferred) = input.SeniorityTier is { } chosen
            ? (chosen, false)
            : (SeniorityInference.FromTitle(contact.Title), true);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Stale<ContactDetails>();
        }

        return CommandResult.Ok((await GetAsync(contact.Id, cancellationToken))!);
    }

    /// <summary>Whether the actor may change contacts of this account (for showing buttons).</summary>
    public Task<bool> CanChangeForAccountAsync(int accountId, CustomerActor actor, CancellationToken cancellationToken = default) =>
        accounts.CanChangeAsync(accountId, actor, cancellationToken);

    public async Task<CommandResult<ContactDetails>> CreateAsync(ContactInput input, CustomerActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var account = await AccountAsync(input.AccountId, cancellationToken);
        var errors = validator.Validate(input, account is not null);
        if (!errors.IsValid)
        {
            return CommandResult.Invalid<ContactDetails>(errors);
        }

        if (!await accounts.MayChangeAsync(actor, account!.OwnerId, account.SalesAreaId, cancellationToken))
        {
            return CommandResult.Denied<ContactDetails>();
        }

        var (tier, inferred) = SeniorityRule.Decide(input.SeniorityTier, input.Title);
        var contact = new Contact { LastName = input.LastName!.Trim(), SeniorityTier = tier, SeniorityInferred = inferred };
        Apply(contact, input, account!);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok((await GetAsync(contact.Id, cancellationToken))!);
    }

    public async Task<CommandResult<ContactDetails>> UpdateAsync(int id, ContactInput input, CustomerActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
        {
            return CommandResult.Missing<ContactDetails>();
        }

        var current = await AccountAsync(contact.AccountId, cancellationToken);
        if (current is null || !await accounts.MayChangeAsync(actor, current.OwnerId, current.SalesAreaId, cancellationToken))
        {
            return CommandResult.Denied<ContactDetails>();
        }

        var target = input.AccountId == contact.AccountId ? current : await AccountAsync(input.AccountId, cancellationToken);
        var errors = validator.Validate(input, target is not null);
        if (input.UpdatedAt is null)
        {
            errors.Add("updatedAt", "Send the updatedAt you read, so a change made meanwhile is not overwritten.");
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid<ContactDetails>(errors);
        }

        // Moving a contact to another account needs the right to change that account too.
        if (target != current && !await accounts.MayChangeAsync(actor, target!.OwnerId, target.SalesAreaId, cancellationToken))
        {
            return CommandResult.Denied<ContactDetails>();
        }

        if (contact.UpdatedAt != input.UpdatedAt)
        {
            return CommandResult.Stale<ContactDetails>();
        }

        db.Entry(contact).Property(c => c.UpdatedAt).OriginalValue = input.UpdatedAt!.Value;
        (contact.SeniorityTier, contact.SeniorityInferred) = SeniorityRule.Decide(input.SeniorityTier, input.Title, contact.SeniorityTier, contact.SeniorityInferred);
        contact.LastName = input.LastName!.Trim();
        Apply(contact, input, target!);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Stale<ContactDetails>();
        }

        return CommandResult.Ok((await GetAsync(contact.Id, cancellationToken))!);
    }

    public async Task<CommandResult<bool>> DeleteAsync(int id, CustomerActor actor, CancellationToken cancellationToken = default)
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
        {
            return CommandResult.Missing<bool>();
        }

        var account = await AccountAsync(contact.AccountId, cancellationToken);
        if (account is null || !await accounts.MayChangeAsync(actor, account.OwnerId, account.SalesAreaId, cancellationToken))
        {
            return CommandResult.Denied<bool>();
        }

        db.Contacts.Remove(contact);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Stale<bool>();
        }

        return CommandResult.Ok(true);
    }

    private async Task<AccountOwnership?> AccountAsync(int accountId, CancellationToken cancellationToken) =>
        accountId <= 0
            ? null
            : await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => new AccountOwnership(a.Id, a.OwnerId, a.SalesAreaId, a.SectorId, a.RegionId)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Sets the contact's fields from the input; the account's sector and region go with it (ContactPlaces).</summary>
    private static void Apply(Contact contact, ContactInput input, AccountOwnership account)
    {
        contact.AccountId = account.Id;
        (contact.SectorId, contact.RegionId) = (account.SectorId, account.RegionId);
        contact.FirstName = NullIfBlank(input.FirstName);
        contact.Email = NullIfBlank(input.Email);
        contact.Phone = NullIfBlank(input.Phone);
        contact.Title = NullIfBlank(input.Title);
        contact.Language = Formatting.Languages.Code(input.Language);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed record AccountOwnership(int Id, string? OwnerId, int? SalesAreaId, int? SectorId, int? RegionId);
}
