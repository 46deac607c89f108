using System.Text.Json;
using Endorse.Audit;
using Endorse.Contacts;
using Endorse.Data;
using Endorse.Listing;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Accounts;

/// <summary>Lists, reads and changes accounts. The API and the pages both go through here.</summary>
public sealed class AccountService(EndorseDbContext db, AccountValidator validator)
{
    /// <summary>The filtered, sorted list rows (not yet paged), for a page or a CSV export.</summary>
    public IQueryable<AccountListRow> Query(AccountFilter filter, string? sort = null, bool descending = false)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var accounts = db.Accounts.AsNoTracking();
        var search = SearchText.Normalize(filter.Search);
        if (search.Length > 0)
        {
            accounts = accounts.WherePrefix(a => a.NameSearch, search);
        }

        if (filter.SectorId is { } sectorId)
        {
            accounts = accounts.Where(a => a.SectorId == sectorId);
        }

        if (filter.RegionId is { } regionId)
        {
            accounts = accounts.Where(a => a.RegionId == regionId);
        }

        if (filter.SalesAreaId is { } salesAreaId)
        {
            accounts = accounts.Where(a => a.SalesAreaId == salesAreaId);
        }

        if (!string.IsNullOrEmpty(filter.OwnerId))
        {
            accounts = accounts.Where(a => a.OwnerId == filter.OwnerId);
        }

        if (filter.Disclosure is { } disclosure)
        {
            accounts = accounts.Where(a => a.DisclosurePermission == disclosure);
        }

        if (filter.SizeBand is { } sizeBand)
        {
            accounts = accounts.Where(a => a.SizeBand == sizeBand);
        }

        if (filter.Relationship is { } relationship)
        {
            accounts = accounts.Where(a => a.Relationship == relationship);
        }

        accounts = (sort ?? AccountSorts.Name).ToUpperInvariant() switch
        {
            "CUSTOMERSINCE" => descending
                ? accounts.OrderByDescending(a => a.CustomerSince).ThenByDescending(a => a.Id)
                : accounts.OrderBy(a => a.CustomerSince).ThenBy(a => a.Id),
            "RENEWALON" => descending
                ? accounts.OrderByDescending(a => a.RenewalOn).ThenByDescending(a => a.Id)
                : accounts.OrderBy(a => a.RenewalOn).ThenBy(a => a.Id),
            _ => descending
                ? accounts.OrderByDescending(a => a.NameSearch).ThenByDescending(a => a.Id)
                : accounts.OrderBy(a => a.NameSearch).ThenBy(a => a.Id),
        };

        return accounts.Select(a => new AccountListRow(
            a.Id,
            a.Name,
            a.Country,
            a.Sector!.Name,
            a.Region!.Name,
            a.SalesArea!.Name,
            db.Users.Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            a.SizeBand,
            a.CustomerSince,
            a.RenewalOn,
            a.SatisfactionKind,
            a.SatisfactionScore,
            a.OpenEscalations,
            a.DisclosurePermission,
            a.Relationship));
    }

    public Task<Page<AccountListRow>> ListAsync(AccountFilter filter, PageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Query(filter, request.Sort, request.Descending).ToPageAsync(request, cancellationToken);
    }

    public async Task<AccountDetails?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var details = await db.Accounts.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new AccountDetails(
                a.Id,
                a.Name,
                a.Website,
                a.Country,
                a.SectorId,
                a.Sector!.Name,
                a.RegionId,
                a.Region!.Name,
                a.SalesAreaId,
                a.SalesArea!.Name,
                a.Employees,
                a.SizeBand,
                a.AnnualRevenue,
                a.CustomerSince,
                a.ContractSignedOn,
                a.RenewalOn,
                a.SatisfactionKind,
                a.SatisfactionScore,
                a.SatisfactionMeasuredOn,
                a.OpenEscalations,
                a.OwnerId,
                db.Users.Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                a.DisclosurePermission,
                a.Notes,
                a.Source,
                a.ExternalId,
                a.CreatedAt,
                a.UpdatedAt,
                new List<AccountProductRow>(),
                db.Contacts.Count(c => c.AccountId == a.Id),
                db.Opportunities.Count(o => o.AccountId == a.Id && !o.IsClosed),
                a.Relationship,
                a.RelationshipSource,
                a.CrmRelationship,
                a.Industry,
                db.Opportunities.Count(o => o.AccountId == a.Id && o.IsWon)))
            .FirstOrDefaultAsync(cancellationToken);
        if (details is null)
        {
            return null;
        }

        if (details.RelationshipSource == RelationshipSource.Person
            && await LastPersonChange.FindAsync(db, nameof(Account), id, [nameof(Account.Relationship), nameof(Account.RelationshipSource)], cancellationToken) is { } setBy)
        {
            details = details with { RelationshipSetBy = setBy.UserName, RelationshipSetAt = setBy.At };
        }

        var products = await db.AccountProducts.AsNoTracking()
            .Where(p => p.AccountId == id)
            .OrderBy(p => p.Product!.Name)
            .Select(p => new AccountProductRow(p.ProductId, p.Product!.Name, p.GoLiveOn))
            .ToListAsync(cancellationToken);
        return details with { Products = products };
    }

    /// <summary>Whether the actor may change this account (for showing Edit buttons).</summary>
    public async Task<bool> CanChangeAsync(int id, CustomerActor actor, CancellationToken cancellationToken = default)
    {
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.OwnerId, a.SalesAreaId }).FirstOrDefaultAsync(cancellationToken);
        return account is not null && await MayChangeAsync(actor, account.OwnerId, account.SalesAreaId, cancellationToken);
    }

    /// <summary>Row-level access: who may change an account owned by <paramref name="ownerId"/> in <paramref name="salesAreaId"/>.</summary>
    public async Task<bool> MayChangeAsync(CustomerActor actor, string? ownerId, int? salesAreaId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.MayChangeCustomers)
        {
            return false;
        }

        int? userSalesAreaId = null;
        if (actor.Roles.Contains(Roles.SalesManager) && actor.UserId is not null)
        {
            userSalesAreaId = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => u.SalesAreaId).FirstOrDefaultAsync(cancellationToken);
        }

        return AccountAccess.CanChange(actor.Roles, actor.UserId, userSalesAreaId, ownerId, salesAreaId);
    }

    public async Task<CommandResult<AccountDetails>> CreateAsync(AccountInput input, CustomerActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);

        // A sales rep's new account is theirs unless they say otherwise (and then access refuses it).
        if (string.IsNullOrWhiteSpace(input.OwnerId) && actor.IsSalesRepOnly)
        {
            input.OwnerId = actor.UserId;
        }

        var errors = validator.Validate(input, await ReferencesAsync(input, cancellationToken));
        if (!errors.IsValid)
        {
            return CommandResult.Invalid<AccountDetails>(errors);
        }

        if (!await MayChangeAsync(actor, NullIfBlank(input.OwnerId), input.SalesAreaId, cancellationToken))
        {
            return CommandResult.Denied<AccountDetails>();
        }

        var account = new Account { Name = input.Name!.Trim() };
        Apply(account, input);
        (account.Relationship, account.RelationshipSource) = AccountRelationshipRule.Choose(input.Relationship, AccountRelationship.Prospect, RelationshipSource.Derived, null, false, input.CustomerSince);
        foreach (var product in input.Products)
        {
            account.Products.Add(new AccountProduct { ProductId = product.ProductId, GoLiveOn = product.GoLiveOn });
        }

        db.Accounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        if (input.Products.Count > 0)
        {
            db.Audit(nameof(Account), Id(account.Id), "ProductsChanged", DescribeProducts([], input.Products));
            await db.SaveChangesAsync(cancellationToken);
        }

        return CommandResult.Ok((await GetAsync(account.Id, cancellationToken))!);
    }

    public async Task<CommandResult<AccountDetails>> UpdateAsync(int id, AccountInput input, CustomerActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var account = await db.Accounts.Include(a => a.Products).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return CommandResult.Missing<AccountDetails>();
        }

        if (!await MayChangeAsync(actor, account.OwnerId, account.SalesAreaId, cancellationToken))
        {
            return CommandResult.Denied<AccountDetails>();
        }

        var errors = validator.Validate(input, await ReferencesAsync(input, cancellationToken));
        if (input.UpdatedAt is null)
        {
            errors.Add("updatedAt", "Send the updatedAt you read, so a change made meanwhile is not overwritten.");
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid<AccountDetails>(errors);
        }

        if (account.UpdatedAt != input.UpdatedAt)
        {
            return CommandResult.Stale<AccountDetails>();
        }

        db.Entry(account).Property(a => a.UpdatedAt).OriginalValue = input.UpdatedAt!.Value;
        account.Name = input.Name!.Trim();
        var hasWon = await AccountRelationships.HasWonAsync(db, account.Id, cancellationToken);
        (account.Relationship, account.RelationshipSource) = AccountRelationshipRule.Choose(
            input.Relationship, account.Relationship, account.RelationshipSource, account.CrmRelationship, hasWon, input.CustomerSince);
        Apply(account, input);

        var before = account.Products.Select(p => new AccountProductInput { ProductId = p.ProductId, GoLiveOn = p.GoLiveOn }).ToList();
        var productsChanged = SyncProducts(account, input.Products);
        if (productsChanged)
        {
            // Products live in their own table: touch the account so its version moves on and a stale edit is caught.
            db.Entry(account).Property(a => a.UpdatedAt).IsModified = true;
            db.Audit(nameof(Account), Id(account.Id), "ProductsChanged", DescribeProducts(before, input.Products));
        }

        // A new sector or region moves the copies its contacts carry, in the same transaction.
        var entry = db.Entry(account);
        var moved = !Equals(entry.Property(a => a.SectorId).OriginalValue, account.SectorId) || !Equals(entry.Property(a => a.RegionId).OriginalValue, account.RegionId);
        await using var transaction = moved && db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Stale<AccountDetails>();
        }

        if (moved)
        {
            await ContactPlaces.RefreshAsync(db, [account.Id], cancellationToken);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return CommandResult.Ok((await GetAsync(account.Id, cancellationToken))!);
    }

    /// <summary>
    /// A person's correction of the relationship (null hands it back to the CRM or the derivation). Needs the right to
    /// change the account and the updatedAt it was read at; audited like any change to the account.
    /// </summary>
    public async Task<CommandResult<AccountDetails>> SetRelationshipAsync(int id, RelationshipInput input, CustomerActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return CommandResult.Missing<AccountDetails>();
        }

        if (!await MayChangeAsync(actor, account.OwnerId, account.SalesAreaId, cancellationToken))
        {
            return CommandResult.Denied<AccountDetails>();
        }

        var errors = new ValidationErrors();
        if (input.Relationship is { } relationship)
        {
            errors.Defined("relationship", relationship, "Relationship");
        }

        if (input.UpdatedAt is null)
        {
            errors.Add("updatedAt", "Send the updatedAt you read, so a change made meanwhile is not overwritten.");
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid<AccountDetails>(errors);
        }

        if (account.UpdatedAt != input.UpdatedAt)
        {
            return CommandResult.Stale<AccountDetails>();
        }

        db.Entry(account).Property(a => a.UpdatedAt).OriginalValue = input.UpdatedAt!.Value;
        var hasWon = await AccountRelationships.HasWonAsync(db, account.Id, cancellationToken);

        // Here a value is always the person's choice, even the one shown (they confirm it); null hands it back.
        (account.Relationship, account.RelationshipSource) = input.Relationship is { } chosen
            ? (chosen, RelationshipSource.Person)
            : AccountRelationshipRule.Decide(account.Relationship, RelationshipSource.Derived, account.CrmRelationship, hasWon, account.CustomerSince);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Stale<AccountDetails>();
        }

        return CommandResult.Ok((await GetAsync(account.Id, cancellationToken))!);
    }

    public async Task<CommandResult<bool>> DeleteAsync(int id, CustomerActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return CommandResult.Missing<bool>();
        }

        if (!await MayChangeAsync(actor, account.OwnerId, account.SalesAreaId, cancellationToken))
        {
            return CommandResult.Denied<bool>();
        }

        db.Accounts.Remove(account);
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

    /// <summary>Which of the ids the input refers to exist.</summary>
    public async Task<AccountReferences> ReferencesAsync(AccountInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var sector = input.SectorId is not { } sectorId || await db.Sectors.AnyAsync(s => s.Id == sectorId, cancellationToken);
        var region = input.RegionId is not { } regionId || await db.Regions.AnyAsync(r => r.Id == regionId, cancellationToken);
        var area = input.SalesAreaId is not { } areaId || await db.SalesAreas.AnyAsync(s => s.Id == areaId, cancellationToken);
        var owner = string.IsNullOrWhiteSpace(input.OwnerId) || await db.Users.AnyAsync(u => u.Id == input.OwnerId, cancellationToken);
        var wanted = (input.Products ?? []).Where(p => p is not null).Select(p => p.ProductId).Distinct().ToList();
        var products = wanted.Count == 0
            ? new HashSet<int>()
            : (await db.Products.Where(p => wanted.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        return new AccountReferences(sector, region, area, owner, products);
    }

    private static void Apply(Account account, AccountInput input)
    {
        account.Website = NullIfBlank(input.Website);
        account.Country = NullIfBlank(input.Country);
        account.SectorId = input.SectorId;
        account.RegionId = input.RegionId;
        account.SalesAreaId = input.SalesAreaId;
        account.Employees = input.Employees;
        account.SizeBand = input.Employees is null ? input.SizeBand : SizeBands.FromEmployees(input.Employees);
        account.AnnualRevenue = input.AnnualRevenue;
        account.CustomerSince = input.CustomerSince;
        account.ContractSignedOn = input.ContractSignedOn;
        account.RenewalOn = input.RenewalOn;
        account.SatisfactionKind = input.SatisfactionKind;
        account.SatisfactionScore = input.SatisfactionScore;
        account.SatisfactionMeasuredOn = input.SatisfactionMeasuredOn;
        account.OpenEscalations = input.OpenEscalations;
        account.OwnerId = NullIfBlank(input.OwnerId);
        account.DisclosurePermission = input.DisclosurePermission;
        account.Notes = NullIfBlank(input.Notes);
    }

    private static bool SyncProducts(Account account, List<AccountProductInput> wanted)
    {
        var changed = false;
        foreach (var owned in account.Products.ToList())
        {
            var match = wanted.FirstOrDefault(w => w.ProductId == owned.ProductId);
            if (match is null)
            {
                account.Products.Remove(owned);
                changed = true;
            }
            else if (match.GoLiveOn != owned.GoLiveOn)
            {
                owned.GoLiveOn = match.GoLiveOn;
                changed = true;
            }
        }

        foreach (var product in wanted.Where(w => account.Products.All(p => p.ProductId != w.ProductId)))
        {
            account.Products.Add(new AccountProduct { AccountId = account.Id, ProductId = product.ProductId, GoLiveOn = product.GoLiveOn });
            changed = true;
        }

        return changed;
    }

    private static string DescribeProducts(List<AccountProductInput> before, List<AccountProductInput> after) =>
        JsonSerializer.Serialize(new
        {
            Products = new
            {
                from = before.OrderBy(p => p.ProductId).Select(p => new { p.ProductId, p.GoLiveOn }),
                to = after.OrderBy(p => p.ProductId).Select(p => new { p.ProductId, p.GoLiveOn }),
            },
        });

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
