using System.Text.Json;
using Endorse.Audit;
using Endorse.Data;
using Endorse.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Endorse.Import;

/// <summary>
/// Runs import runs: claims queued ones, imports the whole file in ONE transaction, and records the outcome.
/// A file that fails as a whole rolls everything back and marks the run Failed with the reason. A claimed run carries
/// this node's id and a lease the node renews while it runs; a Running run whose lease lapsed belongs to a worker that
/// is gone (its transaction died with it) and is marked Interrupted by whichever node sees it first.
/// </summary>
public sealed class ImportRunner(DbContextOptions<EndorseDbContext> options, IFileStorage storage, ImportProgress progress, TimeProvider clock, ImportNode node, ILogger<ImportRunner> logger)
{
    /// <summary>
    /// Marks Running runs whose worker is gone (lease lapsed; never this node's own) as Interrupted, with a sentence in
    /// their history; their stored file is kept for "Run again". Safe on several nodes: each run is taken by one
    /// conditional update. On SQLite a live import holds the database's write lock, so the update waits for it to end
    /// and then finds the run no longer Running. Returns how many runs were marked.
    /// </summary>
    public async Task<int> MarkInterruptedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = NewContext();
        var now = clock.GetUtcNow();
        var stale = await db.ImportRuns.AsNoTracking()
            .Where(r => r.Status == ImportStatus.Running && (r.LeaseExpiresAt == null || r.LeaseExpiresAt < now) && (r.WorkerId == null || r.WorkerId != node.Id))
            .Select(r => new { r.Id, r.WorkerId, r.LeaseExpiresAt, r.StoredFile, r.FileName })
            .ToListAsync(cancellationToken);
        var marked = 0;
        foreach (var run in stale)
        {
            var fileKept = run.StoredFile is not null && storage.SizeOf(run.StoredFile) is not null;
            var sentence = ImportNode.InterruptedSentence(run.WorkerId, run.LeaseExpiresAt, fileKept);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var lease = run.LeaseExpiresAt;
            var changed = await db.ImportRuns
                .Where(r => r.Id == run.Id && r.Status == ImportStatus.Running && r.WorkerId == run.WorkerId && r.LeaseExpiresAt == lease)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.Status, ImportStatus.Interrupted)
                        .SetProperty(r => r.FinishedAt, now)
                        .SetProperty(r => r.LeaseExpiresAt, (DateTimeOffset?)null)
                        .SetProperty(r => r.Error, sentence),
                    cancellationToken);
            if (changed != 1)
            {
                // Another node marked it first, or its worker renewed the lease after all.
                continue;
            }

            db.ImportRunEvents.Add(new ImportRunEvent { ImportRunId = run.Id, At = now, Text = sentence });
            db.Audit("Import", run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "ImportInterrupted", JsonSerializer.Serialize(new { run.FileName, run.WorkerId }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogWarning("Import run {RunId} was interrupted: its worker {WorkerId} is gone", run.Id, run.WorkerId);
            marked++;
        }

        return marked;
    }

    /// <summary>Claims the oldest queued run (safe with several app nodes) and returns its id, or null when none waits.</summary>
    public async Task<int?> ClaimNextAsync(CancellationToken cancellationToken = default)
    {
        await using var db = NewContext();
        var candidates = await db.ImportRuns.AsNoTracking().Where(r => r.Status == ImportStatus.Queued).OrderBy(r => r.Id).Select(r => r.Id).Take(5).ToListAsync(cancellationToken);
        foreach (var id in candidates)
        {
            var now = clock.GetUtcNow();
            var lease = now + node.Lease;
            var claimed = await db.ImportRuns.Where(r => r.Id == id && r.Status == ImportStatus.Queued)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.Status, ImportStatus.Running).SetProperty(r => r.StartedAt, now)
                        .SetProperty(r => r.WorkerId, node.Id).SetProperty(r => r.LeaseExpiresAt, lease),
                    cancellationToken);
            if (claimed == 1)
            {
                db.ImportRunEvents.Add(new ImportRunEvent { ImportRunId = id, At = now, Text = $"Started on {node.Id}." });
                await db.SaveChangesAsync(cancellationToken);
                return id;
            }
        }

        return null;
    }

    /// <summary>Creates a run that starts at once (the command line) and runs it on the caller's thread.</summary>
    public async Task<ImportRunView> RunNowAsync(ImportRun run, Stream? input = null, Action<ImportCounts>? onProgress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var now = clock.GetUtcNow();
        run.Status = ImportStatus.Running;
        run.StartedAt ??= now;
        run.WorkerId = node.Id;
        run.LeaseExpiresAt = now + node.Lease;
        run.History.Add(new ImportRunEvent { At = now, Text = $"Started at once by {run.RequestedByName ?? "the command line"} on {node.Id}." });
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

        // PostgreSQL lets a second connection write while the import's transaction is open: the lease is renewed there.
        // On SQLite the open import holds the only write lock, which is proof enough that its worker lives (see MarkInterruptedAsync).
        using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = persistProgress ? RenewLeaseAsync(run.Id, heartbeatStop.Token) : Task.CompletedTask;
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
            var workerId = node.Id;
            var completed = await work.ImportRuns.Where(r => r.Id == run.Id && r.Status == ImportStatus.Running && r.WorkerId == workerId).ExecuteUpdateAsync(
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
                    .SetProperty(r => r.LeaseExpiresAt, (DateTimeOffset?)null)
                    .SetProperty(r => r.Error, (string?)null),
                cancellationToken);
            if (completed != 1)
            {
                // Another node took the run for interrupted (this node's lease lapsed): what it decided stands, and
                // this import's changes are rolled back with its transaction.
                throw new ImportLostException(run.Id);
            }

            work.ImportRunEvents.Add(new ImportRunEvent
            {
                ImportRunId = run.Id,
                At = now,
                Text = $"Completed: {counts.RowsRead:N0} {(counts.RowsRead == 1 ? "row" : "rows")} read, {counts.Created:N0} created, {counts.Updated:N0} updated, {counts.Skipped:N0} unchanged, {counts.Rejected:N0} rejected.",
            });
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
        catch (ImportLostException e)
        {
            logger.LogWarning(e, "Import run {RunId} was taken for interrupted while it ran; its changes were rolled back", run.Id);
            await stream.DisposeAsync();
            return (await GetAsync(run.Id, CancellationToken.None))!;
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
            await heartbeatStop.CancelAsync();
            await heartbeat;
        }
    }

    /// <summary>Renews this node's lease on a running run until stopped; a renewal that fails is logged and tried again.</summary>
    private async Task RenewLeaseAsync(int runId, CancellationToken stop)
    {
        var workerId = node.Id;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(node.RenewEvery, clock, stop);
                await using var db = NewContext();
                var lease = clock.GetUtcNow() + node.Lease;
                await db.ImportRuns.Where(r => r.Id == runId && r.Status == ImportStatus.Running && r.WorkerId == workerId)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseExpiresAt, lease), stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not renew the lease of import run {RunId}", runId);
            }
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
            var workerId = node.Id;
            var failed = await db.ImportRuns.Where(r => r.Id == run.Id && r.Status == ImportStatus.Running && r.WorkerId == workerId).ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, ImportStatus.Failed)
                    .SetProperty(r => r.LeaseExpiresAt, (DateTimeOffset?)null)
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
            if (failed != 1)
            {
                // No longer this node's run (taken for interrupted): its state stands.
                return (await GetAsync(run.Id, CancellationToken.None))!;
            }

            db.ImportRunEvents.Add(new ImportRunEvent { ImportRunId = run.Id, At = now, Text = "Failed, nothing was changed: " + (message.Length > 1900 ? message[..1900] : message) });
            await db.SaveChangesAsync(CancellationToken.None);
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

    /// <summary>The run stopped being this node's while it ran (another node marked it interrupted).</summary>
    private sealed class ImportLostException(int runId) : Exception($"Import run {runId} is no longer held by this node.");
}
