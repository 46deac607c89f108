using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Endorse.Data;
using Endorse.Listing;
using Endorse.Notifications;
using Endorse.Requests;
using Endorse.Settings;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Objections;

/// <summary>
/// The objections behind blocked approaches: the list and the report (by objection, owner, sales area and month, with
/// the accounts behind each figure), the service-problem escalation (once per episode, to the product's service lead),
/// and its settings.
/// </summary>
public sealed class ObjectionService(EndorseDbContext db, Notifier notifier, TimeProvider clock)
{
    /// <summary>The report groups at most this many objections (the newest); past it, narrow the months.</summary>
    public const int ReportLimit = 50_000;

    public async Task<ServiceEscalationSettings> SettingsAsync(CancellationToken cancellationToken = default) =>
        ProgramSettingsService.Read(
            await db.ProgramSettings.AsNoTracking().Where(s => s.Id == ProgramSettings.SingletonId).Select(s => s.ServiceEscalation).FirstOrDefaultAsync(cancellationToken),
            ServiceEscalationSettings.Default);

    /// <summary>Replaces the escalation settings (reference managers and administrators; audited).</summary>
    public async Task<CommandResult<ServiceEscalationSettings>> UpdateSettingsAsync(ServiceEscalationSettings? settings, CancellationToken cancellationToken = default)
    {
        if (settings is null)
        {
            return CommandResult.Invalid<ServiceEscalationSettings>(new ValidationErrors().Add("body", "Escalation settings are required."));
        }

        var errors = settings.Validate();
        if (settings.SeniorServiceContactId is { Length: > 0 } contact && !await db.Users.AnyAsync(u => u.Id == contact, cancellationToken))
        {
            errors.Add(nameof(ServiceEscalationSettings.SeniorServiceContactId), "No user has this id.");
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid<ServiceEscalationSettings>(errors);
        }

        settings = settings with { SeniorServiceContactId = string.IsNullOrWhiteSpace(settings.SeniorServiceContactId) ? null : settings.SeniorServiceContactId };
        var row = await db.ProgramSettings.FirstOrDefaultAsync(s => s.Id == ProgramSettings.SingletonId, cancellationToken);
        if (row is null)
        {
            row = new ProgramSettings { Id = ProgramSettings.SingletonId };
            db.ProgramSettings.Add(row);
        }

        var json = JsonSerializer.Serialize(settings, ProgramSettingsService.Json);
        db.Audit("ProgramSettings", ProgramSettings.SingletonId.ToString(CultureInfo.InvariantCulture), "ServiceEscalationChanged", JsonSerializer.Serialize(new { from = row.ServiceEscalation, to = json }));
        row.ServiceEscalation = json;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(settings);
    }

    /// <summary>Checks a filter's months ("yyyy-MM").</summary>
    public static ValidationErrors Validate(ObjectionFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var errors = new ValidationErrors();
        if (filter.Objection is { } objection)
        {
            errors.Defined("objection", objection, "Objection");
        }

        if (filter.FromMonth is not null && Month(filter.FromMonth) is null)
        {
            errors.Add("fromMonth", "Give the first month as yyyy-MM, e.g. 2026-01.");
        }

        if (filter.ToMonth is not null && Month(filter.ToMonth) is null)
        {
            errors.Add("toMonth", "Give the last month as yyyy-MM, e.g. 2026-12.");
        }

        if (errors.IsValid && Month(filter.FromMonth) is { } from && Month(filter.ToMonth) is { } to && to < from)
        {
            errors.Add("toMonth", "The last month must not be before the first.");
        }

        return errors;
    }

    /// <summary>The blocked approaches matching the filter, newest first (not yet paged).</summary>
    public IQueryable<ObjectionRow> Query(ObjectionFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var blocked = db.RequestParticipants.AsNoTracking().Where(p => p.Objection != null && p.OwnerDecidedAt != null);
        if (filter.Objection is { } objection)
        {
            blocked = blocked.Where(p => p.Objection == objection);
        }

        if (!string.IsNullOrWhiteSpace(filter.OwnerId))
        {
            blocked = blocked.Where(p => p.OwnerDecisionById == filter.OwnerId);
        }

        if (Month(filter.FromMonth) is { } from)
        {
            blocked = blocked.Where(p => p.OwnerDecidedAt >= from);
        }

        if (Month(filter.ToMonth) is { } to)
        {
            var end = to.AddMonths(1);
            blocked = blocked.Where(p => p.OwnerDecidedAt < end);
        }

        var rows = blocked.Join(db.Accounts, p => p.Advocate!.AccountId, a => a.Id, (p, a) => new { p, a });
        if (filter.SalesAreaId is { } area)
        {
            rows = rows.Where(x => x.a.SalesAreaId == area);
        }

        if (filter.SectorId is { } sector)
        {
            rows = rows.Where(x => x.a.SectorId == sector);
        }

        if (filter.ProductId is { } product)
        {
            rows = rows.Where(x => db.AccountProducts.Any(ap => ap.AccountId == x.a.Id && ap.ProductId == product));
        }

        var search = SearchText.Normalize(filter.Search);
        if (search.Length > 0)
        {
            var upper = SearchText.UpperBound(search);
            rows = rows.Where(x => string.Compare(x.a.NameSearch, search) >= 0 && string.Compare(x.a.NameSearch, upper) < 0);
        }

        return rows.OrderByDescending(x => x.p.OwnerDecidedAt).ThenByDescending(x => x.p.Id)
            .Select(x => new ObjectionRow(
                x.p.RequestId,
                x.p.Id,
                x.p.OwnerDecidedAt!.Value,
                x.p.Objection!.Value,
                x.p.ObjectionNote,
                x.a.Id,
                x.a.Name,
                x.p.OwnerDecisionById,
                db.Users.Where(u => u.Id == x.p.OwnerDecisionById).Select(u => u.DisplayName).FirstOrDefault(),
                x.a.SalesAreaId,
                db.SalesAreas.Where(s => s.Id == x.a.SalesAreaId).Select(s => s.Name).FirstOrDefault()));
    }

    public Task<Page<ObjectionRow>> ListAsync(ObjectionFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        Query(filter).ToPageAsync(page, cancellationToken);

    public async IAsyncEnumerable<ObjectionCsvRow> ExportAsync(ObjectionFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var r in Query(filter).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new ObjectionCsvRow(
                r.At.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), MonthKey(r.At), Playbook.Label(r.Objection), r.Note,
                r.AccountName, r.OwnerName, r.SalesAreaName, r.RequestId);
        }
    }

    /// <summary>The figures by one dimension, each with the accounts behind it.</summary>
    public async Task<ObjectionReport> ReportAsync(ObjectionFilter filter, ObjectionGrouping groupBy, CancellationToken cancellationToken = default)
    {
        var rows = await Query(filter).Take(ReportLimit).ToListAsync(cancellationToken);
        var groups = rows.GroupBy(r => groupBy switch
        {
            ObjectionGrouping.Owner => (Key: r.OwnerId ?? "-", Label: r.OwnerName ?? "No owner"),
            ObjectionGrouping.SalesArea => (Key: r.SalesAreaId?.ToString(CultureInfo.InvariantCulture) ?? "-", Label: r.SalesAreaName ?? "No sales area"),
            ObjectionGrouping.Month => (Key: MonthKey(r.At), Label: r.At.UtcDateTime.ToString("MMMM yyyy", CultureInfo.InvariantCulture)),
            _ => (Key: r.Objection.ToString(), Label: Playbook.Label(r.Objection)),
        });
        var figures = groups
            .Select(g => new ObjectionFigure(
                g.Key.Key,
                g.Key.Label,
                g.Count(),
                [.. g.GroupBy(r => (r.AccountId, r.AccountName)).Select(a => new ObjectionAccount(a.Key.AccountId, a.Key.AccountName, a.Count()))
                    .OrderByDescending(a => a.Count).ThenBy(a => a.Name, StringComparer.CurrentCulture)]))
            .ToList();
        figures = groupBy == ObjectionGrouping.Month
            ? [.. figures.OrderBy(f => f.Key, StringComparer.Ordinal)]
            : [.. figures.OrderByDescending(f => f.Count).ThenBy(f => f.Label, StringComparer.CurrentCulture)];
        return new ObjectionReport(groupBy, rows.Count, figures);
    }

    public Task<Page<EscalationRow>> EscalationsAsync(PageRequest page, CancellationToken cancellationToken = default) =>
        db.ServiceEscalations.AsNoTracking().OrderByDescending(e => e.StartedAt).ThenByDescending(e => e.Id)
            .Select(e => new EscalationRow(e.Id, e.Scope, e.ScopeId, e.ScopeName, e.StartedAt, e.NotifiedAt, e.NotifiedNames, e.Accounts, e.AccountCount))
            .ToPageAsync(page, cancellationToken);

    /// <summary>Names a product's service lead (or none); audited as a change of the product.</summary>
    public async Task<CommandResult<string?>> SetServiceLeadAsync(int productId, string? userId, CancellationToken cancellationToken = default)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId, cancellationToken);
        if (product is null)
        {
            return CommandResult.Missing<string?>();
        }

        userId = string.IsNullOrWhiteSpace(userId) ? null : userId.Trim();
        if (userId is not null && !await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, cancellationToken))
        {
            return CommandResult.Invalid<string?>(new ValidationErrors().Add("userId", "No active user has this id."));
        }

        product.ServiceLeadId = userId;
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(userId);
    }

    /// <summary>
    /// After a service-problem objection at an account: for each product the account owns and for its sector, tells the
    /// service lead once when the objections there make an episode (see <see cref="ServiceEscalationRule"/>). Returns the
    /// episodes notified now.
    /// </summary>
    public async Task<IReadOnlyList<ServiceEscalation>> CheckServiceProblemsAsync(int accountId, CancellationToken cancellationToken = default)
    {
        var settings = await SettingsAsync(cancellationToken);
        var rule = new ServiceEscalationRule(settings, clock);
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => new { a.SectorId }).FirstOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return [];
        }

        var service = db.RequestParticipants.AsNoTracking()
            .Where(p => p.Objection == ObjectionReason.ServiceProblems && p.OwnerDecidedAt != null);
        var notified = new List<ServiceEscalation>();
        var products = await db.AccountProducts.AsNoTracking().Where(p => p.AccountId == accountId).Select(p => p.ProductId).ToListAsync(cancellationToken);
        foreach (var productId in products)
        {
            var objections = await service
                .Where(p => db.AccountProducts.Any(ap => ap.AccountId == p.Advocate!.AccountId && ap.ProductId == productId))
                .Select(p => new ServiceObjection(p.OwnerDecidedAt!.Value, p.Advocate!.AccountId))
                .ToListAsync(cancellationToken);
            if (rule.Current(objections) is { } episode && await NotifyOnceAsync(EscalationScope.Product, productId, episode, settings, cancellationToken) is { } done)
            {
                notified.Add(done);
            }
        }

        if (account.SectorId is { } sectorId)
        {
            var objections = await service
                .Where(p => db.Accounts.Any(a => a.Id == p.Advocate!.AccountId && a.SectorId == sectorId))
                .Select(p => new ServiceObjection(p.OwnerDecidedAt!.Value, p.Advocate!.AccountId))
                .ToListAsync(cancellationToken);
            if (rule.Current(objections) is { } episode && await NotifyOnceAsync(EscalationScope.Sector, sectorId, episode, settings, cancellationToken) is { } done)
            {
                notified.Add(done);
            }
        }

        return notified;
    }

    private async Task<ServiceEscalation?> NotifyOnceAsync(EscalationScope scope, int scopeId, EscalationEpisode episode, ServiceEscalationSettings settings, CancellationToken cancellationToken)
    {
        if (await db.ServiceEscalations.AnyAsync(e => e.Scope == scope && e.ScopeId == scopeId && e.StartedAt == episode.StartedAt, cancellationToken))
        {
            return null;
        }

        string? scopeName, leadId = null;
        if (scope == EscalationScope.Product)
        {
            var product = await db.Products.AsNoTracking().Where(p => p.Id == scopeId).Select(p => new { p.Name, p.ServiceLeadId }).FirstOrDefaultAsync(cancellationToken);
            (scopeName, leadId) = (product?.Name, product?.ServiceLeadId);
        }
        else
        {
            scopeName = await db.Sectors.AsNoTracking().Where(s => s.Id == scopeId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        }
        var recipients = await RecipientsAsync(leadId, settings.SeniorServiceContactId, cancellationToken);
        var accounts = await db.Accounts.AsNoTracking().Where(a => episode.AccountIds.Contains(a.Id)).OrderBy(a => a.Name).Select(a => a.Name).ToListAsync(cancellationToken);
        var names = await db.Users.AsNoTracking().Where(u => recipients.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => u.DisplayName).ToListAsync(cancellationToken);
        var escalation = new ServiceEscalation
        {
            Scope = scope,
            ScopeId = scopeId,
            ScopeName = scopeName,
            StartedAt = episode.StartedAt,
            NotifiedAt = clock.GetUtcNow(),
            NotifiedNames = names.Count == 0 ? null : Truncate(string.Join(", ", names), 2000),
            Accounts = Truncate(string.Join(", ", accounts), 4000),
            AccountCount = accounts.Count,
        };
        var what = scope == EscalationScope.Product ? $"customers of {scopeName}" : $"customers in {scopeName}";
        var link = scope == EscalationScope.Product ? $"/objections?objection=ServiceProblems&productId={scopeId}" : $"/objections?objection=ServiceProblems&sectorId={scopeId}";
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.ServiceEscalations.Add(escalation);
            db.Audit("ServiceEscalation", $"{scope}:{scopeId}", "Escalated", JsonSerializer.Serialize(new { startedAt = episode.StartedAt, accounts = escalation.Accounts, notified = escalation.NotifiedNames }));
            await db.SaveChangesAsync(cancellationToken);
            foreach (var userId in recipients)
            {
                await notifier.NotifyAsync(
                    userId,
                    $"Service problems are blocking references: {scopeName}",
                    $"{accounts.Count} {what} blocked reference approaches because of service problems in the last {settings.WindowDays} days: " +
                        $"{string.Join(", ", accounts)}. The account owners' notes are in the objections report; a word from service would help.",
                    link,
                    sendEmail: true,
                    cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another block at the same moment notified this episode (the unique index on scope and start).
            db.ChangeTracker.Clear();
            return null;
        }

        return escalation;
    }

    /// <summary>The product's service lead; else the senior service contact; else the reference managers (active users only).</summary>
    private async Task<List<string>> RecipientsAsync(string? leadId, string? seniorId, CancellationToken cancellationToken)
    {
        foreach (var candidate in new[] { leadId, seniorId })
        {
            if (candidate is not null && await db.Users.AnyAsync(u => u.Id == candidate && u.IsActive, cancellationToken))
            {
                return [candidate];
            }
        }

        return await db.UserRoles.AsNoTracking()
            .Join(db.Roles.Where(r => r.Name == Roles.ReferenceManager), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Join(db.Users.Where(u => u.IsActive), id => id, u => u.Id, (id, _) => id)
            .Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>"2026-03" → the first instant of that month (UTC); null when not such a month.</summary>
    public static DateTimeOffset? Month(string? value) =>
        DateTime.TryParseExact(value?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var month)
            ? new DateTimeOffset(month, TimeSpan.Zero)
            : null;

    public static string MonthKey(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
