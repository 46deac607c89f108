using System.Diagnostics.Metrics;
using Endorse.Matching;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Endorse.Web.Features.Matching;

/// <summary>The match index's settings (<c>Matching:*</c>).</summary>
public sealed record MatchIndexSettings(bool LoadAtStart, TimeSpan RefreshInterval, TimeSpan SnapshotInterval, TimeSpan ChangeCheckInterval)
{
    public static MatchIndexSettings From(IConfiguration configuration) => new(
        configuration.GetValue("Matching:LoadAtStart", true),
        TimeSpan.FromSeconds(Math.Max(0.1, configuration.GetValue("Matching:RefreshSeconds", 2.0))),
        TimeSpan.FromMinutes(Math.Max(0, configuration.GetValue("Matching:SnapshotMinutes", 10.0))),
        TimeSpan.FromMilliseconds(Math.Max(0, configuration.GetValue("Matching:ChangeCheckMilliseconds", 0.0))));
}

/// <summary>
/// Runs this node's match index in the background: loads it at start-up (from the snapshot when there is a usable one)
/// and builds every activity type's pool, so the first ranking does not wait for a minute of queries; then polls the
/// database's changes every <see cref="MatchIndexSettings.RefreshInterval"/> and saves a snapshot when the saved one is
/// older than <see cref="MatchIndexSettings.SnapshotInterval"/> (any node may: the newest wins). Until the index is
/// loaded, rankings wait for it and <c>/health/ready</c> says so (Degraded, still in service for everything else).
/// </summary>
public sealed class MatchIndexWorker(MatchIndex index, MatchIndexSettings settings, TimeProvider clock, MatchIndexMetrics metrics, ILogger<MatchIndexWorker> logger) : BackgroundService
{
    /// <summary>The index's gauges, created with the worker.</summary>
    public MatchIndexMetrics Metrics => metrics;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (migrations ran before); the load runs beside the first requests.
        await Task.Yield();
        if (settings.LoadAtStart)
        {
            await WarmUpAsync(stoppingToken);
        }

        using var timer = new PeriodicTimer(settings.RefreshInterval, clock);
        var lastSnapshotCheck = clock.GetTimestamp();
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!index.Status.Ready)
            {
                continue;
            }

            await index.PollAsync(stoppingToken);
            if (settings.SnapshotInterval > TimeSpan.Zero && clock.GetElapsedTime(lastSnapshotCheck) > TimeSpan.FromMinutes(1))
            {
                lastSnapshotCheck = clock.GetTimestamp();
                await SaveSnapshotIfOldAsync(stoppingToken);
            }
        }
    }

    private async Task WarmUpAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await index.WarmUpAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Loading the match index failed (attempt {Attempt}); trying again in 10 s. Rankings load it on demand meanwhile.", attempt);
                await Task.Delay(TimeSpan.FromSeconds(10), clock, stoppingToken);
            }
        }
    }

    private async Task SaveSnapshotIfOldAsync(CancellationToken stoppingToken)
    {
        try
        {
            var savedAt = await index.SnapshotSavedAtAsync(stoppingToken);
            if (savedAt is null || clock.GetUtcNow() - savedAt > settings.SnapshotInterval)
            {
                await index.SaveSnapshotAsync(stoppingToken);
            }
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            logger.LogWarning(ex, "Saving the match index snapshot failed; the next check tries again.");
        }
    }
}

/// <summary>
/// Part of <c>/health/ready</c>: Healthy when this node's match index is loaded, Degraded (HTTP 200: the node stays in
/// service for everything else, and rankings wait for the load) while it loads, with how stale the index is.
/// </summary>
public sealed class MatchIndexHealthCheck(MatchIndex index, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = index.Status;
        var data = new Dictionary<string, object>
        {
            ["ready"] = status.Ready,
            ["loading"] = status.Loading,
            ["advocates"] = status.Advocates,
            ["changeLogPosition"] = status.ChangeLogPosition,
        };
        if (status.LoadedFrom is not null)
        {
            data["loadedFrom"] = status.LoadedFrom;
        }

        if (status.LoadTime is { } loadTime)
        {
            data["loadSeconds"] = Math.Round(loadTime.TotalSeconds, 1);
        }

        if (status.DataAsOf is { } asOf)
        {
            data["stalenessSeconds"] = Math.Round((clock.GetUtcNow() - asOf).TotalSeconds, 1);
        }

        if (status.Error is not null)
        {
            data["error"] = status.Error;
        }

        return Task.FromResult(status.Ready
            ? HealthCheckResult.Healthy("The match index is loaded.", data)
            : HealthCheckResult.Degraded(status.Loading ? "The match index is loading: rankings wait for it; everything else is served." : "The match index is not loaded yet: the first ranking loads it.", data: data));
    }
}

/// <summary>The match index's metrics on the Endorse meter: readiness and how stale the index is, per node.</summary>
public sealed class MatchIndexMetrics : IDisposable
{
    private readonly Meter meter;

    public MatchIndexMetrics(IMeterFactory meters, MatchIndex index, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(meters);
        meter = meters.Create(Hosting.Observability.Name);
        meter.CreateObservableGauge("endorse.match_index.ready", () => index.Status.Ready ? 1 : 0, description: "1 when this node's match index is loaded and ranks from memory, 0 while it loads.");
        meter.CreateObservableGauge(
            "endorse.match_index.staleness",
            () => index.Status.DataAsOf is { } asOf ? new[] { new Measurement<double>((clock.GetUtcNow() - asOf).TotalSeconds) } : [],
            unit: "s",
            description: "Seconds since this node's match index last read the database's changes.");
    }

    public void Dispose() => meter.Dispose();
}
