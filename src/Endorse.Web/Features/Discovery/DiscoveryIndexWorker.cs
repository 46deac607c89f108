using System.Diagnostics;
using Endorse.Discovery;

namespace Endorse.Web.Features.Discovery;

/// <summary>The discovery index's settings (<c>Discovery:*</c>).</summary>
public sealed record DiscoveryIndexSettings(bool LoadAtStart)
{
    public static DiscoveryIndexSettings From(IConfiguration configuration) => new(configuration.GetValue("Discovery:LoadAtStart", true));
}

/// <summary>
/// Loads this node's discovery index in the background at start-up, so the first ranking after a start does not wait for
/// the load (at 200,000 accounts and 1,000,000 contacts it takes seconds: see docs/performance.md). A ranking asked for
/// while the load runs waits for it, as it would have without the worker. Off with <c>Discovery:LoadAtStart=false</c>
/// (the integration tests, which seed the database after the start and rank right away).
/// </summary>
public sealed class DiscoveryIndexWorker(DiscoveryIndex index, DiscoveryIndexSettings settings, TimeProvider clock, ILogger<DiscoveryIndexWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (migrations and the demo data ran before); the load runs beside the first requests.
        await Task.Yield();
        if (!settings.LoadAtStart)
        {
            return;
        }

        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                await index.WarmUpAsync(stoppingToken);
                logger.LogInformation("Discovery index loaded in {Seconds:F1} s.", Stopwatch.GetElapsedTime(started).TotalSeconds);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Loading the discovery index failed (attempt {Attempt}); trying again in 10 s. Rankings load it on demand meanwhile.", attempt);
                await Task.Delay(TimeSpan.FromSeconds(10), clock, stoppingToken);
            }
        }
    }
}
