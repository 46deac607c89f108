using System.Text.Json;
using Endorse.Accounts;
using Endorse.Contacts;
using Endorse.Data;
using Endorse.Listing;
using Endorse.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Import;

/// <summary>One warning of an import: where, the value, and what was done; for the report, the API and its CSV.</summary>
public sealed record ImportWarningRow(int LineNumber, string? ExternalId, ImportWarningKind Kind, string Column, string? Value, string Message);

/// <summary>
/// An industry an import saw: how many rows, the sector it was read as then, and where it stands now (a sector
/// created or a mapping made since reaches it), with the accounts that still have no sector because of it.
/// </summary>
public sealed record ImportIndustry(
    string Industry, string Column, int Rows, string? SectorAtImport, ImportReadingBasis BasisAtImport,
    int? SectorId, string? Sector, bool ByMapping, int AccountsWithoutSector);

/// <summary>A deal stage an import saw: how many rows, how it was read then and on what basis, and a person's mapping now.</summary>
public sealed record ImportDealStage(string Stage, string Column, int Rows, DealOutcome ReadAs, ImportReadingBasis Basis, DealOutcome? MappedAs);

/// <summary>An account type or lifecycle stage an import saw, and the relationship it reads as (null: it says none).</summary>
public sealed record ImportAccountType(string Column, string Value, int Rows, AccountRelationship? ReadAs);

/// <summary>What to do about an industry with no sector: create a sector named like it, or map it to an existing sector.</summary>
public sealed class IndustryResolution
{
    public string? Industry { get; set; }
    public bool CreateSector { get; set; }
    public int? SectorId { get; set; }
}

public sealed class IndustryResolutionInput
{
    public List<IndustryResolution>? Resolutions { get; set; }
}

/// <summary>How a deal stage is to be read from now on: open, won or lost.</summary>
public sealed class StageResolution
{
    public string? Stage { get; set; }
    public DealOutcome? Outcome { get; set; }
}

public sealed class StageResolutionInput
{
    public List<StageResolution>? Stages { get; set; }
}

/// <summary>What resolving industries did.</summary>
public sealed record IndustriesResolved(int SectorsCreated, int MappingsSaved, int AccountsUpdated, IReadOnlyList<ImportIndustry> Industries);

/// <summary>What mapping deal stages did.</summary>
public sealed record DealStagesMapped(int MappingsSaved, int OpportunitiesUpdated, int AccountsChanged, IReadOnlyList<ImportDealStage> Stages);

/// <summary>A person's mapping of a CRM value, as the mappings list shows it.</summary>
public sealed record ImportMappingRow(int Id, ImportValueKind Kind, string Value, int? SectorId, string? Sector, DealOutcome? Outcome, string? CreatedByName, DateTimeOffset CreatedAt);

/// <summary>
/// The parts of an import's report beyond its counts (its warnings, the industries, deal stages and account types it
/// read) and the fixes a person makes from it: create the missing sectors or map industries to sectors, say how a
/// custom pipeline's stages read. Each fix is saved as a mapping that every later import uses, applied at once to
/// the records already imported, in one transaction, audited, and idempotent (applying it again changes nothing).
/// </summary>
public sealed class ImportReportService(EndorseDbContext db)
{
    private const int MaxResolutions = 500;

    public Task<Page<ImportWarningRow>> WarningsAsync(int runId, PageRequest request, ImportWarningKind? kind = null, CancellationToken cancellationToken = default) =>
        Warnings(runId, kind).ToPageAsync(request, cancellationToken);

    public IAsyncEnumerable<ImportWarningRow> WarningsStream(int runId, ImportWarningKind? kind = null) => Warnings(runId, kind).AsAsyncEnumerable();

    private IQueryable<ImportWarningRow> Warnings(int runId, ImportWarningKind? kind)
    {
        var warnings = db.ImportWarnings.AsNoTracking().Where(w => w.ImportRunId == runId);
        if (kind is { } only)
        {
            warnings = warnings.Where(w => w.Kind == only);
        }

        return warnings.OrderBy(w => w.LineNumber).ThenBy(w => w.Id)
            .Select(w => new ImportWarningRow(w.LineNumber, w.ExternalId, w.Kind, w.Column, w.Value, w.Message));
    }

    /// <summary>The industries the run saw, those still without a sector first, then by rows.</summary>
    public async Task<IReadOnlyList<ImportIndustry>> IndustriesAsync(int runId, CancellationToken cancellationToken = default)
    {
        var seen = await Seen(runId, ImportValueKind.Industry).ToListAsync(cancellationToken);
        if (seen.Count == 0)
        {
            return [];
        }

        var sectors = await db.Sectors.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        var sectorNames = sectors.ToDictionary(s => s.Id, s => s.Name);
        var byKey = new Dictionary<string, (int Id, bool ByMapping)>(StringComparer.Ordinal);
        foreach (var sector in sectors.OrderBy(s => s.Id))
        {
            byKey.TryAdd(ImportValues.Key(sector.Name), (sector.Id, false));
        }

        foreach (var mapping in await db.ImportValueMappings.AsNoTracking().Where(m => m.Kind == ImportValueKind.Industry && m.SectorId != null).Select(m => new { m.Key, m.SectorId }).ToListAsync(cancellationToken))
        {
            byKey[mapping.Key] = (mapping.SectorId!.Value, true);
        }

        var lowered = seen.Select(v => v.Value.ToLowerInvariant()).Distinct().ToList();
        var withoutSector = await db.Accounts.AsNoTracking()
            .Where(a => a.SectorId == null && a.Industry != null && lowered.Contains(a.Industry.ToLower()))
            .GroupBy(a => a.Industry!.ToLower())
            .Select(g => new { Industry = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var missing = withoutSector.GroupBy(w => ImportValues.Key(w.Industry)).ToDictionary(g => g.Key, g => g.Sum(w => w.Count), StringComparer.Ordinal);

        return seen
            .Select(v =>
            {
                var key = ImportValues.Key(v.Value);
                var now = byKey.TryGetValue(key, out var found) ? found : ((int Id, bool ByMapping)?)null;
                return new ImportIndustry(
                    v.Value, v.Column, v.Rows, v.Reading is { } at ? sectorNames.GetValueOrDefault(at) : null, v.Basis,
                    now?.Id, now is { } n ? sectorNames.GetValueOrDefault(n.Id) : null, now?.ByMapping ?? false, missing.GetValueOrDefault(key));
            })
            .OrderBy(i => i.SectorId is null ? 0 : 1).ThenByDescending(i => i.AccountsWithoutSector).ThenByDescending(i => i.Rows).ThenBy(i => i.Industry, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>The deal stages the run saw, with how each was read and a person's mapping now; most rows first.</summary>
    public async Task<IReadOnlyList<ImportDealStage>> DealStagesAsync(int runId, CancellationToken cancellationToken = default)
    {
        var seen = await Seen(runId, ImportValueKind.DealStage).ToListAsync(cancellationToken);
        var mappings = await StageMappingsAsync(cancellationToken);
        return seen
            .Select(v => new ImportDealStage(v.Value, v.Column, v.Rows, (DealOutcome)(v.Reading ?? 0), v.Basis, mappings.TryGetValue(ImportValues.Key(v.Value), out var m) ? m : null))
            .OrderByDescending(s => s.Rows).ThenBy(s => s.Stage, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    public async Task<IReadOnlyList<ImportAccountType>> AccountTypesAsync(int runId, CancellationToken cancellationToken = default) =>
        (await Seen(runId, ImportValueKind.AccountType).ToListAsync(cancellationToken))
            .Select(v => new ImportAccountType(v.Column, v.Value, v.Rows, v.Reading is { } r ? (AccountRelationship)r : null))
            .OrderBy(t => t.Column, StringComparer.Ordinal).ThenByDescending(t => t.Rows).ThenBy(t => t.Value, StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>
    /// Creates the sectors asked for (or finds the one already named so), saves each industry's mapping to its sector,
    /// and gives the sector to the accounts that have none because of that industry (and to those a previous mapping of
    /// it gave another sector). Everything or nothing; audited on the import; a second identical call changes nothing.
    /// </summary>
    public async Task<CommandResult<IndustriesResolved>> ResolveIndustriesAsync(int runId, IndustryResolutionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var run = await db.ImportRuns.AsNoTracking().Where(r => r.Id == runId).Select(r => new { r.Status, r.Entity }).FirstOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            return CommandResult.Missing<IndustriesResolved>();
        }

        var seen = await Seen(runId, ImportValueKind.Industry).ToListAsync(cancellationToken);
        var seenByKey = seen.GroupBy(v => ImportValues.Key(v.Value)).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var errors = new ValidationErrors();
        var resolutions = input.Resolutions ?? [];
        if (run.Status != ImportStatus.Completed)
        {
            errors.Add("import", "Only a completed import's industries can be resolved.");
        }
        else if (resolutions.Count == 0)
        {
            errors.Add("resolutions", "Say for at least one industry whether to create a sector or which sector it means.");
        }
        else if (resolutions.Count > MaxResolutions)
        {
            errors.Add("resolutions", $"At most {MaxResolutions} industries at once.");
        }

        var sectorIds = resolutions.Select(r => r?.SectorId).OfType<int>().Distinct().ToList();
        var existingSectors = await db.Sectors.Where(s => sectorIds.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < resolutions.Count && errors.IsValid; i++)
        {
            var resolution = resolutions[i];
            var field = $"resolutions[{i}]";
            var key = resolution?.Industry is { } industry ? ImportValues.Key(industry) : string.Empty;
            if (resolution is null || key.Length == 0)
            {
                errors.Add(field + ".industry", "Name the industry.");
            }
            else if (!seenByKey.ContainsKey(key))
            {
                errors.Add(field + ".industry", $"This import saw no industry '{resolution.Industry}'.");
            }
            else if (!keys.Add(key))
            {
                errors.Add(field + ".industry", $"The industry '{resolution.Industry}' is listed twice.");
            }
            else if (resolution.CreateSector == resolution.SectorId.HasValue)
            {
                errors.Add(field, "Either create a sector (createSector: true) or choose one (sectorId), not both or neither.");
            }
            else if (resolution.SectorId is { } sectorId && !existingSectors.Contains(sectorId))
            {
                errors.Add(field + ".sectorId", "That sector does not exist.");
            }
            else if (resolution.CreateSector && seenByKey[key][0].Value.Length > CatalogNames.MaxNameLength)
            {
                errors.Add(field + ".createSector", $"A sector name is at most {CatalogNames.MaxNameLength} characters; choose an existing sector instead.");
            }
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid<IndustriesResolved>(errors);
        }

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var now = db.Clock.GetUtcNow();
        var sectors = await db.Sectors.ToListAsync(cancellationToken);
        var mappings = await db.ImportValueMappings.Where(m => m.Kind == ImportValueKind.Industry).ToListAsync(cancellationToken);
        int created = 0, saved = 0, updated = 0;
        var moved = new List<int>();
        var done = new List<object>();
        foreach (var resolution in resolutions)
        {
            var key = ImportValues.Key(resolution.Industry!);
            var spelling = seenByKey[key][0].Value;
            Sector target;
            if (resolution.CreateSector)
            {
                var named = sectors.FirstOrDefault(s => ImportValues.Key(s.Name) == key);
                if (named is null)
                {
                    named = new Sector { Name = spelling, Description = "Created from an import's industries." };
                    db.Sectors.Add(named);
                    sectors.Add(named);
                    await db.SaveChangesAsync(cancellationToken);
                    created++;
                }

                target = named;
            }
            else
            {
                target = sectors.Single(s => s.Id == resolution.SectorId);
            }

            // A mapping is kept only when the sector's own name does not already say the industry.
            var mapping = mappings.FirstOrDefault(m => m.Key == key);
            var previous = mapping?.SectorId;
            if (ImportValues.Key(target.Name) == key)
            {
                if (mapping is not null)
                {
                    db.ImportValueMappings.Remove(mapping);
                    mappings.Remove(mapping);
                    saved++;
                }
            }
            else if (mapping is null)
            {
                mapping = new ImportValueMapping { Kind = ImportValueKind.Industry, Key = key, Value = spelling, SectorId = target.Id, CreatedByName = db.ActorName, CreatedAt = now };
                db.ImportValueMappings.Add(mapping);
                mappings.Add(mapping);
                saved++;
            }
            else if (mapping.SectorId != target.Id)
            {
                mapping.SectorId = target.Id;
                saved++;
            }

            await db.SaveChangesAsync(cancellationToken);

            // The accounts without a sector because of this industry, and those the previous mapping gave another sector.
            var lowered = seenByKey[key].Select(v => v.Value.ToLowerInvariant()).Append(spelling.ToLowerInvariant()).Distinct().ToList();
            var from = previous is { } p && p != target.Id ? p : (int?)null;
            var candidates = await db.Accounts.AsNoTracking()
                .Where(a => a.Industry != null && lowered.Contains(a.Industry.ToLower()) && (a.SectorId == null || (from != null && a.SectorId == from)))
                .Select(a => new { a.Id, a.Industry })
                .ToListAsync(cancellationToken);
            var ids = candidates.Where(a => ImportValues.Key(a.Industry!) == key).Select(a => a.Id).ToList();
            foreach (var chunk in ids.Chunk(1_000))
            {
                var list = chunk.ToList();
                updated += await db.Accounts.Where(a => list.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.SectorId, target.Id).SetProperty(a => a.UpdatedAt, now), cancellationToken);
            }

            moved.AddRange(ids);
            done.Add(new { industry = spelling, sector = target.Name, sectorId = target.Id, createdSector = resolution.CreateSector, accounts = ids.Count });
        }

        // Contacts carry copies of their account's sector.
        foreach (var chunk in moved.Chunk(1_000))
        {
            await ContactPlaces.RefreshAsync(db, chunk, cancellationToken);
        }

        db.Audit("Import", runId.ToString(System.Globalization.CultureInfo.InvariantCulture), "IndustriesResolved", JsonSerializer.Serialize(new { resolutions = done, sectorsCreated = created, mappingsSaved = saved, accountsUpdated = updated }));
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return CommandResult.Ok(new IndustriesResolved(created, saved, updated, await IndustriesAsync(runId, cancellationToken)));
    }

    /// <summary>
    /// Saves how each stage reads from now on and applies it to the deals already imported with that stage from the
    /// same CRM, unless the import read them from the file's own won/closed columns; the accounts of deals that changed
    /// have their relationship decided again. Everything or nothing; audited on the import; idempotent.
    /// </summary>
    public async Task<CommandResult<DealStagesMapped>> MapDealStagesAsync(int runId, StageResolutionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var run = await db.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
        {
            return CommandResult.Missing<DealStagesMapped>();
        }

        var seen = await Seen(runId, ImportValueKind.DealStage).ToListAsync(cancellationToken);
        var seenByKey = seen.GroupBy(v => ImportValues.Key(v.Value)).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var errors = new ValidationErrors();
        var stages = input.Stages ?? [];
        if (run.Status != ImportStatus.Completed)
        {
            errors.Add("import", "Only a completed import's deal stages can be mapped.");
        }
        else if (stages.Count == 0)
        {
            errors.Add("stages", "Say for at least one stage whether it means open, won or lost.");
        }
        else if (stages.Count > MaxResolutions)
        {
            errors.Add("stages", $"At most {MaxResolutions} stages at once.");
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < stages.Count && errors.IsValid; i++)
        {
            var stage = stages[i];
            var field = $"stages[{i}]";
            var key = stage?.Stage is { } text ? ImportValues.Key(text) : string.Empty;
            if (stage is null || key.Length == 0)
            {
                errors.Add(field + ".stage", "Name the stage.");
            }
            else if (!seenByKey.ContainsKey(key))
            {
                errors.Add(field + ".stage", $"This import saw no deal stage '{stage.Stage}'.");
            }
            else if (!keys.Add(key))
            {
                errors.Add(field + ".stage", $"The stage '{stage.Stage}' is listed twice.");
            }
            else if (stage.Outcome is not { } outcome || !Enum.IsDefined(outcome))
            {
                errors.Add(field + ".outcome", "Outcome must be one of: Open, Won, Lost.");
            }
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid<DealStagesMapped>(errors);
        }

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var now = db.Clock.GetUtcNow();
        var source = run.SourceSystem;
        var mappings = await db.ImportValueMappings.Where(m => m.Kind == ImportValueKind.DealStage).ToListAsync(cancellationToken);
        int saved = 0, updatedDeals = 0;
        var accounts = new HashSet<int>();
        var done = new List<object>();
        foreach (var stage in stages)
        {
            var key = ImportValues.Key(stage.Stage!);
            var outcome = stage.Outcome!.Value;
            var spelling = seenByKey[key][0].Value;
            var mapping = mappings.FirstOrDefault(m => m.Key == key);
            if (mapping is null)
            {
                db.ImportValueMappings.Add(new ImportValueMapping { Kind = ImportValueKind.DealStage, Key = key, Value = spelling, Outcome = outcome, CreatedByName = db.ActorName, CreatedAt = now });
                saved++;
            }
            else if (mapping.Outcome != outcome)
            {
                mapping.Outcome = outcome;
                saved++;
            }

            await db.SaveChangesAsync(cancellationToken);

            // Deals this import read from the file's own columns keep what the file said.
            var applied = 0;
            if (seenByKey[key].All(v => v.Basis != ImportReadingBasis.FileColumns))
            {
                var (isWon, isClosed) = DealStages.Outcome(outcome, null, null);
                var lowered = seenByKey[key].Select(v => v.Value.ToLowerInvariant()).Distinct().ToList();
                var deals = await db.Opportunities.AsNoTracking()
                    .Where(o => o.Source == source && o.Stage != null && lowered.Contains(o.Stage.ToLower()) && (o.IsWon != isWon || o.IsClosed != isClosed))
                    .Select(o => new { o.Id, o.AccountId, o.IsWon })
                    .ToListAsync(cancellationToken);
                foreach (var chunk in deals.Chunk(1_000))
                {
                    var ids = chunk.Select(d => d.Id).ToList();
                    applied += await db.Opportunities.Where(o => ids.Contains(o.Id)).ExecuteUpdateAsync(s => s.SetProperty(o => o.IsWon, isWon).SetProperty(o => o.IsClosed, isClosed).SetProperty(o => o.UpdatedAt, now), cancellationToken);
                }

                accounts.UnionWith(deals.Where(d => d.IsWon != isWon).Select(d => d.AccountId).OfType<int>());
            }

            updatedDeals += applied;
            done.Add(new { stage = spelling, outcome = outcome.ToString(), opportunities = applied });
        }

        var changedAccounts = await AccountRelationships.RefreshAsync(db, accounts, cancellationToken);
        db.Audit("Import", runId.ToString(System.Globalization.CultureInfo.InvariantCulture), "DealStagesMapped", JsonSerializer.Serialize(new { stages = done, mappingsSaved = saved, opportunitiesUpdated = updatedDeals, accountsChanged = changedAccounts }));
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return CommandResult.Ok(new DealStagesMapped(saved, updatedDeals, changedAccounts, await DealStagesAsync(runId, cancellationToken)));
    }

    /// <summary>Every mapping people made, industries first, by value.</summary>
    public Task<List<ImportMappingRow>> MappingsAsync(CancellationToken cancellationToken = default) =>
        db.ImportValueMappings.AsNoTracking()
            .OrderBy(m => m.Kind).ThenBy(m => m.Value)
            .Select(m => new ImportMappingRow(m.Id, m.Kind, m.Value, m.SectorId, m.Sector != null ? m.Sector.Name : null, m.Outcome, m.CreatedByName, m.CreatedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Removes a mapping: later imports read the value by themselves again; records already imported keep what it gave them.</summary>
    public async Task<CommandResult<bool>> DeleteMappingAsync(int id, CancellationToken cancellationToken = default)
    {
        var mapping = await db.ImportValueMappings.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (mapping is null)
        {
            return CommandResult.Missing<bool>();
        }

        db.ImportValueMappings.Remove(mapping);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(true);
    }

    private async Task<Dictionary<string, DealOutcome>> StageMappingsAsync(CancellationToken cancellationToken) =>
        (await db.ImportValueMappings.AsNoTracking().Where(m => m.Kind == ImportValueKind.DealStage && m.Outcome != null).Select(m => new { m.Key, m.Outcome }).ToListAsync(cancellationToken))
            .ToDictionary(m => m.Key, m => m.Outcome!.Value, StringComparer.Ordinal);

    private IQueryable<ImportSeenValue> Seen(int runId, ImportValueKind kind) =>
        db.ImportSeenValues.AsNoTracking().Where(v => v.ImportRunId == runId && v.Kind == kind);
}
