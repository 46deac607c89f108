using Endorse.Import;

namespace Endorse.Web.Features.Import;

/// <summary>
/// Runs queued imports one at a time. The queue is the ImportRuns table, so runs queued before a restart are picked up
/// when the app starts again. At start-up and then twice per lease, it marks the runs whose worker is gone (on any node:
/// their lease lapsed) as interrupted; they wait, file kept, for someone to run them again.
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ImportNode node, TimeProvider clock, ILogger<ImportWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextSweep = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
                if (clock.GetUtcNow() >= nextSweep)
                {
                    var marked = await runner.MarkInterruptedAsync(stoppingToken);
                    nextSweep = clock.GetUtcNow() + node.SweepEvery;
                    if (marked > 0)
                    {
                        logger.LogWarning("{Count} import runs whose worker is gone were marked interrupted", marked);
                    }
                }

                if (await runner.ClaimNextAsync(stoppingToken) is { } runId)
                {
                    logger.LogInformation("Import run {RunId} started", runId);
                    var result = await runner.ExecuteAsync(runId, cancellationToken: stoppingToken);
                    logger.LogInformation("Import run {RunId} ended {Status}", runId, result.Status);
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may not be migrated yet on a first start, be briefly unreachable, or (SQLite) be held by a
                // long import of another process: try again.
                logger.LogDebug(e, "Import worker could not poll for runs");
            }

            try
            {
                await Task.Delay(Idle, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
