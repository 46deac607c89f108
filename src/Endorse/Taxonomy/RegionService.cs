using Endorse.Data;
using Endorse.Listing;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Taxonomy;

/// <summary>What a region form or API body sends: its name and the country names and ISO codes it covers.</summary>
public sealed record RegionInput(string? Name, IReadOnlyList<string>? Countries);

public sealed record RegionRow(int Id, string Name, IReadOnlyList<string> Countries);

/// <summary>A region with the number of accounts and sales areas in it.</summary>
public sealed record RegionDetails(int Id, string Name, IReadOnlyList<string> Countries, int Accounts, int SalesAreas);

public static class RegionValidator
{
    public const int MaxCountriesLength = 4000;

    public static ValidationErrors Validate(RegionInput input)
    {
        var errors = new ValidationErrors().Required("name", input.Name, "Name", CatalogNames.MaxNameLength);
        foreach (var country in input.Countries ?? [])
        {
            if (string.IsNullOrWhiteSpace(country))
            {
                continue;
            }

            if (country.Trim().Length > 100)
            {
                errors.Add("countries", "Each country must be at most 100 characters.");
                break;
            }

            if (country.Contains(',', StringComparison.Ordinal) || country.Contains(';', StringComparison.Ordinal))
            {
                errors.Add("countries", "List each country on its own; a country may not contain a comma or semicolon.");
                break;
            }
        }

        if ((RegionCountries.Join(input.Countries)?.Length ?? 0) > MaxCountriesLength)
        {
            errors.Add("countries", $"The countries must be at most {MaxCountriesLength} characters together.");
        }

        return errors;
    }
}

/// <summary>Lists, reads and changes regions, and maps countries to them for imports.</summary>
public sealed class RegionService(EndorseDbContext db)
{
    public async Task<Page<RegionRow>> ListAsync(PageRequest request, CancellationToken cancellationToken = default)
    {
        var page = await Query(request).ToPageAsync(request, cancellationToken);
        return new Page<RegionRow>([.. page.Items.Select(ToRow)], page.Total, page.TotalIsCapped, page.PageNumber, page.PageSize);
    }

    public async IAsyncEnumerable<RegionRow> ExportAsync(PageRequest request)
    {
        await foreach (var region in Query(request).AsAsyncEnumerable())
        {
            yield return ToRow(region);
        }
    }

    /// <summary>The rule that places a country in a region, built from every region's countries.</summary>
    public async Task<RegionCountries> CountryMapAsync(CancellationToken cancellationToken = default)
    {
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.Countries }).ToListAsync(cancellationToken);
        return new RegionCountries(regions.Select(r => (r.Id, r.Countries)));
    }

    public async Task<RegionDetails?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var region = await db.Regions.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new
            {
                r.Id,
                r.Name,
                r.Countries,
                Accounts = db.Accounts.Count(a => a.RegionId == r.Id),
                SalesAreas = db.SalesAreas.Count(s => s.RegionId == r.Id),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return region is null ? null : new RegionDetails(region.Id, region.Name, RegionCountries.Parse(region.Countries), region.Accounts, region.SalesAreas);
    }

    public Task<CommandResult<RegionDetails>> CreateAsync(RegionInput input, CancellationToken cancellationToken = default) =>
        SaveAsync(new Region { Name = string.Empty }, input, cancellationToken);

    public async Task<CommandResult<RegionDetails>> UpdateAsync(int id, RegionInput input, CancellationToken cancellationToken = default)
    {
        var region = await db.Regions.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return region is null ? CommandResult.Missing<RegionDetails>() : await SaveAsync(region, input, cancellationToken);
    }

    public async Task<DeleteResult> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var region = await db.Regions.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (region is null)
        {
            return DeleteResult.Missing;
        }

        var accounts = await db.Accounts.CountAsync(a => a.RegionId == id, cancellationToken);
        var areas = await db.SalesAreas.CountAsync(s => s.RegionId == id, cancellationToken);
        if (accounts > 0 || areas > 0)
        {
            return DeleteResult.Refused($"The region \"{region.Name}\" is used by {accounts} account(s) and {areas} sales area(s). Move them to another region first.");
        }

        db.Regions.Remove(region);
        await db.SaveChangesAsync(cancellationToken);
        return DeleteResult.Done;
    }

    private static RegionRow ToRow(Region region) => new(region.Id, region.Name, RegionCountries.Parse(region.Countries));

    private IQueryable<Region> Query(PageRequest request)
    {
        var query = db.Regions.AsNoTracking();
        if (CatalogNames.SearchTerm(request) is { } term)
        {
            query = query.Where(r => r.Name.ToLower().Contains(term));
        }

        return request.Descending ? query.OrderByDescending(r => r.Name) : query.OrderBy(r => r.Name);
    }

    private async Task<CommandResult<RegionDetails>> SaveAsync(Region region, RegionInput input, CancellationToken cancellationToken)
    {
        var errors = RegionValidator.Validate(input);
        if (errors.IsValid)
        {
            var lower = input.Name!.Trim().ToLowerInvariant();
            if (await db.Regions.AnyAsync(r => r.Name.ToLower() == lower && r.Id != region.Id, cancellationToken))
            {
                errors.Add("name", CatalogNames.AlreadyExists("region", input.Name));
            }

            // A country in two regions would make imports place accounts arbitrarily.
            var others = await db.Regions.AsNoTracking().Where(r => r.Id != region.Id && r.Countries != null)
                .Select(r => new { r.Id, r.Name, r.Countries }).ToListAsync(cancellationToken);
            foreach (var other in others)
            {
                var map = new RegionCountries([(other.Id, other.Countries)]);
                var clash = RegionCountries.Parse(RegionCountries.Join(input.Countries)).FirstOrDefault(c => map.RegionFor(c) is not null);
                if (clash is not null)
                {
                    errors.Add("countries", $"\"{clash}\" already belongs to the region \"{other.Name}\".");
                }
            }
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid<RegionDetails>(errors);
        }

        region.Name = input.Name!.Trim();
        region.Countries = RegionCountries.Join(input.Countries);
        if (region.Id == 0)
        {
            db.Regions.Add(region);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Invalid<RegionDetails>(new ValidationErrors().Add("name", CatalogNames.AlreadyExists("region", input.Name!)));
        }

        return CommandResult.Ok((await GetAsync(region.Id, cancellationToken))!);
    }
}
