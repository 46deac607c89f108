using System.Text.Json;
using Endorse.Audit;
using Endorse.Data;
using Endorse.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Endorse.Import;

/// <summary>
/// Runs import runs: claims queued ones, imports the whole file in ONE transaction, and records the outcome.
/// A file that fails as a whole rolls everything back and marks the run Failed with the reason.
/// </summary>
public sealed class ImportRunner(DbContextOptions<EndorseDbContext> options, IFileStorage storage, ImportProgress progress, TimeProvider clock, ILogger<ImportRunner> logger)
{
    /// <summary>Runs left Running by a stopped process were rolled back with it: queue them again so they resume.</summary>
    public async Task<int> RequeueInterruptedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = NewContext();
        return await db.ImportRuns.Where(r => r.Status == ImportStatus.Running && r.StoredFile != null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ImportStatus.Queued).SetProperty(r => r.StartedAt, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>Claims the oldest queued run (safe with several app nodes) and returns its id, or null when none waits.</summary>
    public async Task<int?> ClaimNextAsync(CancellationToken cancellationToken = default)
    {
        await using var db = NewContext();
        var candidates = await db.ImportRuns.AsNoTracking().Where(r => r.Status == ImportStatus.Queued).OrderBy(r => r.Id).Select(r => r.Id).Take(5).ToListAsync(cancellationToken);
        foreach (var id in candidates)
        {
            var now = clock.GetUtcNow();
            var claimed = await db.ImportRuns.Where(r => r.Id == id && r.Status == ImportStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ImportStatus.Running).SetProperty(r => r.StartedAt, now), cancellationToken);
            if (claimed == 1)
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>Creates a run that starts at once (the command line) and runs it on the caller's thread.</summary>
    public async Task<ImportRunView> RunNowAsync(ImportRun run, Stream? input = null, Action<ImportCounts>? onProgress = null, CancellationToken cancellationToken = default)
    {
        run.Status = ImportStatus.Running;
        run.StartedAt ??= clock.GetUtcNow();
        await using (var db = NewContext())
        {
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await ExecuteAsync(run.Id, input, onProgress, cancellationToken);
    }

    /// <summary>Runs a claimed (Running) run from its stored file, or from <paramref name="input"/> when given.</summary>
    public async Task<ImportRunView> ExecuteAsync(int runId, Stream? input = null, Action<ImportCounts>? onProgress = null, CancellationToken cancellationToken = default)
    {
        ImportRun run;
        await using (var control = NewContext())
        {
            run = await control.ImportRuns.AsNoTracking().FirstAsync(r => r.Id == runId, cancellationToken);
        }

        var mapping = run.ColumnMapping is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(run.ColumnMapping);
        var job = new ImportJob(run.Id, run.Format, run.Entity, mapping);
        var stream = input ?? (run.StoredFile is null ? null : storage.OpenRead(run.StoredFile));
        if (stream is null)
        {
            return await FailAsync(run, 0, 0, "The uploaded file is no longer in storage; upload it again.", cancellationToken);
        }

        var actor = new ImportActor(run.RequestedById, run.RequestedByName ?? "system");
        await using var work = new EndorseDbContext(options, actor, clock) { AuditEachChange = false };
        var persistProgress = !work.Database.IsSqlite();
        var lastPersisted = DateTimeOffset.MinValue;
        ImportEngine? engine = null;
        try
        {
            await using var transaction = await work.Database.BeginTransactionAsync(cancellationToken);
            engine = new ImportEngine(work, job, counts =>
            {
                progress.Report(run.Id, counts);
                onProgress?.Invoke(counts);
                if (persistProgress && clock.GetUtcNow() - lastPersisted > TimeSpan.FromSeconds(1))
                {
                    // PostgreSQL lets a second connection write while the import's transaction is open.
                    lastPersisted = clock.GetUtcNow();
                    PersistProgress(run.Id, counts);
                }
            }, clock);
            var counts = await engine.RunAsync(stream, cancellationToken);
            var now = clock.GetUtcNow();
            await work.ImportRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, ImportStatus.Completed)
                    .SetProperty(r => r.FinishedAt, now)
                    .SetProperty(r => r.BytesRead, counts.BytesRead)
                    .SetProperty(r => r.RowsRead, counts.RowsRead)
                    .SetProperty(r => r.Created, counts.Created)
                    .SetProperty(r => r.Updated, counts.Updated)
                    .SetProperty(r => r.Skipped, counts.Skipped)
                    .SetProperty(r => r.Rejected, counts.Rejected)
                    .SetProperty(r => r.Warnings, counts.Warnings)
                    .SetProperty(r => r.StoredFile, (string?)null)
                    .SetProperty(r => r.Error, (string?)null),
                cancellationToken);
            work.Audit("Import", run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "ImportCompleted", JsonSerializer.Serialize(new
            {
                run.FileName,
                Format = run.Format.ToString(),
                Entity = run.Entity.ToString(),
                counts.RowsRead,
                counts.Created,
                counts.Updated,
                counts.Skipped,
                counts.Rejected,
                counts.Warnings,
            }));
            await work.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            progress.Remove(run.Id);
            await DatabaseMigrator.RefreshStatisticsAsync(work, CancellationToken.None);
            await stream.DisposeAsync();
            DeleteStored(run);
            return (await GetAsync(run.Id, cancellationToken))!;
        }
        catch (ImportFileException e)
        {
            await stream.DisposeAsync();
            return await FailAsync(run, engine?.Counts.BytesRead ?? 0, engine?.Counts.RowsRead ?? 0, e.Message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Import run {RunId} failed", run.Id);
            await stream.DisposeAsync();
            return await FailAsync(run, engine?.Counts.BytesRead ?? 0, engine?.Counts.RowsRead ?? 0, "The import failed and changed nothing: " + e.Message, cancellationToken);
        }
        finally
        {
            progress.Remove(run.Id);
        }
    }

    private void PersistProgress(int runId, ImportCounts counts)
    {
        try
        {
            using var db = NewContext();
            db.ImportRuns.Where(r => r.Id == runId).ExecuteUpdate(s => s
                .SetProperty(r => r.BytesRead, counts.BytesRead)
                .SetProperty(r => r.RowsRead, counts.RowsRead)
                .SetProperty(r => r.Created, counts.Created)
                .SetProperty(r => r.Updated, counts.Updated)
                .SetProperty(r => r.Skipped, counts.Skipped)
                .SetProperty(r => r.Rejected, counts.Rejected));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not save the progress of import run {RunId}", runId);
        }
    }

    private async Task<ImportRunView> FailAsync(ImportRun run, long bytesRead, int rowsRead, string error, CancellationToken cancellationToken)
    {
        var message = error.Length > 2000 ? error[..2000] : error;
        await using (var db = NewContext())
        {
            var now = clock.GetUtcNow();
            await db.ImportRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, ImportStatus.Failed)
                    .SetProperty(r => r.FinishedAt, now)
                    .SetProperty(r => r.Error, message)
                    .SetProperty(r => r.BytesRead, bytesRead)
                    .SetProperty(r => r.RowsRead, rowsRead)
                    .SetProperty(r => r.Created, 0)
                    .SetProperty(r => r.Updated, 0)
                    .SetProperty(r => r.Skipped, 0)
                    .SetProperty(r => r.Rejected, 0)
                    .SetProperty(r => r.Warnings, 0)
                    .SetProperty(r => r.StoredFile, (string?)null),
                CancellationToken.None);
            var actorDb = new EndorseDbContext(options, new ImportActor(run.RequestedById, run.RequestedByName ?? "system"), clock);
            await using (actorDb)
            {
                actorDb.Audit("Import", run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "ImportFailed", JsonSerializer.Serialize(new { run.FileName, Error = message }));
                await actorDb.SaveChangesAsync(CancellationToken.None);
            }
        }

        _ = cancellationToken;
        DeleteStored(run);
        return (await GetAsync(run.Id, CancellationToken.None))!;
    }

    private async Task<ImportRunView?> GetAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = NewContext();
        var run = await db.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return run is null ? null : ImportService.View(run);
    }

    private void DeleteStored(ImportRun run)
    {
        if (run.StoredFile is not null)
        {
            try
            {
                storage.Delete(run.StoredFile);
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "Could not delete the stored file of import run {RunId}", run.Id);
            }
        }
    }

    private EndorseDbContext NewContext() => new(options, null, clock);

    private sealed record ImportActor(string? UserId, string? UserName) : ICurrentActor;
}
