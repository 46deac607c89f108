using Endorse.Data;
using Endorse.Listing;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Taxonomy;

/// <summary>What a sector form or API body sends.</summary>
public sealed record SectorInput(string? Name, string? Description);

public sealed record SectorRow(int Id, string Name, string? Description);

/// <summary>A sector with the number of accounts in it.</summary>
public sealed record SectorDetails(int Id, string Name, string? Description, int Accounts);

public static class SectorValidator
{
    public static ValidationErrors Validate(SectorInput input) =>
        new ValidationErrors()
            .Required("name", input.Name, "Name", CatalogNames.MaxNameLength)
            .MaxLength("description", input.Description, "Description", 2000);
}

/// <summary>Lists, reads and changes sectors. Names are unique whatever their case.</summary>
public sealed class SectorService(EndorseDbContext db)
{
    public Task<Page<SectorRow>> ListAsync(PageRequest request, CancellationToken cancellationToken = default) =>
        Query(request).ToPageAsync(request, cancellationToken);

    public IAsyncEnumerable<SectorRow> ExportAsync(PageRequest request) => Query(request).AsAsyncEnumerable();

    public Task<SectorDetails?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        db.Sectors.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new SectorDetails(s.Id, s.Name, s.Description, db.Accounts.Count(a => a.SectorId == s.Id)))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<CommandResult<SectorDetails>> CreateAsync(SectorInput input, CancellationToken cancellationToken = default)
    {
        var sector = new Sector { Name = string.Empty };
        return await SaveAsync(sector, input, cancellationToken);
    }

    public async Task<CommandResult<SectorDetails>> UpdateAsync(int id, SectorInput input, CancellationToken cancellationToken = default)
    {
        var sector = await db.Sectors.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return sector is null ? CommandResult.Missing<SectorDetails>() : await SaveAsync(sector, input, cancellationToken);
    }

    public async Task<DeleteResult> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var sector = await db.Sectors.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (sector is null)
        {
            return DeleteResult.Missing;
        }

        var accounts = await db.Accounts.CountAsync(a => a.SectorId == id, cancellationToken);
        if (accounts > 0)
        {
            return DeleteResult.Refused($"The sector \"{sector.Name}\" is used by {accounts} account(s). Move them to another sector first.");
        }

        db.Sectors.Remove(sector);
        await db.SaveChangesAsync(cancellationToken);
        return DeleteResult.Done;
    }

    private IQueryable<SectorRow> Query(PageRequest request)
    {
        var query = db.Sectors.AsNoTracking();
        if (CatalogNames.SearchTerm(request) is { } term)
        {
            query = query.Where(s => s.Name.ToLower().Contains(term));
        }

        query = request.Descending ? query.OrderByDescending(s => s.Name) : query.OrderBy(s => s.Name);
        return query.Select(s => new SectorRow(s.Id, s.Name, s.Description));
    }

    private async Task<CommandResult<SectorDetails>> SaveAsync(Sector sector, SectorInput input, CancellationToken cancellationToken)
    {
        var errors = SectorValidator.Validate(input);
        if (errors.IsValid && await NameTakenAsync(input.Name!, sector.Id, cancellationToken))
        {
            errors.Add("name", CatalogNames.AlreadyExists("sector", input.Name!));
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid<SectorDetails>(errors);
        }

        sector.Name = input.Name!.Trim();
        sector.Description = CatalogNames.Clean(input.Description);
        if (sector.Id == 0)
        {
            db.Sectors.Add(sector);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone saved the same name in between: the unique index refused it.
            db.ChangeTracker.Clear();
            return CommandResult.Invalid<SectorDetails>(new ValidationErrors().Add("name", CatalogNames.AlreadyExists("sector", input.Name!)));
        }

        return CommandResult.Ok((await GetAsync(sector.Id, cancellationToken))!);
    }

    private Task<bool> NameTakenAsync(string name, int exceptId, CancellationToken cancellationToken)
    {
        var lower = name.Trim().ToLowerInvariant();
        return db.Sectors.AnyAsync(s => s.Name.ToLower() == lower && s.Id != exceptId, cancellationToken);
    }
}
