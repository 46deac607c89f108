using Endorse.Data;
using Endorse.Listing;
using Endorse.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Products;

/// <summary>What a product form or API body sends.</summary>
public sealed record ProductInput(string? Name, string? Family, string? Description, bool IsStrategic, DateOnly? LaunchedOn, bool IsRetired);

public sealed record ProductRow(int Id, string Name, string? Family, bool IsStrategic, DateOnly? LaunchedOn, bool IsRetired);

/// <summary>A product with how many accounts own it and how many opportunities are for it.</summary>
public sealed record ProductDetails(int Id, string Name, string? Family, string? Description, bool IsStrategic, DateOnly? LaunchedOn, bool IsRetired, int Accounts, int Opportunities);

public static class ProductValidator
{
    public static ValidationErrors Validate(ProductInput input) =>
        new ValidationErrors()
            .Required("name", input.Name, "Name", CatalogNames.MaxNameLength)
            .MaxLength("family", input.Family, "Family", 150)
            .MaxLength("description", input.Description, "Description", 2000);
}

/// <summary>Lists, reads and changes products. A product still owned by accounts is retired, not deleted.</summary>
public sealed class ProductService(EndorseDbContext db)
{
    public Task<Page<ProductRow>> ListAsync(PageRequest request, bool includeRetired = true, CancellationToken cancellationToken = default) =>
        Query(request, includeRetired).ToPageAsync(request, cancellationToken);

    public IAsyncEnumerable<ProductRow> ExportAsync(PageRequest request, bool includeRetired = true) => Query(request, includeRetired).AsAsyncEnumerable();

    public Task<ProductDetails?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        db.Products.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new ProductDetails(
                p.Id, p.Name, p.Family, p.Description, p.IsStrategic, p.LaunchedOn, p.IsRetired,
                db.AccountProducts.Count(ap => ap.ProductId == p.Id),
                db.Opportunities.Count(o => o.ProductId == p.Id)))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<CommandResult<ProductDetails>> CreateAsync(ProductInput input, CancellationToken cancellationToken = default) =>
        SaveAsync(new Product { Name = string.Empty }, input, cancellationToken);

    public async Task<CommandResult<ProductDetails>> UpdateAsync(int id, ProductInput input, CancellationToken cancellationToken = default)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return product is null ? CommandResult.Missing<ProductDetails>() : await SaveAsync(product, input, cancellationToken);
    }

    public async Task<DeleteResult> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return DeleteResult.Missing;
        }

        var accounts = await db.AccountProducts.CountAsync(ap => ap.ProductId == id, cancellationToken);
        var opportunities = await db.Opportunities.CountAsync(o => o.ProductId == id, cancellationToken);
        if (accounts > 0 || opportunities > 0)
        {
            return DeleteResult.Refused($"The product \"{product.Name}\" is owned by {accounts} account(s) and named on {opportunities} opportunity(ies). Retire it instead.");
        }

        db.Products.Remove(product);
        await db.SaveChangesAsync(cancellationToken);
        return DeleteResult.Done;
    }

    private IQueryable<ProductRow> Query(PageRequest request, bool includeRetired)
    {
        var query = db.Products.AsNoTracking();
        if (!includeRetired)
        {
            query = query.Where(p => !p.IsRetired);
        }

        if (CatalogNames.SearchTerm(request) is { } term)
        {
            query = query.Where(p => p.Name.ToLower().Contains(term));
        }

        query = request.Descending ? query.OrderByDescending(p => p.Name) : query.OrderBy(p => p.Name);
        return query.Select(p => new ProductRow(p.Id, p.Name, p.Family, p.IsStrategic, p.LaunchedOn, p.IsRetired));
    }

    private async Task<CommandResult<ProductDetails>> SaveAsync(Product product, ProductInput input, CancellationToken cancellationToken)
    {
        var errors = ProductValidator.Validate(input);
        if (errors.IsValid)
        {
            var lower = input.Name!.Trim().ToLowerInvariant();
            if (await db.Products.AnyAsync(p => p.Name.ToLower() == lower && p.Id != product.Id, cancellationToken))
            {
                errors.Add("name", CatalogNames.AlreadyExists("product", input.Name));
            }
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid<ProductDetails>(errors);
        }

        product.Name = input.Name!.Trim();
        product.Family = CatalogNames.Clean(input.Family);
        product.Description = CatalogNames.Clean(input.Description);
        product.IsStrategic = input.IsStrategic;
        product.LaunchedOn = input.LaunchedOn;
        product.IsRetired = input.IsRetired;
        if (product.Id == 0)
        {
            db.Products.Add(product);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Invalid<ProductDetails>(new ValidationErrors().Add("name", CatalogNames.AlreadyExists("product", input.Name!)));
        }

        return CommandResult.Ok((await GetAsync(product.Id, cancellationToken))!);
    }
}
