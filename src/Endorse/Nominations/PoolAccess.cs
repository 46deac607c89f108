using System.Globalization;
using System.Text.Json;
using Endorse.Data;
using Endorse.Listing;
using Endorse.Matching;
using Endorse.Settings;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Nominations;

/// <summary>
/// Reads what the pool rules need about a person (roles, approved nominations, own accounts, own pocket references)
/// and the reserved pocket references, and turns them into the <see cref="PoolFilter"/> matching applies.
/// </summary>
public sealed class PoolAccess(EndorseDbContext db, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<PoolRulesSettings> SettingsAsync(CancellationToken cancellationToken = default) =>
        ProgramSettingsService.Read(
            await db.ProgramSettings.AsNoTracking().Where(s => s.Id == ProgramSettings.SingletonId).Select(s => s.PoolRules).FirstOrDefaultAsync(cancellationToken),
            PoolRulesSettings.Default);

    /// <summary>Replaces the pool rules (reference managers and administrators; audited).</summary>
    public async Task<CommandResult<PoolRulesSettings>> UpdateSettingsAsync(PoolRulesSettings? rules, CancellationToken cancellationToken = default)
    {
        if (rules is null)
        {
            return CommandResult.Invalid<PoolRulesSettings>(new ValidationErrors().Add("body", "Pool rules are required."));
        }

        var errors = rules.Validate();
        if (!errors.IsValid)
        {
            return CommandResult.Invalid<PoolRulesSettings>(errors);
        }

        var row = await db.ProgramSettings.FirstOrDefaultAsync(s => s.Id == ProgramSettings.SingletonId, cancellationToken);
        if (row is null)
        {
            row = new ProgramSettings { Id = ProgramSettings.SingletonId };
            db.ProgramSettings.Add(row);
        }

        var json = JsonSerializer.Serialize(rules, ProgramSettingsService.Json);
        db.Audit("ProgramSettings", ProgramSettings.SingletonId.ToString(CultureInfo.InvariantCulture), "PoolRulesChanged", JsonSerializer.Serialize(new { from = row.PoolRules, to = json }));
        row.PoolRules = json;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(rules);
    }

    /// <summary>The person as the pool rules see them; <paramref name="roles"/> are read from their user when not given.</summary>
    public async Task<PoolViewer> ViewerAsync(string? userId, IReadOnlyCollection<string>? roles, PoolRulesSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrEmpty(userId))
        {
            return new PoolViewer(null, IsReferenceTeam: false, IsSales: false, 0);
        }

        roles ??= await RolesOfAsync(userId, cancellationToken);
        var team = roles.Contains(Roles.ReferenceManager) || roles.Contains(Roles.Administrator);
        var sales = roles.Contains(Roles.SalesRep) || roles.Contains(Roles.SalesManager);
        if (team)
        {
            return new PoolViewer(userId, IsReferenceTeam: true, sales, 0);
        }

        var since = PoolRules.WindowStart(settings, clock.GetUtcNow());
        var approved = await db.Nominations.AsNoTracking()
            .CountAsync(n => n.NominatorId == userId && n.Status == NominationStatus.Approved && n.ApprovedAt >= since, cancellationToken);
        var viewer = new PoolViewer(userId, IsReferenceTeam: false, sales, approved);
        if (!PoolRules.Narrowed(settings, viewer))
        {
            return viewer;
        }

        var accounts = await db.Accounts.AsNoTracking().Where(a => a.OwnerId == userId).Select(a => a.Id).ToListAsync(cancellationToken);
        var pockets = await db.Nominations.AsNoTracking()
            .Where(n => n.NominatorId == userId && n.Status == NominationStatus.Approved && n.Kind == NominationKind.PocketReference && n.AdvocateId != null)
            .Select(n => n.AdvocateId!.Value).ToListAsync(cancellationToken);
        return viewer with { OwnAccountIds = accounts.ToHashSet(), OwnPocketReferences = pockets.ToHashSet() };
    }

    /// <summary>The pocket references reserved today: advocate → the rep they are kept for.</summary>
    public async Task<IReadOnlyDictionary<int, string>> ReservationsAsync(CancellationToken cancellationToken = default)
    {
        var today = Today;
        var rows = await db.Nominations.AsNoTracking()
            .Where(n => n.Status == NominationStatus.Approved && n.AdvocateId != null && n.ReservedUntil >= today)
            .Select(n => new { AdvocateId = n.AdvocateId!.Value, n.NominatorId })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.AdvocateId).ToDictionary(g => g.Key, g => g.First().NominatorId);
    }

    /// <summary>
    /// The pool filter for a person drawing on the pool; null when the rules hide nothing from them (the reference team,
    /// or an open pool with no pocket reference reserved for someone else).
    /// </summary>
    public async Task<PoolFilter?> FilterForAsync(string? userId, IReadOnlyCollection<string>? roles = null, CancellationToken cancellationToken = default)
    {
        var settings = await SettingsAsync(cancellationToken);
        var viewer = await ViewerAsync(userId, roles, settings, cancellationToken);
        if (viewer.IsReferenceTeam)
        {
            return null;
        }

        var reservations = await ReservationsAsync(cancellationToken);
        if (!PoolRules.Narrowed(settings, viewer) && reservations.Values.All(rep => rep == viewer.UserId))
        {
            return null;
        }

        return (advocateId, accountId) => PoolRules.Hides(settings, viewer, advocateId, accountId, reservations.GetValueOrDefault(advocateId));
    }

    /// <summary>The person's place in the pool, explained.</summary>
    public async Task<PoolStanding> StandingAsync(string? userId, IReadOnlyCollection<string>? roles = null, CancellationToken cancellationToken = default)
    {
        var settings = await SettingsAsync(cancellationToken);
        var viewer = await ViewerAsync(userId, roles, settings, cancellationToken);
        return new PoolStanding(settings, viewer.ApprovedNominations, PoolRules.IsContributor(settings, viewer.ApprovedNominations), PoolRules.Narrowed(settings, viewer), PoolRules.Describe(settings, viewer));
    }

    private async Task<IReadOnlyCollection<string>> RolesOfAsync(string userId, CancellationToken cancellationToken) =>
        await db.UserRoles.AsNoTracking().Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);
}
