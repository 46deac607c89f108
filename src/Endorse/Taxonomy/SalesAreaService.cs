using Endorse.Data;
using Endorse.Listing;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Taxonomy;

/// <summary>What a sales area form or API body sends. The manager is a user with the SalesManager role.</summary>
public sealed record SalesAreaInput(string? Name, int? RegionId, string? ManagerId);

public sealed record SalesAreaRow(int Id, string Name, int? RegionId, string? RegionName, string? ManagerId, string? ManagerName);

/// <summary>A sales area with the number of accounts and users in it.</summary>
public sealed record SalesAreaDetails(int Id, string Name, int? RegionId, string? RegionName, string? ManagerId, string? ManagerName, int Accounts, int Users);

/// <summary>A user who may manage a sales area.</summary>
public sealed record SalesManagerOption(string Id, string DisplayName, string? Email);

public static class SalesAreaValidator
{
    public static ValidationErrors Validate(SalesAreaInput input) =>
        new ValidationErrors()
            .Required("name", input.Name, "Name", CatalogNames.MaxNameLength)
            .MaxLength("managerId", input.ManagerId, "Manager", 450);
}

/// <summary>Lists, reads and changes sales areas.</summary>
public sealed class SalesAreaService(EndorseDbContext db)
{
    public Task<Page<SalesAreaRow>> ListAsync(PageRequest request, CancellationToken cancellationToken = default) =>
        Query(request).ToPageAsync(request, cancellationToken);

    public IAsyncEnumerable<SalesAreaRow> ExportAsync(PageRequest request) => Query(request).AsAsyncEnumerable();

    public Task<SalesAreaDetails?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        db.SalesAreas.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new SalesAreaDetails(
                s.Id,
                s.Name,
                s.RegionId,
                s.Region != null ? s.Region.Name : null,
                s.ManagerId,
                db.Users.Where(u => u.Id == s.ManagerId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Accounts.Count(a => a.SalesAreaId == s.Id),
                db.Users.Count(u => u.SalesAreaId == s.Id)))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The users who may manage a sales area: active users with the SalesManager role.</summary>
    public Task<List<SalesManagerOption>> ManagersAsync(CancellationToken cancellationToken = default) =>
        SalesManagers().OrderBy(u => u.DisplayName).Select(u => new SalesManagerOption(u.Id, u.DisplayName, u.Email)).ToListAsync(cancellationToken);

    public Task<CommandResult<SalesAreaDetails>> CreateAsync(SalesAreaInput input, CancellationToken cancellationToken = default) =>
        SaveAsync(new SalesArea { Name = string.Empty }, input, cancellationToken);

    public async Task<CommandResult<SalesAreaDetails>> UpdateAsync(int id, SalesAreaInput input, CancellationToken cancellationToken = default)
    {
        var area = await db.SalesAreas.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return area is null ? CommandResult.Missing<SalesAreaDetails>() : await SaveAsync(area, input, cancellationToken);
    }

    public async Task<DeleteResult> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var area = await db.SalesAreas.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (area is null)
        {
            return DeleteResult.Missing;
        }

        var accounts = await db.Accounts.CountAsync(a => a.SalesAreaId == id, cancellationToken);
        var users = await db.Users.CountAsync(u => u.SalesAreaId == id, cancellationToken);
        if (accounts > 0 || users > 0)
        {
            return DeleteResult.Refused($"The sales area \"{area.Name}\" is used by {accounts} account(s) and {users} user(s). Move them to another sales area first.");
        }

        db.SalesAreas.Remove(area);
        await db.SaveChangesAsync(cancellationToken);
        return DeleteResult.Done;
    }

    private IQueryable<EndorseUser> SalesManagers()
    {
        var roleIds = db.Roles.Where(r => r.Name == Roles.SalesManager).Select(r => r.Id);
        var userIds = db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return db.Users.AsNoTracking().Where(u => u.IsActive && userIds.Contains(u.Id));
    }

    private IQueryable<SalesAreaRow> Query(PageRequest request)
    {
        var query = db.SalesAreas.AsNoTracking();
        if (CatalogNames.SearchTerm(request) is { } term)
        {
            query = query.Where(s => s.Name.ToLower().Contains(term));
        }

        query = request.Descending ? query.OrderByDescending(s => s.Name) : query.OrderBy(s => s.Name);
        return query.Select(s => new SalesAreaRow(
            s.Id,
            s.Name,
            s.RegionId,
            s.Region != null ? s.Region.Name : null,
            s.ManagerId,
            db.Users.Where(u => u.Id == s.ManagerId).Select(u => u.DisplayName).FirstOrDefault()));
    }

    private async Task<CommandResult<SalesAreaDetails>> SaveAsync(SalesArea area, SalesAreaInput input, CancellationToken cancellationToken)
    {
        var errors = SalesAreaValidator.Validate(input);
        var managerId = CatalogNames.Clean(input.ManagerId);
        if (errors.IsValid)
        {
            var lower = input.Name!.Trim().ToLowerInvariant();
            if (await db.SalesAreas.AnyAsync(s => s.Name.ToLower() == lower && s.Id != area.Id, cancellationToken))
            {
                errors.Add("name", CatalogNames.AlreadyExists("sales area", input.Name));
            }

            if (input.RegionId is { } regionId && !await db.Regions.AnyAsync(r => r.Id == regionId, cancellationToken))
            {
                errors.Add("regionId", "Choose an existing region.");
            }

            if (managerId is not null && !await SalesManagers().AnyAsync(u => u.Id == managerId, cancellationToken))
            {
                errors.Add("managerId", "The manager must be an active user with the Sales manager role.");
            }
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid<SalesAreaDetails>(errors);
        }

        area.Name = input.Name!.Trim();
        area.RegionId = input.RegionId;
        area.ManagerId = managerId;
        if (area.Id == 0)
        {
            db.SalesAreas.Add(area);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Invalid<SalesAreaDetails>(new ValidationErrors().Add("name", CatalogNames.AlreadyExists("sales area", input.Name!)));
        }

        return CommandResult.Ok((await GetAsync(area.Id, cancellationToken))!);
    }
}
