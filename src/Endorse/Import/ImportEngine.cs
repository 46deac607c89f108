using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Endorse.Accounts;
using Endorse.Contacts;
using Endorse.Data;
using Endorse.Listing;
using Endorse.Opportunities;
using Endorse.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Endorse.Import;

/// <summary>A file that cannot be imported as a whole; the import changes nothing.</summary>
public sealed class ImportFileException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Counts of an import so far, shared with the progress registry.</summary>
public sealed record ImportCounts(long BytesRead, int RowsRead, int Created, int Updated, int Skipped, int Rejected, int Warnings);

/// <summary>What one import needs to know besides the file.</summary>
public sealed record ImportJob(int RunId, ImportFormat Format, ImportEntity Entity, IReadOnlyDictionary<string, string>? Mapping)
{
    public SourceSystem Source => Format switch
    {
        ImportFormat.Salesforce => SourceSystem.Salesforce,
        ImportFormat.HubSpot => SourceSystem.HubSpot,
        _ => SourceSystem.Csv,
    };
}

/// <summary>
/// Reads a CRM export as a stream and upserts it by (Source, ExternalId) in batches: one lookup query per batch
/// reads the stored values of the batch's rows, new rows are inserted and changed ones updated in bulk
/// (<see cref="BulkWriter"/>: binary COPY on PostgreSQL, prepared statements on SQLite, on the DbContext's own
/// connection and transaction), identical rows are counted as skipped and not written. Entities are filled as the
/// EF Core path fills them (search columns, size band, timestamps, inferred seniority). The caller owns the
/// transaction (the whole import is one, so a failure takes back every row) and the DbContext (with
/// <c>AuditEachChange = false</c>: the import is audited by one summary entry).
/// </summary>
public sealed class ImportEngine
{
    public const int BatchSize = 2_000;

    /// <summary>No field and no line may be longer: a 50 MB line fails as soon as it passes this, without buffering it.</summary>
    public const int MaxLineBytes = 1024 * 1024;

    /// <summary>Rejections kept for the report; the rest are only counted.</summary>
    public const int MaxStoredRejections = 10_000;

    /// <summary>Warnings kept for the report; the rest are only counted (the report's value lists count every row).</summary>
    public const int MaxStoredWarnings = 10_000;

    /// <summary>Account ids (external → Endorse) remembered across batches; beyond this many the memory is started afresh.</summary>
    private const int MaxCachedAccounts = 500_000;

    private const int MaxCachedTitles = 10_000;

    /// <summary>SQLite page cache while an import runs: 32 MB (see <see cref="SqliteCacheSizeAsync"/>).</summary>
    private const int SqliteImportCacheKib = -32 * 1024;

    private static readonly BulkColumn<Changed<Account>>[] AccountUpdates = Updates(
        BulkColumns.Accounts, "Name", "NameSearch", "Country", "Website", "Employees", "SizeBand", "AnnualRevenue", "OwnerExternalId", "OwnerId", "RegionId", "SectorId", "Industry", "Relationship", "RelationshipSource", "CrmRelationship", "UpdatedAt");

    private static readonly BulkColumn<Changed<Contact>>[] ContactUpdates = Updates(
        BulkColumns.Contacts, "AccountId", "SectorId", "RegionId", "FirstName", "LastName", "NameSearch", "FirstNameSearch", "Title", "Email", "EmailSearch", "Phone", "SeniorityTier", "UpdatedAt");

    private static readonly BulkColumn<Changed<Opportunity>>[] OpportunityUpdates = Updates(
        BulkColumns.Opportunities, "AccountId", "Name", "NameSearch", "Stage", "Amount", "Currency", "CloseDate", "IsWon", "IsClosed", "OwnerExternalId", "OwnerId", "UpdatedAt");

    private readonly EndorseDbContext db;
    private readonly ImportJob job;
    private readonly Action<ImportCounts> onProgress;
    private readonly TimeProvider clock;
    private readonly SeenIdSet seenIds = new();
    private readonly List<Row> batch = new(BatchSize);
    private readonly Dictionary<string, AccountPlace> accountIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> unknownAccounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SeniorityTier> tiers = new(StringComparer.Ordinal);
    private readonly SeenValueTally seen = new();

    /// <summary>Accounts whose opportunities were won, un-won or moved by this import: their relationship is decided again at the end.</summary>
    private readonly HashSet<int> wonChanged = [];
    private BulkWriter? writer;

    /// <summary>Sector of each industry key: by the sector's own name, or by a person's mapping.</summary>
    private Dictionary<string, (int SectorId, ImportReadingBasis Basis)> sectors = [];
    private readonly Dictionary<string, DealOutcome> stageMappings = new(StringComparer.Ordinal);
    private string[] header = [];
    private Dictionary<string, string> owners = [];
    private RegionCountries regions = new([]);
    private Dictionary<string, int> columns = [];
    private Func<long> bytesRead = () => 0;
    private int rowsRead;
    private int created;
    private int updated;
    private int skipped;
    private int rejected;
    private int warnings;

    public ImportEngine(EndorseDbContext db, ImportJob job, Action<ImportCounts>? onProgress = null, TimeProvider? clock = null)
    {
        this.db = db;
        this.job = job;
        this.onProgress = onProgress ?? (_ => { });
        this.clock = clock ?? TimeProvider.System;
    }

    private string TableName => job.Entity switch
    {
        ImportEntity.Accounts => "Accounts",
        ImportEntity.Contacts => "Contacts",
        _ => "Opportunities",
    };

    public ImportCounts Counts => new(bytesRead(), rowsRead, created, updated, skipped, rejected, warnings);

    /// <summary>Imports the file. Throws <see cref="ImportFileException"/> when the file as a whole is unreadable.</summary>
    public async Task<ImportCounts> RunAsync(Stream input, CancellationToken cancellationToken = default)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var sqliteCache = db.Database.IsSqlite() ? await SqliteCacheSizeAsync(SqliteImportCacheKib, cancellationToken) : (int?)null;
        if (db.Database.IsNpgsql() && db.Database.CurrentTransaction is not null)
        {
            // The batches' statements are planned while the table grows inside this transaction, with no statistics for the
            // new rows, and PostgreSQL may then judge a scan of the whole table cheapest (the look-ups are additionally
            // written as one probe per id, see WithExternalIds). Every look-up and update here goes through a unique index,
            // so sequential scans are switched off until the transaction ends (SET LOCAL), and nothing else is affected. That makes the
            // cost of the one scan left (of the bulk update's small staging table) huge, which would JIT-compile every
            // bulk update at a second's cost each: JIT is switched off with it.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off; SET LOCAL jit = off", cancellationToken);
        }

        try
        {
            // A first import into an empty table builds the table's other indexes once at the end (DeferredIndexes).
            var deferred = await DeferredIndexes.DropIfEmptyAsync(db.Database, TableName, cancellationToken);
            await using (writer = BulkWriter.For(db.Database))
            {
                var counts = await ReadAsync(input, cancellationToken);
                if (deferred is not null)
                {
                    await deferred.RebuildAsync(cancellationToken);
                }

                return counts;
            }
        }
        finally
        {
            writer = null;
            if (sqliteCache is { } previous)
            {
                await SqliteCacheSizeAsync(previous, CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Sets SQLite's page cache of the import's connection (negative: KiB) and returns the previous setting. Inserting
    /// into a table's half-dozen indexes touches pages all over them; with SQLite's default 2 MB cache most of those
    /// touches are reads and re-writes through the operating system. The connection goes back to the pool afterwards,
    /// so the caller restores the previous size.
    /// </summary>
    private async Task<int> SqliteCacheSizeAsync(int size, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = "PRAGMA cache_size";
        var previous = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        command.CommandText = "PRAGMA cache_size = " + size.ToString(CultureInfo.InvariantCulture);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return previous;
    }

    private async Task<ImportCounts> ReadAsync(Stream input, CancellationToken cancellationToken)
    {
        var counter = new CountingStream(input, MaxLineBytes);
        bytesRead = () => counter.BytesRead;
        using var reader = new StreamReader(counter, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Mode = CsvMode.RFC4180,
            MaxFieldSize = MaxLineBytes,
            BadDataFound = args => throw new ImportFileException($"Line {args.Context.Parser?.RawRow}: a quote is misplaced or never closed."),
            DetectDelimiter = false,
            IgnoreBlankLines = true,
            BufferSize = 64 * 1024,
        };

        try
        {
            using var parser = new CsvParser(reader, config);
            if (!await parser.ReadAsync())
            {
                throw new ImportFileException("The file is empty: it has no header line.");
            }

            var header = parser.Record!.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
            var (indexes, missing) = ImportFields.Resolve(job.Format, job.Entity, header, job.Mapping);
            if (missing.Count > 0)
            {
                throw new ImportFileException($"Required column {string.Join(", ", missing)} is missing from the header. The header has: {string.Join(", ", header.Take(40))}.");
            }

            columns = indexes;
            this.header = header;
            await LoadLookupsAsync(cancellationToken);

            long lastLine = parser.RawRow;
            while (await parser.ReadAsync())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var line = (int)(lastLine + 1);
                lastLine = parser.RawRow;
                rowsRead++;
                if (parser.Record is { } record)
                {
                    ParseRow(record, line);
                }

                if (batch.Count >= BatchSize)
                {
                    await FlushAsync(cancellationToken);
                }
            }

            await FlushAsync(cancellationToken);
            await FinishAsync(cancellationToken);
        }
        catch (DecoderFallbackException e)
        {
            throw new ImportFileException("The file is not UTF-8 text. Export it again as CSV (UTF-8).", e);
        }
        catch (MaxFieldSizeException e)
        {
            throw new ImportFileException($"Line {e.Context?.Parser?.RawRow}: a field is longer than {MaxLineBytes / 1024 / 1024} MB.", e);
        }
        catch (CsvHelperException e) when (e.InnerException is ImportFileException inner)
        {
            throw inner;
        }
        catch (CsvHelperException e) when (e.InnerException is DecoderFallbackException)
        {
            throw new ImportFileException("The file is not UTF-8 text. Export it again as CSV (UTF-8).", e);
        }
        catch (CsvHelperException e)
        {
            throw new ImportFileException("The file is not valid CSV: " + e.Message.Split('\n')[0], e);
        }

        return Counts;
    }

    /// <summary>After the last batch: accounts whose deals changed are decided again, and the values seen are stored for the report.</summary>
    private async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (wonChanged.Count > 0)
        {
            await AccountRelationships.RefreshAsync(db, wonChanged, cancellationToken);
        }

        db.ImportSeenValues.AddRange(seen.For(job.RunId));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task LoadLookupsAsync(CancellationToken cancellationToken)
    {
        var sectorList = await db.Sectors.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        sectors = new Dictionary<string, (int, ImportReadingBasis)>(StringComparer.Ordinal);
        foreach (var sector in sectorList.OrderBy(s => s.Id))
        {
            sectors.TryAdd(ImportValues.Key(sector.Name), (sector.Id, ImportReadingBasis.SectorName));
        }

        // A person's mapping of an industry to a sector, and of a deal stage to an outcome, is read by every later import.
        var mappings = await db.ImportValueMappings.AsNoTracking().Select(m => new { m.Kind, m.Key, m.SectorId, m.Outcome }).ToListAsync(cancellationToken);
        foreach (var mapping in mappings)
        {
            if (mapping is { Kind: ImportValueKind.Industry, SectorId: { } sectorId })
            {
                sectors[mapping.Key] = (sectorId, ImportReadingBasis.Mapping);
            }
            else if (mapping is { Kind: ImportValueKind.DealStage, Outcome: { } outcome })
            {
                stageMappings[mapping.Key] = outcome;
            }
        }

        regions = new RegionCountries((await db.Regions.AsNoTracking().Select(r => new { r.Id, r.Countries }).ToListAsync(cancellationToken)).Select(r => (r.Id, r.Countries)));
        var users = await db.Users.AsNoTracking().Where(u => u.CrmUserId != null).Select(u => new { u.Id, u.CrmUserId }).ToListAsync(cancellationToken);
        owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var user in users)
        {
            owners.TryAdd(user.CrmUserId!, user.Id);
        }
    }

    private string? Value(string[] record, string field)
    {
        var index = columns.GetValueOrDefault(field, -1);
        return index >= 0 && index < record.Length ? ImportValues.Text(record[index]) : null;
    }

    private void ParseRow(string[] record, int line)
    {
        var id = Value(record, ImportFields.Id);
        if (id is null)
        {
            Reject(line, null, "The id is missing.");
            return;
        }

        if (id.Length > 100)
        {
            Reject(line, id[..100], "The id is longer than 100 characters.");
            return;
        }

        if (!seenIds.Add(id))
        {
            Reject(line, id, $"The id {id} appears more than once in the file; only its first row was imported.");
            return;
        }

        var errors = new List<string>();
        var row = new Row(line, id);
        switch (job.Entity)
        {
            case ImportEntity.Accounts:
                row.Name = Required(record, ImportFields.Name, "Name", 255, errors);
                row.Sector = Optional(record, ImportFields.Sector, "Industry", 255, errors);
                row.Type = Optional(record, ImportFields.Type, "Type", 255, errors);
                row.LifecycleStage = Optional(record, ImportFields.LifecycleStage, "Lifecycle stage", 255, errors);
                row.Country = Optional(record, ImportFields.Country, "Country", 100, errors);
                row.Website = Optional(record, ImportFields.Website, "Website", 255, errors);
                row.Owner = Optional(record, ImportFields.Owner, "Owner", 100, errors);
                if (!ImportValues.TryParseInt(Value(record, ImportFields.Employees), out var employees) || employees < 0)
                {
                    errors.Add($"Employees '{Value(record, ImportFields.Employees)}' is not a whole number.");
                }

                row.Employees = employees;
                if (!ImportValues.TryParseDecimal(Value(record, ImportFields.AnnualRevenue), out var revenue))
                {
                    errors.Add($"Annual revenue '{Value(record, ImportFields.AnnualRevenue)}' is not a number.");
                }

                row.Amount = revenue;
                break;
            case ImportEntity.Contacts:
                row.AccountId = ImportValues.FirstId(Value(record, ImportFields.Account));
                if (row.AccountId is null)
                {
                    errors.Add("The account id is missing.");
                }

                row.FirstName = Optional(record, ImportFields.FirstName, "First name", 100, errors);
                row.Name = Required(record, ImportFields.LastName, "Last name", 100, errors);
                row.Title = Optional(record, ImportFields.Title, "Title", 200, errors);
                row.Email = Optional(record, ImportFields.Email, "E-mail", 254, errors);
                row.Phone = Optional(record, ImportFields.Phone, "Phone", 50, errors);
                break;
            default:
                row.AccountId = ImportValues.FirstId(Value(record, ImportFields.Account));
                row.Name = Required(record, ImportFields.Name, "Name", 255, errors);
                row.Stage = Optional(record, ImportFields.Stage, "Stage", 100, errors);
                row.Currency = Optional(record, ImportFields.Currency, "Currency", 3, errors);
                row.Owner = Optional(record, ImportFields.Owner, "Owner", 100, errors);
                if (!ImportValues.TryParseDecimal(Value(record, ImportFields.Amount), out var amount))
                {
                    errors.Add($"Amount '{Value(record, ImportFields.Amount)}' is not a number.");
                }

                row.Amount = amount;
                if (!ImportValues.TryParseDate(Value(record, ImportFields.CloseDate), out var closeDate))
                {
                    errors.Add($"Close date '{Value(record, ImportFields.CloseDate)}' is not a date from 1900 to 2199 (yyyy-MM-dd).");
                }

                row.CloseDate = closeDate;
                if (!ImportValues.TryParseBool(Value(record, ImportFields.IsWon), out var isWon))
                {
                    errors.Add($"IsWon '{Value(record, ImportFields.IsWon)}' is not true or false.");
                }

                if (!ImportValues.TryParseBool(Value(record, ImportFields.IsClosed), out var isClosed))
                {
                    errors.Add($"IsClosed '{Value(record, ImportFields.IsClosed)}' is not true or false.");
                }

                // The file's own won/closed columns where it has them; otherwise the stage decides (when the batch is written).
                row.FileWon = columns[ImportFields.IsWon] >= 0 ? isWon : null;
                row.FileClosed = columns[ImportFields.IsClosed] >= 0 ? isClosed : null;
                break;
        }

        if (errors.Count > 0)
        {
            Reject(line, id, string.Join(" ", errors));
            return;
        }

        batch.Add(row);
    }

    private string Required(string[] record, string field, string label, int maxLength, List<string> errors)
    {
        var value = Value(record, field);
        if (value is null)
        {
            errors.Add($"{label} is required.");
            return string.Empty;
        }

        return Optional(record, field, label, maxLength, errors) ?? string.Empty;
    }

    private string? Optional(string[] record, string field, string label, int maxLength, List<string> errors)
    {
        var value = Value(record, field);
        if (value is not null && value.Length > maxLength)
        {
            errors.Add($"{label} is longer than {maxLength} characters.");
        }

        return value;
    }

    private void Reject(int line, string? externalId, string reason)
    {
        rejected++;
        if (rejected <= MaxStoredRejections)
        {
            db.ImportRejections.Add(new ImportRejection
            {
                ImportRunId = job.RunId,
                LineNumber = line,
                ExternalId = externalId is { Length: > 100 } ? externalId[..100] : externalId,
                Reason = reason.Length > 1000 ? reason[..1000] : reason,
            });
        }
    }

    private void Warn(Row row, ImportWarningKind kind, string field, string? value, string message)
    {
        warnings++;
        if (warnings <= MaxStoredWarnings)
        {
            db.ImportWarnings.Add(new ImportWarning
            {
                ImportRunId = job.RunId,
                LineNumber = row.Line,
                ExternalId = row.ExternalId is { Length: > 100 } id ? id[..100] : row.ExternalId,
                Kind = kind,
                Column = ColumnName(field),
                Value = value is { Length: > 500 } ? value[..500] : value,
                Message = message.Length > 1000 ? message[..1000] : message,
            });
        }
    }

    /// <summary>The file's header name of the column a field was read from.</summary>
    private string ColumnName(string field)
    {
        var index = columns.GetValueOrDefault(field, -1);
        var name = index >= 0 && index < header.Length ? header[index] : field;
        return name.Length > 100 ? name[..100] : name;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (batch.Count > 0)
        {
            switch (job.Entity)
            {
                case ImportEntity.Accounts:
                    await UpsertAccountsAsync(cancellationToken);
                    break;
                case ImportEntity.Contacts:
                    await UpsertContactsAsync(cancellationToken);
                    break;
                default:
                    await UpsertOpportunitiesAsync(cancellationToken);
                    break;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        batch.Clear();
        onProgress(Counts);
    }

    private List<string> BatchIds() => batch.Select(r => r.ExternalId).ToList();

    /// <summary>
    /// The table's rows from the import's source system with one of <paramref name="ids"/>, found through the unique
    /// (Source, ExternalId) index. Written as SQL because EF Core translates <c>ids.Contains(ExternalId)</c> on a nullable
    /// column as <c>ExternalId = ANY(@ids) OR (ExternalId IS NULL AND array_position(@ids, NULL) IS NOT NULL)</c>, which
    /// PostgreSQL cannot look up by the index. Even without the OR, while a first import fills the table inside its
    /// transaction the statistics say it is nearly empty, and PostgreSQL reads every row of the source and filters them
    /// by the 2,000 ids rather than look each id up: a first import of 1M contacts took 107 s of server CPU at 8,600
    /// rows/s. On PostgreSQL each id is therefore looked up on its own (a LATERAL subquery: one unique-index probe per
    /// id, whatever the statistics say).
    /// </summary>
    private IQueryable<T> WithExternalIds<T>(DbSet<T> set, List<string> ids)
        where T : class
    {
        var source = (int)job.Source;
        var table = set.EntityType.GetTableName();

        // The table name comes from the model; the values are parameters.
#pragma warning disable EF1002
        return db.Database.IsNpgsql()
            ? set.FromSqlRaw($"SELECT t.* FROM unnest({{1}}::text[]) AS ids(id) CROSS JOIN LATERAL (SELECT * FROM \"{table}\" WHERE \"Source\" = {{0}} AND \"ExternalId\" = ids.id LIMIT 1) AS t", source, ids.ToArray())
            : set.FromSqlRaw($"SELECT * FROM \"{table}\" WHERE \"Source\" = {{0}} AND \"ExternalId\" IN (SELECT value FROM json_each({{1}}))", source, JsonSerializer.Serialize(ids));
#pragma warning restore EF1002
    }

    /// <summary>Learns the Endorse ids of the accounts the batch refers to that are not known yet, in one query.</summary>
    private async Task ResolveAccountsAsync(CancellationToken cancellationToken)
    {
        if (accountIds.Count > MaxCachedAccounts || unknownAccounts.Count > MaxCachedAccounts)
        {
            accountIds.Clear();
            unknownAccounts.Clear();
        }

        var wanted = batch.Select(r => r.AccountId).OfType<string>()
            .Where(id => !accountIds.ContainsKey(id) && !unknownAccounts.Contains(id))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var found = await WithExternalIds(db.Accounts, wanted).AsNoTracking()
            .Select(a => new { a.ExternalId, a.Id, a.SectorId, a.RegionId })
            .ToListAsync(cancellationToken);
        foreach (var account in found)
        {
            accountIds[account.ExternalId!] = new AccountPlace(account.Id, account.SectorId, account.RegionId);
        }

        unknownAccounts.UnionWith(wanted.Where(id => !accountIds.ContainsKey(id)));
    }

    private async Task UpsertAccountsAsync(CancellationToken cancellationToken)
    {
        var source = job.Source;
        var ids = BatchIds();
        var stored = await WithExternalIds(db.Accounts, ids).AsNoTracking()
            .Select(a => new
            {
                Account = new Account
                {
                    Id = a.Id,
                    ExternalId = a.ExternalId,
                    Name = a.Name,
                    Country = a.Country,
                    Website = a.Website,
                    Employees = a.Employees,
                    AnnualRevenue = a.AnnualRevenue,
                    OwnerExternalId = a.OwnerExternalId,
                    OwnerId = a.OwnerId,
                    RegionId = a.RegionId,
                    SectorId = a.SectorId,
                    Industry = a.Industry,
                    SizeBand = a.SizeBand,
                    CustomerSince = a.CustomerSince,
                    Relationship = a.Relationship,
                    RelationshipSource = a.RelationshipSource,
                    CrmRelationship = a.CrmRelationship,
                    UpdatedAt = a.UpdatedAt,
                },
                HasWon = db.Opportunities.Any(o => o.AccountId == a.Id && o.IsWon),
            })
            .ToDictionaryAsync(a => a.Account.ExternalId!, StringComparer.Ordinal, cancellationToken);
        var writes = new Writes<Account>(clock.GetUtcNow());
        var moved = new List<int>();
        var saysRelationship = columns[ImportFields.Type] >= 0 || columns[ImportFields.LifecycleStage] >= 0;
        foreach (var row in batch)
        {
            var isNew = !stored.TryGetValue(row.ExternalId, out var found);
            var account = found?.Account ?? new Account { Name = row.Name!, Source = source, ExternalId = row.ExternalId };
            var before = Fields(account);
            account.Name = row.Name!;
            account.Country = row.Country;
            account.Website = row.Website;
            account.Employees = row.Employees;
            account.AnnualRevenue = row.Amount;
            account.OwnerExternalId = row.Owner;
            if (row.Owner is not null && owners.TryGetValue(row.Owner, out var ownerId))
            {
                account.OwnerId = ownerId;
            }

            if (regions.RegionFor(row.Country) is { } regionId)
            {
                account.RegionId = regionId;
            }
            else if (row.Country is not null)
            {
                Warn(row, ImportWarningKind.UnknownCountry, ImportFields.Country, row.Country, account.RegionId is null
                    ? $"No region lists the country '{row.Country}': the account was imported without a region. Add the country to a region and import again."
                    : $"No region lists the country '{row.Country}': the account kept the region it had.");
            }

            account.Industry = row.Sector;
            if (row.Sector is not null)
            {
                var (sectorId, _) = seen.Count(ImportValueKind.Industry, ColumnName(ImportFields.Sector), row.Sector, IndustryReading);
                if (sectorId is { } matched)
                {
                    account.SectorId = matched;
                }
                else
                {
                    Warn(row, ImportWarningKind.UnknownIndustry, ImportFields.Sector, row.Sector, account.SectorId is null
                        ? $"No sector matches the industry '{row.Sector}': the account was imported without a sector. Create the sector or map the industry to one in this import's report."
                        : $"No sector matches the industry '{row.Sector}': the account kept the sector it had.");
                }
            }

            // What the CRM says about the relationship, where the file has a type or lifecycle column; kept as it was otherwise.
            if (saysRelationship)
            {
                account.CrmRelationship = AccountRelationshipRule.FromCrm(
                    TallyType(ImportFields.Type, row.Type), TallyType(ImportFields.LifecycleStage, row.LifecycleStage));
            }

            (account.Relationship, account.RelationshipSource) = AccountRelationshipRule.Decide(
                account.Relationship, account.RelationshipSource, account.CrmRelationship, found?.HasWon ?? false, account.CustomerSince);
            if (account.RelationshipSource == RelationshipSource.Person && saysRelationship && account.CrmRelationship is { } crm && crm != account.Relationship)
            {
                var (field, value) = row.Type is not null && AccountRelationshipRule.FromCrm(row.Type) == crm ? (ImportFields.Type, row.Type) : (ImportFields.LifecycleStage, row.LifecycleStage);
                Warn(row, ImportWarningKind.RelationshipKept, field, value,
                    $"The CRM says '{value}' ({Words.Relationship(crm)}), but a person set the account as {Words.Relationship(account.Relationship)}: their setting was kept.");
            }

            if (!isNew && (account.SectorId, account.RegionId) != (before.SectorId, before.RegionId))
            {
                moved.Add(account.Id);
            }

            Stage(writes, account, isNew, !Fields(account).Equals(before), account.Id, before.UpdatedAt);
        }

        await WriteAsync("Accounts", BulkColumns.Accounts, AccountUpdates, writes, cancellationToken);

        // Accounts that changed sector or region take their contacts' copies with them.
        await ContactPlaces.RefreshAsync(db, moved, cancellationToken);

        static (string Name, string? Country, string? Website, int? Employees, decimal? AnnualRevenue, string? OwnerExternalId, string? OwnerId, int? RegionId, int? SectorId, string? Industry, (AccountRelationship, RelationshipSource, AccountRelationship?) Relationship, DateTimeOffset UpdatedAt) Fields(Account a) =>
            (a.Name, a.Country, a.Website, a.Employees, a.AnnualRevenue, a.OwnerExternalId, a.OwnerId, a.RegionId, a.SectorId, a.Industry, (a.Relationship, a.RelationshipSource, a.CrmRelationship), a.UpdatedAt);
    }

    private (int? Reading, ImportReadingBasis Basis) IndustryReading(string industry) =>
        sectors.TryGetValue(ImportValues.Key(industry), out var sector) ? (sector.SectorId, sector.Basis) : (null, ImportReadingBasis.NoSector);

    /// <summary>Counts a type or lifecycle value for the report and hands it on.</summary>
    private string? TallyType(string field, string? value)
    {
        if (value is not null)
        {
            seen.Count(ImportValueKind.AccountType, ColumnName(field), value, v => AccountRelationshipRule.FromCrm(v) is { } r ? ((int)r, ImportReadingBasis.BuiltIn) : (null, ImportReadingBasis.Unknown));
        }

        return value;
    }

    private async Task UpsertContactsAsync(CancellationToken cancellationToken)
    {
        var source = job.Source;
        await ResolveAccountsAsync(cancellationToken);
        var ids = BatchIds();
        var existing = await WithExternalIds(db.Contacts, ids).AsNoTracking()
            .Select(c => new Contact
            {
                Id = c.Id,
                ExternalId = c.ExternalId,
                AccountId = c.AccountId,
                FirstName = c.FirstName,
                LastName = c.LastName,
                Title = c.Title,
                Email = c.Email,
                Phone = c.Phone,
                SeniorityTier = c.SeniorityTier,
                SeniorityInferred = c.SeniorityInferred,
                SectorId = c.SectorId,
                RegionId = c.RegionId,
                UpdatedAt = c.UpdatedAt,
            })
            .ToDictionaryAsync(c => c.ExternalId!, StringComparer.Ordinal, cancellationToken);
        var writes = new Writes<Contact>(clock.GetUtcNow());
        foreach (var row in batch)
        {
            if (!accountIds.TryGetValue(row.AccountId!, out var place))
            {
                Reject(row.Line, row.ExternalId, $"The account {row.AccountId} is not in Endorse; import the accounts first.");
                continue;
            }

            var isNew = !existing.TryGetValue(row.ExternalId, out var contact);
            contact ??= new Contact { LastName = row.Name!, Source = source, ExternalId = row.ExternalId, SeniorityInferred = true };
            var before = Fields(contact);
            contact.AccountId = place.Id;
            contact.SectorId = place.SectorId;
            contact.RegionId = place.RegionId;
            contact.FirstName = row.FirstName;
            contact.LastName = row.Name!;
            contact.Title = row.Title;
            contact.Email = row.Email;
            contact.Phone = row.Phone;
            if (contact.SeniorityInferred)
            {
                contact.SeniorityTier = TierOf(row.Title);
            }
            else if (!isNew && row.Title != before.Title && TierOf(row.Title) is var reads && reads != contact.SeniorityTier)
            {
                Warn(row, ImportWarningKind.SeniorityKept, ImportFields.Title, row.Title,
                    $"The new title reads as {Words.Seniority(reads)}, but a person set the contact's tier to {Words.Seniority(contact.SeniorityTier)}: their tier was kept.");
            }

            Stage(writes, contact, isNew, !Fields(contact).Equals(before), contact.Id, before.UpdatedAt);
        }

        await WriteAsync("Contacts", BulkColumns.Contacts, ContactUpdates, writes, cancellationToken);

        static (int AccountId, int? SectorId, int? RegionId, string? FirstName, string LastName, string? Title, string? Email, string? Phone, SeniorityTier SeniorityTier, DateTimeOffset UpdatedAt) Fields(Contact c) =>
            (c.AccountId, c.SectorId, c.RegionId, c.FirstName, c.LastName, c.Title, c.Email, c.Phone, c.SeniorityTier, c.UpdatedAt);
    }

    private async Task UpsertOpportunitiesAsync(CancellationToken cancellationToken)
    {
        var source = job.Source;
        await ResolveAccountsAsync(cancellationToken);
        var ids = BatchIds();
        var existing = await WithExternalIds(db.Opportunities, ids).AsNoTracking()
            .Select(o => new Opportunity
            {
                Id = o.Id,
                ExternalId = o.ExternalId,
                AccountId = o.AccountId,
                Name = o.Name,
                Stage = o.Stage,
                Amount = o.Amount,
                Currency = o.Currency,
                CloseDate = o.CloseDate,
                IsWon = o.IsWon,
                IsClosed = o.IsClosed,
                OwnerExternalId = o.OwnerExternalId,
                OwnerId = o.OwnerId,
                UpdatedAt = o.UpdatedAt,
            })
            .ToDictionaryAsync(o => o.ExternalId!, StringComparer.Ordinal, cancellationToken);
        var writes = new Writes<Opportunity>(clock.GetUtcNow());
        foreach (var row in batch)
        {
            int? accountId = null;
            if (row.AccountId is not null)
            {
                if (!accountIds.TryGetValue(row.AccountId, out var found))
                {
                    Reject(row.Line, row.ExternalId, $"The account {row.AccountId} is not in Endorse; import the accounts first.");
                    continue;
                }

                accountId = found.Id;
            }

            var isNew = !existing.TryGetValue(row.ExternalId, out var opportunity);
            opportunity ??= new Opportunity { Name = row.Name!, Source = source, ExternalId = row.ExternalId };
            var before = Fields(opportunity);
            var (isWon, isClosed) = OutcomeOf(row);
            opportunity.AccountId = accountId;
            opportunity.Name = row.Name!;
            opportunity.Stage = row.Stage;
            opportunity.Amount = row.Amount;
            opportunity.Currency = row.Currency?.ToUpperInvariant();
            opportunity.CloseDate = row.CloseDate;
            opportunity.IsWon = isWon;
            opportunity.IsClosed = isClosed;
            opportunity.OwnerExternalId = row.Owner;
            if (row.Owner is not null && owners.TryGetValue(row.Owner, out var ownerId))
            {
                opportunity.OwnerId = ownerId;
            }

            if (isNew ? isWon : isWon != before.IsWon || accountId != before.AccountId)
            {
                // A won deal makes its account a customer; one un-won or moved may make an account a prospect again.
                wonChanged.UnionWith(new[] { accountId, before.AccountId }.OfType<int>());
            }

            Stage(writes, opportunity, isNew, !Fields(opportunity).Equals(before), opportunity.Id, before.UpdatedAt);
        }

        await WriteAsync("Opportunities", BulkColumns.Opportunities, OpportunityUpdates, writes, cancellationToken);

        static (int? AccountId, string Name, string? Stage, decimal? Amount, string? Currency, DateOnly? CloseDate, bool IsWon, bool IsClosed, string? OwnerExternalId, string? OwnerId, DateTimeOffset UpdatedAt) Fields(Opportunity o) =>
            (o.AccountId, o.Name, o.Stage, o.Amount, o.Currency, o.CloseDate, o.IsWon, o.IsClosed, o.OwnerExternalId, o.OwnerId, o.UpdatedAt);
    }

    /// <summary>
    /// Won and closed of a deal: the file's own columns where it has both; otherwise its stage, read once per distinct
    /// stage (a person's mapping, HubSpot's and Salesforce's standard stages, won/lost words) and counted for the report.
    /// A stage read by a guess or not at all is a warning on the row.
    /// </summary>
    private (bool IsWon, bool IsClosed) OutcomeOf(Row row)
    {
        var fromFile = row.FileWon is not null && row.FileClosed is not null;
        if (row.Stage is null)
        {
            return DealStages.Outcome(DealOutcome.Open, row.FileWon, row.FileClosed);
        }

        var (reading, basis) = seen.Count(ImportValueKind.DealStage, ColumnName(ImportFields.Stage), row.Stage, stage =>
        {
            if (fromFile)
            {
                var (won, closed) = DealStages.Outcome(DealOutcome.Open, row.FileWon, row.FileClosed);
                return ((int)(won ? DealOutcome.Won : closed ? DealOutcome.Lost : DealOutcome.Open), ImportReadingBasis.FileColumns);
            }

            var (outcome, how) = DealStages.Read(stage, stageMappings);
            return ((int)outcome, how);
        });
        if (fromFile)
        {
            return DealStages.Outcome(DealOutcome.Open, row.FileWon, row.FileClosed);
        }

        var read = (DealOutcome)reading!.Value;
        if (basis is ImportReadingBasis.Guessed or ImportReadingBasis.Unknown)
        {
            Warn(row, ImportWarningKind.UnknownDealStage, ImportFields.Stage, row.Stage, basis == ImportReadingBasis.Guessed
                ? $"The deal stage '{row.Stage}' is not a standard one: it was read as {Words.Outcome(read)} from its name. Confirm or change how it reads in this import's report."
                : $"The deal stage '{row.Stage}' is not a standard one: the deal was imported as open. Say whether it means won, lost or open in this import's report.");
        }

        return DealStages.Outcome(read, row.FileWon, row.FileClosed);
    }

    /// <summary>Titles repeat across a CRM's contacts, so each distinct one is inferred once.</summary>
    private SeniorityTier TierOf(string? title)
    {
        if (title is null)
        {
            return SeniorityInference.FromTitle(title);
        }

        if (!tiers.TryGetValue(title, out var tier))
        {
            tier = SeniorityInference.FromTitle(title);
            if (tiers.Count < MaxCachedTitles)
            {
                tiers[title] = tier;
            }
        }

        return tier;
    }

    /// <summary>Counts a row and queues its write: every new row, and an existing one only when a value changed.</summary>
    private void Stage<T>(Writes<T> writes, T entity, bool isNew, bool changed, int id, DateTimeOffset storedUpdatedAt)
        where T : class
    {
        if (isNew)
        {
            created++;
        }
        else if (changed)
        {
            updated++;
        }
        else
        {
            skipped++;
            return;
        }

        SearchColumns.Refresh(entity);
        Timestamps.Stamp(entity, writes.Now, isNew);
        if (isNew)
        {
            writes.Inserts.Add(entity);
        }
        else
        {
            writes.Updates.Add(new Changed<T>(id, storedUpdatedAt, entity));
        }
    }

    private async Task WriteAsync<T>(string table, BulkColumn<T>[] columns, BulkColumn<Changed<T>>[] updates, Writes<T> writes, CancellationToken cancellationToken)
    {
        await writer!.InsertAsync(table, columns, writes.Inserts, cancellationToken);

        // UpdatedAt is the concurrency token, as on EF Core's path: a row someone changed since the lookup fails the import.
        var updated = await writer.UpdateAsync(table, [new("Id", c => c.Id), new("UpdatedAt", c => c.StoredUpdatedAt)], updates, writes.Updates, cancellationToken);
        if (updated != writes.Updates.Count)
        {
            throw new DbUpdateConcurrencyException($"{writes.Updates.Count - updated} of the {table.ToLowerInvariant()} were changed by someone else while the import ran; import the file again.");
        }
    }

    private static BulkColumn<Changed<T>>[] Updates<T>(BulkColumn<T>[] columns, params string[] names) =>
        BulkColumns.Only(columns, names).Select(c => new BulkColumn<Changed<T>>(c.Name, changed => c.Value(changed.Entity))).ToArray();

    /// <summary>An account's Endorse id, and its sector and region, which its contacts carry copies of.</summary>
    private readonly record struct AccountPlace(int Id, int? SectorId, int? RegionId);

    /// <summary>An existing row to update: its id, the UpdatedAt it had when read (the concurrency token), its new values.</summary>
    private sealed record Changed<T>(int Id, DateTimeOffset StoredUpdatedAt, T Entity);

    private sealed class Writes<T>(DateTimeOffset now)
    {
        public DateTimeOffset Now { get; } = now;
        public List<T> Inserts { get; } = [];
        public List<Changed<T>> Updates { get; } = [];
    }

    private sealed class Row(int line, string externalId)
    {
        public int Line { get; } = line;
        public string ExternalId { get; } = externalId;
        public string? Name { get; set; }
        public string? AccountId { get; set; }
        public string? Sector { get; set; }
        public string? Country { get; set; }
        public string? Website { get; set; }
        public string? Owner { get; set; }
        public int? Employees { get; set; }
        public decimal? Amount { get; set; }
        public string? FirstName { get; set; }
        public string? Title { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public string? Stage { get; set; }
        public string? Currency { get; set; }
        public DateOnly? CloseDate { get; set; }

        /// <summary>The file's won / closed column, when it has one.</summary>
        public bool? FileWon { get; set; }

        public bool? FileClosed { get; set; }

        public string? Type { get; set; }
        public string? LifecycleStage { get; set; }
    }
}

/// <summary>Counts bytes for the progress bar and refuses a line longer than the limit as soon as it passes it.</summary>
internal sealed class CountingStream(Stream inner, int maxLineBytes) : Stream
{
    private long sinceNewline;

    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Count(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(ReadOnlySpan<byte> read)
    {
        BytesRead += read.Length;
        var rest = read;
        while (true)
        {
            var next = rest.IndexOf((byte)'\n');
            if (next < 0)
            {
                sinceNewline += rest.Length;
                break;
            }

            if (sinceNewline + next > maxLineBytes)
            {
                throw TooLong();
            }

            sinceNewline = 0;
            rest = rest[(next + 1)..];
        }

        if (sinceNewline > maxLineBytes)
        {
            throw TooLong();
        }

        return read.Length;
    }

    private ImportFileException TooLong() =>
        new($"A line is longer than {maxLineBytes / 1024 / 1024} MB (after {BytesRead:N0} bytes); the file is not a CRM export.");
}
