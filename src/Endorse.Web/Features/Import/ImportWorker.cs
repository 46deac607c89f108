using Endorse.Import;

namespace Endorse.Web.Features.Import;

/// <summary>
/// Runs queued imports one at a time. The queue is the ImportRuns table, so runs queued before a restart (or
/// interrupted by one, whose transaction rolled back) are picked up when the app starts again.
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ILogger<ImportWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var requeued = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
                if (!requeued)
                {
                    await runner.RequeueInterruptedAsync(stoppingToken);
                    requeued = true;
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
                // The database may not be migrated yet on a first start, or be briefly unreachable: try again.
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
