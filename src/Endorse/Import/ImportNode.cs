using Microsoft.Extensions.Configuration;

namespace Endorse.Import;

/// <summary>
/// This process as an import worker: an id naming the machine and the process (unique per start), written on the runs it
/// claims, and the length of the lease it holds on them. Several app nodes may share one PostgreSQL database; each
/// renews the leases of its own runs, and any node marks a run whose lease lapsed as interrupted.
/// </summary>
public sealed class ImportNode
{
    /// <summary>The default lease: long enough that a busy database never lets a live worker's lease lapse.</summary>
    public static readonly TimeSpan DefaultLease = TimeSpan.FromMinutes(2);

    public ImportNode(TimeSpan lease)
    {
        if (lease < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(lease), "An import lease must be at least a second.");
        }

        Lease = lease;
        Id = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
    }

    /// <summary><c>Import:LeaseSeconds</c> (default 120).</summary>
    public static ImportNode From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new ImportNode(int.TryParse(configuration["Import:LeaseSeconds"], System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : DefaultLease);
    }

    public string Id { get; }

    /// <summary>How long a claim holds without renewal.</summary>
    public TimeSpan Lease { get; }

    /// <summary>How often a running worker renews its lease: four times per lease.</summary>
    public TimeSpan RenewEvery => Lease / 4;

    /// <summary>How often every node looks for runs whose worker is gone: twice per lease.</summary>
    public TimeSpan SweepEvery => Lease / 2;

    /// <summary>Whether a Running run's worker is gone: its lease lapsed (or it never had one: claimed before leases existed).</summary>
    public static bool WorkerIsGone(DateTimeOffset? leaseExpiresAt, DateTimeOffset now) => leaseExpiresAt is not { } expires || expires < now;

    /// <summary>The sentence an interrupted run's history gets.</summary>
    public static string InterruptedSentence(string? workerId, DateTimeOffset? leaseExpiresAt, bool fileKept) =>
        $"Interrupted: the worker running it ({workerId ?? "unknown"}) stopped"
        + (leaseExpiresAt is { } expires ? $" (its lease ran out at {expires.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)" : string.Empty)
        + " before the import finished. Its transaction was rolled back, so nothing of the file was imported. "
        + (fileKept ? "The uploaded file is kept: run it again." : "The file was not uploaded (a command-line import): run the command again.");
}
