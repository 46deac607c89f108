using System.Security.Claims;
using Endorse.Audit;
using Endorse.Data;
using Endorse.Import;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Web.Features.Import;

/// <summary>
/// Opens a unit of work for an import report page: a DbContext of its own that audits as the signed-in person (a
/// circuit outlives requests, and the fixes made from a report are audited under their name).
/// </summary>
public sealed class ImportWork(DbContextOptions<EndorseDbContext> options, TimeProvider clock)
{
    public ImportReportSession Open(ClaimsPrincipal user) => new(new EndorseDbContext(options, new PrincipalActor(user), clock));

    private sealed class PrincipalActor(ClaimsPrincipal user) : ICurrentActor
    {
        public string? UserId => user.FindFirstValue(ClaimTypes.NameIdentifier);

        public string? UserName => user.Identity?.IsAuthenticated == true ? user.Identity.Name : "system";
    }
}

/// <summary>The import report service over one DbContext; dispose it when the operation is done.</summary>
public sealed class ImportReportSession(EndorseDbContext db) : IAsyncDisposable
{
    public EndorseDbContext Db { get; } = db;

    public ImportReportService Report { get; } = new(db);

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
