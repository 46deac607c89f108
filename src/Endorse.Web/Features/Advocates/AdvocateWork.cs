using System.Security.Claims;
using Endorse.Accounts;
using Endorse.Advocates;
using Endorse.Audit;
using Endorse.Data;
using Endorse.Matching;
using Endorse.Settings;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Web.Features.Advocates;

/// <summary>
/// Opens a unit of work for an advocate or settings page: a DbContext of its own that audits as the signed-in person.
/// </summary>
public sealed class AdvocateWork(DbContextOptions<EndorseDbContext> options, TimeProvider clock, AdvocateValidator validator, AccountValidator accountValidator, MatchIndex matchIndex)
{
    public AdvocateSession Open(ClaimsPrincipal user)
    {
        var db = new EndorseDbContext(options, new PrincipalActor(user), clock);
        var settings = new ProgramSettingsService(db, clock);
        return new AdvocateSession(db, new AdvocateService(db, validator, new AccountService(db, accountValidator), settings, clock, matchIndex), settings);
    }

    private sealed class PrincipalActor(ClaimsPrincipal user) : ICurrentActor
    {
        public string? UserId => user.FindFirstValue(ClaimTypes.NameIdentifier);

        public string? UserName => user.Identity?.IsAuthenticated == true ? user.Identity.Name : "system";
    }
}

/// <summary>The advocate and settings services over one DbContext.</summary>
public sealed class AdvocateSession(EndorseDbContext db, AdvocateService advocates, ProgramSettingsService settings) : IAsyncDisposable
{
    public EndorseDbContext Db { get; } = db;

    public AdvocateService Advocates { get; } = advocates;

    public ProgramSettingsService Settings { get; } = settings;

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
