using Endorse.Accounts;
using Endorse.Data;
using Endorse.Listing;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Opportunities;

/// <summary>Which opportunities a list shows by their state.</summary>
public enum OpportunityStatus
{
    Open,
    Closed,
    Won,
    Lost,
}

/// <summary>The filters of the opportunity list; each one is served by an index.</summary>
public sealed record OpportunityFilter(
    int? AccountId = null,
    string? OwnerId = null,
    OpportunityStatus? Status = null,
    DateOnly? CloseFrom = null,
    DateOnly? CloseTo = null,
    int? ProductId = null);

/// <summary>What an opportunity form or API body sends. <see cref="UpdatedAt"/>, when sent, guards against overwriting someone else's change.</summary>
public sealed record OpportunityInput(
    string? Name,
    int? AccountId,
    string? Stage,
    decimal? Amount,
    string? Currency,
    DateOnly? CloseDate,
    bool IsClosed,
    bool IsWon,
    int? ProductId,
    string? OwnerId,
    DateTimeOffset? UpdatedAt = null);

public sealed record OpportunityRow(
    int Id, string Name, int? AccountId, string? AccountName, string? Stage, decimal? Amount, string? Currency,
    DateOnly? CloseDate, bool IsClosed, bool IsWon, int? ProductId, string? ProductName, string? OwnerId, string? OwnerName);

public sealed record OpportunityDetails(
    int Id, string Name, int? AccountId, string? AccountName, string? Stage, decimal? Amount, string? Currency,
    DateOnly? CloseDate, bool IsClosed, bool IsWon, int? ProductId, string? ProductName, string? OwnerId, string? OwnerName,
    SourceSystem Source, string? ExternalId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public static class OpportunityValidator
{
    public const decimal MaxAmount = 9_999_999_999_999_999m;

    public static ValidationErrors Validate(OpportunityInput input)
    {
        var errors = new ValidationErrors()
            .Required("name", input.Name, "Name", 255)
            .MaxLength("stage", input.Stage, "Stage", 100)
            .MaxLength("ownerId", input.OwnerId, "Owner", 450);
        if (input.Amount is < 0)
        {
            errors.Add("amount", "Amount must be zero or more.");
        }
        else if (input.Amount > MaxAmount)
        {
            errors.Add("amount", "Amount is too large.");
        }

        if (!string.IsNullOrWhiteSpace(input.Currency) && !IsCurrencyCode(input.Currency.Trim()))
        {
            errors.Add("currency", "Currency must be a three-letter ISO 4217 code, such as EUR or USD.");
        }

        if (input.Amount is not null && string.IsNullOrWhiteSpace(input.Currency))
        {
            errors.Add("currency", "Give the currency of the amount.");
        }

        if (input.CloseDate is null)
        {
            errors.Add("closeDate", "Close date is required.");
        }

        if (input.IsWon && !input.IsClosed)
        {
            errors.Add("isWon", "A won opportunity is closed: set isClosed too.");
        }

        return errors;
    }

    public static bool IsCurrencyCode(string value) => value.Length == 3 && value.All(char.IsAsciiLetter);
}

/// <summary>Lists, reads and changes opportunities. Sales reps change only their own opportunities or those on accounts they own.</summary>
public sealed class OpportunityService(EndorseDbContext db)
{
    public const string SortCloseDate = "closeDate";
    public const string SortName = "name";

    public Task<Page<OpportunityRow>> ListAsync(PageRequest request, OpportunityFilter filter, CancellationToken cancellationToken = default) =>
        Rows(request, filter).ToPageAsync(request, cancellationToken);

    public IAsyncEnumerable<OpportunityRow> ExportAsync(PageRequest request, OpportunityFilter filter) => Rows(request, filter).AsAsyncEnumerable();

    public Task<OpportunityDetails?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        db.Opportunities.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new OpportunityDetails(
                o.Id, o.Name, o.AccountId, o.Account != null ? o.Account.Name : null, o.Stage, o.Amount, o.Currency,
                o.CloseDate, o.IsClosed, o.IsWon, o.ProductId, o.Product != null ? o.Product.Name : null, o.OwnerId,
                db.Users.Where(u => u.Id == o.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                o.Source, o.ExternalId, o.CreatedAt, o.UpdatedAt))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Whether the editor may change this opportunity (for showing or hiding edit buttons).</summary>
    public async Task<bool> CanChangeAsync(int id, OpportunityEditor editor, CancellationToken cancellationToken = default)
    {
        var current = await db.Opportunities.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new { o.OwnerId, o.AccountId }).FirstOrDefaultAsync(cancellationToken);
        return current is not null && await AllowedAsync(editor, current.OwnerId, current.AccountId, cancellationToken);
    }

    public async Task<CommandResult<OpportunityDetails>> CreateAsync(OpportunityInput input, OpportunityEditor editor, CancellationToken cancellationToken = default)
    {
        // A rep creating a deal without naming an owner owns it.
        if (string.IsNullOrWhiteSpace(input.OwnerId) && editor.Roles.Contains(Roles.SalesRep))
        {
            input = input with { OwnerId = editor.UserId };
        }

        return await SaveAsync(new Opportunity { Name = string.Empty }, input, editor, cancellationToken);
    }

    public async Task<CommandResult<OpportunityDetails>> UpdateAsync(int id, OpportunityInput input, OpportunityEditor editor, CancellationToken cancellationToken = default)
    {
        var opportunity = await db.Opportunities.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (opportunity is null)
        {
            return CommandResult.Missing<OpportunityDetails>();
        }

        if (!await AllowedAsync(editor, opportunity.OwnerId, opportunity.AccountId, cancellationToken))
        {
            return CommandResult.Denied<OpportunityDetails>();
        }

        if (input.UpdatedAt is { } seen)
        {
            db.Entry(opportunity).Property(o => o.UpdatedAt).OriginalValue = seen;
        }

        return await SaveAsync(opportunity, input, editor, cancellationToken);
    }

    public async Task<CommandResult<bool>> DeleteAsync(int id, OpportunityEditor editor, CancellationToken cancellationToken = default)
    {
        var opportunity = await db.Opportunities.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (opportunity is null)
        {
            return CommandResult.Missing<bool>();
        }

        if (!await AllowedAsync(editor, opportunity.OwnerId, opportunity.AccountId, cancellationToken))
        {
            return CommandResult.Denied<bool>();
        }

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        db.Opportunities.Remove(opportunity);
        await db.SaveChangesAsync(cancellationToken);
        if (opportunity.AccountId is { } accountId)
        {
            await AccountRelationships.RefreshAsync(db, [accountId], cancellationToken);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return CommandResult.Ok(true);
    }

    private async Task<bool> AllowedAsync(OpportunityEditor editor, string? ownerId, int? accountId, CancellationToken cancellationToken)
    {
        var userSalesAreaId = editor.UserId is null
            ? null
            : await db.Users.Where(u => u.Id == editor.UserId).Select(u => u.SalesAreaId).FirstOrDefaultAsync(cancellationToken);
        var account = accountId is null
            ? null
            : await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => new { a.OwnerId, a.SalesAreaId }).FirstOrDefaultAsync(cancellationToken);
        return OpportunityAccess.CanChange(editor.Roles, editor.UserId, userSalesAreaId, ownerId, account?.OwnerId, account?.SalesAreaId);
    }

    private IQueryable<OpportunityRow> Rows(PageRequest request, OpportunityFilter filter)
    {
        var query = db.Opportunities.AsNoTracking();
        if (filter.AccountId is { } accountId)
        {
            query = query.Where(o => o.AccountId == accountId);
        }

        if (!string.IsNullOrWhiteSpace(filter.OwnerId))
        {
            query = query.Where(o => o.OwnerId == filter.OwnerId);
        }

        if (filter.ProductId is { } productId)
        {
            query = query.Where(o => o.ProductId == productId);
        }

        query = filter.Status switch
        {
            OpportunityStatus.Open => query.Where(o => !o.IsClosed),
            OpportunityStatus.Closed => query.Where(o => o.IsClosed),
            OpportunityStatus.Won => query.Where(o => o.IsClosed && o.IsWon),
            OpportunityStatus.Lost => query.Where(o => o.IsClosed && !o.IsWon),
            _ => query,
        };

        if (filter.CloseFrom is { } from)
        {
            query = query.Where(o => o.CloseDate >= from);
        }

        if (filter.CloseTo is { } to)
        {
            query = query.Where(o => o.CloseDate <= to);
        }

        var search = SearchText.Normalize(request.Search);
        if (search.Length > 0)
        {
            query = query.WherePrefix(o => o.NameSearch, search);
        }

        // Only indexed sorts: close date (the default, newest first) and name.
        var sort = string.IsNullOrWhiteSpace(request.Sort) ? SortCloseDate : request.Sort;
        var descending = string.IsNullOrWhiteSpace(request.Sort) || request.Descending;
        query = (string.Equals(sort, SortName, StringComparison.OrdinalIgnoreCase), descending) switch
        {
            (true, false) => query.OrderBy(o => o.NameSearch).ThenBy(o => o.Id),
            (true, true) => query.OrderByDescending(o => o.NameSearch).ThenByDescending(o => o.Id),
            (false, false) => query.OrderBy(o => o.CloseDate).ThenBy(o => o.Id),
            (false, true) => query.OrderByDescending(o => o.CloseDate).ThenByDescending(o => o.Id),
        };

        return query.Select(o => new OpportunityRow(
            o.Id, o.Name, o.AccountId, o.Account != null ? o.Account.Name : null, o.Stage, o.Amount, o.Currency,
            o.CloseDate, o.IsClosed, o.IsWon, o.ProductId, o.Product != null ? o.Product.Name : null, o.OwnerId,
            db.Users.Where(u => u.Id == o.OwnerId).Select(u => u.DisplayName).FirstOrDefault()));
    }

    private async Task<CommandResult<OpportunityDetails>> SaveAsync(Opportunity opportunity, OpportunityInput input, OpportunityEditor editor, CancellationToken cancellationToken)
    {
        var errors = OpportunityValidator.Validate(input);
        var ownerId = string.IsNullOrWhiteSpace(input.OwnerId) ? null : input.OwnerId.Trim();
        if (errors.IsValid)
        {
            if (input.AccountId is { } accountId && !await db.Accounts.AnyAsync(a => a.Id == accountId, cancellationToken))
            {
                errors.Add("accountId", "Choose an existing account.");
            }

            if (input.ProductId is { } productId && !await db.Products.AnyAsync(p => p.Id == productId, cancellationToken))
            {
                errors.Add("productId", "Choose an existing product.");
            }

            if (ownerId is not null && !await db.Users.AnyAsync(u => u.Id == ownerId, cancellationToken))
            {
                errors.Add("ownerId", "Choose an existing user as owner.");
            }
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid<OpportunityDetails>(errors);
        }

        // The opportunity as it will be must still be one the editor may change (a rep cannot hand a deal to an account they do not own).
        if (!await AllowedAsync(editor, ownerId, input.AccountId, cancellationToken))
        {
            return CommandResult.Denied<OpportunityDetails>();
        }

        var accounts = new[] { opportunity.AccountId, input.AccountId }.OfType<int>().ToList();
        opportunity.Name = input.Name!.Trim();
        opportunity.AccountId = input.AccountId;
        opportunity.Stage = string.IsNullOrWhiteSpace(input.Stage) ? null : input.Stage.Trim();
        opportunity.Amount = input.Amount;
        opportunity.Currency = string.IsNullOrWhiteSpace(input.Currency) ? null : input.Currency.Trim().ToUpperInvariant();
        opportunity.CloseDate = input.CloseDate;
        opportunity.IsClosed = input.IsClosed;
        opportunity.IsWon = input.IsWon;
        opportunity.ProductId = input.ProductId;
        opportunity.OwnerId = ownerId;
        if (opportunity.Id == 0)
        {
            opportunity.Source = SourceSystem.Endorse;
            db.Opportunities.Add(opportunity);
        }

        // The deal and its account's relationship (a won deal makes a customer) change together.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Stale<OpportunityDetails>();
        }

        await AccountRelationships.RefreshAsync(db, accounts, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return CommandResult.Ok((await GetAsync(opportunity.Id, cancellationToken))!);
    }
}
