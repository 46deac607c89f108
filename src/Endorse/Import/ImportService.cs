using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Endorse.Data;
using Endorse.Listing;
using Endorse.Storage;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Import;

/// <summary>What someone asks to import: a stored file, its format, the entity (null: detect) and, for generic CSV, the mapping.</summary>
public sealed record ImportRequest(ImportFormat Format, ImportEntity? Entity, string FileName, string StoredFile, IReadOnlyDictionary<string, string>? Mapping);

/// <summary>An import run as lists, pages and the API show it; while running, counts are the live ones.</summary>
public sealed record ImportRunView(
    int Id, ImportFormat Format, ImportEntity Entity, string FileName, long FileSize, ImportStatus Status,
    string? RequestedByName, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    long BytesRead, int RowsRead, int Created, int Updated, int Skipped, int Rejected, int Warnings, string? Error)
{
    /// <summary>0–100, by bytes of the file read.</summary>
    public int Percent => Status == ImportStatus.Completed ? 100 : FileSize <= 0 ? 0 : (int)Math.Min(100, BytesRead * 100 / FileSize);

    /// <summary>Whether it can be run again: interrupted, with its uploaded file still kept.</summary>
    public bool CanRunAgain { get; init; }

    /// <summary>What happened to the run, oldest first (filled when one run is read, empty in lists).</summary>
    public IReadOnlyList<ImportEventView> History { get; init; } = [];
}

/// <summary>One dated sentence of an import's history.</summary>
public sealed record ImportEventView(DateTimeOffset At, string Text);

/// <summary>One refused row, for the report and its CSV download.</summary>
public sealed record ImportRejectionRow(int LineNumber, string? ExternalId, string Reason);

/// <summary>Starts imports and reads their reports. Pages, the API and the command line share it.</summary>
public sealed class ImportService(EndorseDbContext db, IFileStorage storage, ImportProgress progress, TimeProvider clock)
{
    public const long MaxFileBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>Keeps an uploaded file in storage until its run reads it.</summary>
    public Task<string> StoreAsync(Stream content, string fileName, CancellationToken cancellationToken = default) =>
        storage.SaveAsync(content, "imports", Path.GetExtension(fileName).TrimStart('.'), cancellationToken);

    /// <summary>The header line of a stored file (empty when it has none or is not readable CSV).</summary>
    public async Task<IReadOnlyList<string>> ReadHeaderAsync(string storedFile)
    {
        await using var stream = storage.OpenRead(storedFile);
        return stream is null ? [] : await ReadHeaderAsync(stream);
    }

    public static async Task<IReadOnlyList<string>> ReadHeaderAsync(Stream stream)
    {
        try
        {
            using var reader = new StreamReader(stream, new UTF8Encoding(false, true), true, 64 * 1024, leaveOpen: true);
            using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { MaxFieldSize = 64 * 1024, DetectDelimiter = false });
            return await parser.ReadAsync() ? parser.Record!.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray() : [];
        }
        catch (Exception e) when (e is CsvHelperException or DecoderFallbackException)
        {
            return [];
        }
    }

    /// <summary>Validates the request and queues a run for the background worker.</summary>
    public async Task<CommandResult<ImportRunView>> QueueAsync(ImportRequest request, string? userId, string? userName, CancellationToken cancellationToken = default)
    {
        var run = await PrepareAsync(request, userId, userName, ImportStatus.Queued);
        if (!run.Succeeded)
        {
            return CommandResult.Invalid<ImportRunView>(run.Errors!);
        }

        run.Value!.History.Add(new ImportRunEvent { At = clock.GetUtcNow(), Text = $"Queued by {userName ?? "someone"}: {run.Value.FileName}, {run.Value.FileSize:N0} bytes." });
        db.ImportRuns.Add(run.Value!);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(View(run.Value!));
    }

    /// <summary>
    /// Queues an interrupted run again from its kept file (its worker died; nothing of it was imported). Refused when the
    /// run is not interrupted (409, saying what it is) or its file is gone (409: upload it again). Two people clicking at
    /// the same moment queue it once: the second is told it is already queued.
    /// </summary>
    public async Task<CommandResult<ImportRunView>> RunAgainAsync(int id, string? userId, string? userName, CancellationToken cancellationToken = default)
    {
        var run = await db.ImportRuns.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Status, r.StoredFile, r.FileName }).FirstOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            return CommandResult.Missing<ImportRunView>();
        }

        if (run.Status != ImportStatus.Interrupted)
        {
            return CommandResult.Refused<ImportRunView>($"This import is {Describe(run.Status)}; only an interrupted import can be run again.");
        }

        if (run.StoredFile is null || storage.SizeOf(run.StoredFile) is null)
        {
            return CommandResult.Refused<ImportRunView>("The uploaded file of this import is no longer kept; upload it again.");
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var queued = await db.ImportRuns.Where(r => r.Id == id && r.Status == ImportStatus.Interrupted)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, ImportStatus.Queued)
                    .SetProperty(r => r.StartedAt, (DateTimeOffset?)null)
                    .SetProperty(r => r.FinishedAt, (DateTimeOffset?)null)
                    .SetProperty(r => r.WorkerId, (string?)null)
                    .SetProperty(r => r.LeaseExpiresAt, (DateTimeOffset?)null)
                    .SetProperty(r => r.Error, (string?)null)
                    .SetProperty(r => r.BytesRead, 0L)
                    .SetProperty(r => r.RowsRead, 0)
                    .SetProperty(r => r.Created, 0)
                    .SetProperty(r => r.Updated, 0)
                    .SetProperty(r => r.Skipped, 0)
                    .SetProperty(r => r.Rejected, 0)
                    .SetProperty(r => r.Warnings, 0),
                cancellationToken);
        if (queued != 1)
        {
            return CommandResult.Refused<ImportRunView>("Someone else ran this import again a moment ago; it is queued.");
        }

        db.ImportRunEvents.Add(new ImportRunEvent { ImportRunId = id, At = now, Text = $"Run again by {userName ?? "someone"}." });
        db.Audit("Import", id.ToString(CultureInfo.InvariantCulture), "ImportRunAgain", JsonSerializer.Serialize(new { run.FileName }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Ok((await GetAsync(id, cancellationToken))!);
    }

    /// <summary>An import's status in words.</summary>
    public static string Describe(ImportStatus status) => status switch
    {
        ImportStatus.Queued => "queued",
        ImportStatus.Running => "running",
        ImportStatus.Completed => "completed",
        ImportStatus.Failed => "failed",
        ImportStatus.Interrupted => "interrupted",
        _ => "unknown",
    };

    /// <summary>Checks the request and builds the run (not yet saved).</summary>
    public async Task<CommandResult<ImportRun>> PrepareAsync(ImportRequest request, string? userId, string? userName, ImportStatus status)
    {
        var errors = new ValidationErrors();
        errors.Defined("format", request.Format, "Format");
        errors.Required("fileName", request.FileName, "File name", 255);
        var size = storage.SizeOf(request.StoredFile);
        if (size is null)
        {
            errors.Add("file", "The uploaded file is missing.");
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid<ImportRun>(errors);
        }

        var header = await ReadHeaderAsync(request.StoredFile);
        var entity = request.Entity ?? ImportFields.Detect(request.Format, request.FileName, header);
        if (entity is null)
        {
            errors.Add("entity", "Could not tell whether the file holds accounts, contacts or opportunities; choose one.");
        }
        else
        {
            errors.Defined("entity", entity.Value, "Entity");
        }

        if (request.Format == ImportFormat.GenericCsv && entity is not null && errors.IsValid)
        {
            foreach (var field in ImportFields.For(entity.Value))
            {
                var column = request.Mapping?.GetValueOrDefault(field.Name);
                if (field.Required && string.IsNullOrWhiteSpace(column))
                {
                    errors.Add("mapping." + field.Name, $"Choose the column that holds {field.Label}.");
                }
                else if (!string.IsNullOrWhiteSpace(column) && header.Count > 0 && !header.Contains(column.Trim(), StringComparer.OrdinalIgnoreCase))
                {
                    errors.Add("mapping." + field.Name, $"The file has no column '{column}'.");
                }
            }
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid<ImportRun>(errors);
        }

        return CommandResult.Ok(new ImportRun
        {
            Format = request.Format,
            Entity = entity!.Value,
            FileName = Path.GetFileName(request.FileName),
            StoredFile = request.StoredFile,
            FileSize = size!.Value,
            ColumnMapping = request.Mapping is null ? null : JsonSerializer.Serialize(request.Mapping),
            Status = status,
            RequestedById = userId,
            RequestedByName = userName,
            CreatedAt = clock.GetUtcNow(),
            StartedAt = status == ImportStatus.Running ? clock.GetUtcNow() : null,
        });
    }

    public async Task<Page<ImportRunView>> ListAsync(PageRequest request, CancellationToken cancellationToken = default)
    {
        var page = await db.ImportRuns.AsNoTracking().OrderByDescending(r => r.Id).Select(Projection).ToPageAsync(request, cancellationToken);
        return page with { Items = page.Items.Select(Live).ToList() };
    }

    public async Task<ImportRunView?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var found = await db.ImportRuns.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Status, r.StoredFile }).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var run = await db.ImportRuns.AsNoTracking().Where(r => r.Id == id).Select(Projection).FirstAsync(cancellationToken);
        var history = await db.ImportRunEvents.AsNoTracking().Where(e => e.ImportRunId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new ImportEventView(e.At, e.Text)).ToListAsync(cancellationToken);
        return Live(run) with
        {
            History = history,
            CanRunAgain = found.Status == ImportStatus.Interrupted && found.StoredFile is not null && storage.SizeOf(found.StoredFile) is not null,
        };
    }

    public Task<Page<ImportRejectionRow>> RejectionsAsync(int id, PageRequest request, CancellationToken cancellationToken = default) =>
        Rejections(id).ToPageAsync(request, cancellationToken);

    public IAsyncEnumerable<ImportRejectionRow> RejectionsStream(int id) => Rejections(id).AsAsyncEnumerable();

    private IQueryable<ImportRejectionRow> Rejections(int id) =>
        db.ImportRejections.AsNoTracking().Where(r => r.ImportRunId == id).OrderBy(r => r.LineNumber).ThenBy(r => r.Id)
            .Select(r => new ImportRejectionRow(r.LineNumber, r.ExternalId, r.Reason));

    public static ImportRunView View(ImportRun r) => new(
        r.Id, r.Format, r.Entity, r.FileName, r.FileSize, r.Status, r.RequestedByName, r.CreatedAt, r.StartedAt, r.FinishedAt,
        r.BytesRead, r.RowsRead, r.Created, r.Updated, r.Skipped, r.Rejected, r.Warnings, r.Error);

    private static readonly System.Linq.Expressions.Expression<Func<ImportRun, ImportRunView>> Projection = r => new ImportRunView(
        r.Id, r.Format, r.Entity, r.FileName, r.FileSize, r.Status, r.RequestedByName, r.CreatedAt, r.StartedAt, r.FinishedAt,
        r.BytesRead, r.RowsRead, r.Created, r.Updated, r.Skipped, r.Rejected, r.Warnings, r.Error);

    private ImportRunView Live(ImportRunView run) =>
        run.Status == ImportStatus.Running && progress.Get(run.Id) is { } live
            ? run with
            {
                BytesRead = live.BytesRead,
                RowsRead = live.RowsRead,
                Created = live.Created,
                Updated = live.Updated,
                Skipped = live.Skipped,
                Rejected = live.Rejected,
                Warnings = live.Warnings,
            }
            : run;
}
