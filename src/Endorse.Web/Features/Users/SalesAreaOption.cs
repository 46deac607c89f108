using Endorse.Data;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Web.Features.Users;

/// <summary>A sales area to choose from on the user forms.</summary>
public sealed record SalesAreaOption(int Id, string Name)
{
    public static Task<List<SalesAreaOption>> LoadAsync(EndorseDbContext db) =>
        db.SalesAreas.AsNoTracking().OrderBy(s => s.Name).Select(s => new SalesAreaOption(s.Id, s.Name)).ToListAsync();
}
