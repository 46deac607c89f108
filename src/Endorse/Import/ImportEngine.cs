using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Endorse.Accounts;
using Endorse.Contacts;
using Endorse.Data;
using Endorse.Listing;
using Endorse.Opportunities;
using Microsoft.EntityFrameworkCore;

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
/// Reads a CRM export as a stream and upserts it by (Source, ExternalId) in batches: one lookup query per batch,
/// inserts for new rows, updates for changed ones, identical rows counted as skipped. The caller owns the
/// transaction (the whole import is one) and the DbContext (with <c>AuditEachChange = false</c>).
/// </summary>
public sealed class ImportEngine
{
    public const int BatchSize = 2_000;

    /// <summary>No field and no line may be longer: a 50 MB line fails as soon as it passes this, without buffering it.</summary>
    public const int MaxLineBytes = 1024 * 1024;

    /// <summary>Rejections kept for the report; the rest are only counted.</summary>
    public const int MaxStoredRejections = 10_000;

    private readonly EndorseDbContext db;
    private readonly ImportJob job;
    private readonly Action<ImportCounts> onProgress;
    private readonly HashSet<string> seenIds = new(StringComparer.Ordinal);
    private readonly List<Row> batch = new(BatchSize);
    private Dictionary<string, int> sectors = [];
    private Dictionary<string, string> owners = [];
    private RegionMatcher regions = new([]);
    private Dictionary<string, int> columns = [];
    private Func<long> bytesRead = () => 0;
    private int rowsRead;
    private int created;
    private int updated;
    private int skipped;
    private int rejected;
    private int warnings;

    public ImportEngine(EndorseDbContext db, ImportJob job, Action<ImportCounts>? onProgress = null)
    {
        this.db = db;
        this.job = job;
        this.onProgress = onProgress ?? (_ => { });
    }

    public ImportCounts Counts => new(bytesRead(), rowsRead, created, updated, skipped, rejected, warnings);

    /// <summary>Imports the file. Throws <see cref="ImportFileException"/> when the file as a whole is unreadable.</summary>
    public async Task<ImportCounts> RunAsync(Stream input, CancellationToken cancellationToken = default)
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

    private async Task LoadLookupsAsync(CancellationToken cancellationToken)
    {
        var sectorList = await db.Sectors.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        sectors = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sector in sectorList.OrderBy(s => s.Id))
        {
            sectors.TryAdd(ImportValues.Key(sector.Name), sector.Id);
        }

        regions = new RegionMatcher(await db.Regions.AsNoTracking().ToListAsync(cancellationToken));
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
                row.Sector = Value(record, ImportFields.Sector);
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
                    errors.Add($"Close date '{Value(record, ImportFields.CloseDate)}' is not a date (yyyy-MM-dd).");
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

                row.IsWon = isWon;
                row.IsClosed = isClosed || isWon;
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

    private async Task<Dictionary<string, int>> AccountIdsAsync(CancellationToken cancellationToken)
    {
        var source = job.Source;
        var wanted = batch.Where(r => r.AccountId is not null).Select(r => r.AccountId!).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        return await db.Accounts.AsNoTracking()
            .Where(a => a.Source == source && wanted.Contains(a.ExternalId!))
            .Select(a => new { a.ExternalId, a.Id })
            .ToDictionaryAsync(a => a.ExternalId!, a => a.Id, StringComparer.Ordinal, cancellationToken);
    }

    private async Task UpsertAccountsAsync(CancellationToken cancellationToken)
    {
        var source = job.Source;
        var ids = batch.Select(r => r.ExternalId).ToList();
        var existing = await db.Accounts.Where(a => a.Source == source && ids.Contains(a.ExternalId!))
            .ToDictionaryAsync(a => a.ExternalId!, StringComparer.Ordinal, cancellationToken);
        foreach (var row in batch)
        {
            var isNew = !existing.TryGetValue(row.ExternalId, out var account);
            account ??= new Account { Name = row.Name!, Source = source, ExternalId = row.ExternalId };
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

            if (regions.RegionOf(row.Country) is { } regionId)
            {
                account.RegionId = regionId;
            }

            if (row.Sector is not null)
            {
                if (sectors.TryGetValue(ImportValues.Key(row.Sector), out var sectorId))
                {
                    account.SectorId = sectorId;
                }
                else
                {
                    warnings++;
                }
            }

            Count(isNew, account);
        }
    }

    private async Task UpsertContactsAsync(CancellationToken cancellationToken)
    {
        var source = job.Source;
        var accounts = await AccountIdsAsync(cancellationToken);
        var ids = batch.Select(r => r.ExternalId).ToList();
        var existing = await db.Contacts.Where(c => c.Source == source && ids.Contains(c.ExternalId!))
            .ToDictionaryAsync(c => c.ExternalId!, StringComparer.Ordinal, cancellationToken);
        foreach (var row in batch)
        {
            if (!accounts.TryGetValue(row.AccountId!, out var accountId))
            {
                Reject(row.Line, row.ExternalId, $"The account {row.AccountId} is not in Endorse; import the accounts first.");
                continue;
            }

            var isNew = !existing.TryGetValue(row.ExternalId, out var contact);
            contact ??= new Contact { LastName = row.Name!, Source = source, ExternalId = row.ExternalId, SeniorityInferred = true };
            contact.AccountId = accountId;
            contact.FirstName = row.FirstName;
            contact.LastName = row.Name!;
            contact.Title = row.Title;
            contact.Email = row.Email;
            contact.Phone = row.Phone;
            if (contact.SeniorityInferred)
            {
                contact.SeniorityTier = SeniorityInference.FromTitle(row.Title);
            }

            Count(isNew, contact);
        }
    }

    private async Task UpsertOpportunitiesAsync(CancellationToken cancellationToken)
    {
        var source = job.Source;
        var accounts = await AccountIdsAsync(cancellationToken);
        var ids = batch.Select(r => r.ExternalId).ToList();
        var existing = await db.Opportunities.Where(o => o.Source == source && ids.Contains(o.ExternalId!))
            .ToDictionaryAsync(o => o.ExternalId!, StringComparer.Ordinal, cancellationToken);
        foreach (var row in batch)
        {
            int? accountId = null;
            if (row.AccountId is not null)
            {
                if (!accounts.TryGetValue(row.AccountId, out var found))
                {
                    Reject(row.Line, row.ExternalId, $"The account {row.AccountId} is not in Endorse; import the accounts first.");
                    continue;
                }

                accountId = found;
            }

            var isNew = !existing.TryGetValue(row.ExternalId, out var opportunity);
            opportunity ??= new Opportunity { Name = row.Name!, Source = source, ExternalId = row.ExternalId };
            opportunity.AccountId = accountId;
            opportunity.Name = row.Name!;
            opportunity.Stage = row.Stage;
            opportunity.Amount = row.Amount;
            opportunity.Currency = row.Currency?.ToUpperInvariant();
            opportunity.CloseDate = row.CloseDate;
            opportunity.IsWon = row.IsWon;
            opportunity.IsClosed = row.IsClosed;
            opportunity.OwnerExternalId = row.Owner;
            if (row.Owner is not null && owners.TryGetValue(row.Owner, out var ownerId))
            {
                opportunity.OwnerId = ownerId;
            }

            Count(isNew, opportunity);
        }
    }

    private void Count(bool isNew, object entity)
    {
        if (isNew)
        {
            db.Add(entity);
            created++;
        }
        else if (db.Entry(entity).State == EntityState.Modified)
        {
            updated++;
        }
        else
        {
            skipped++;
        }
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
        public bool IsWon { get; set; }
        public bool IsClosed { get; set; }
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
