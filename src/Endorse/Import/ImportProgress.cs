using System.Collections.Concurrent;

namespace Endorse.Import;

/// <summary>
/// Live counts of the imports running in this process, keyed by run id. The import runs in ONE transaction; on
/// SQLite that transaction holds the database's only write lock from its first batch to its commit, so a progress
/// write from a second connection would wait for the whole import. Progress is therefore kept here, in memory, and
/// the pages and the API read it while a run is Running (PostgreSQL additionally persists it each batch from a
/// separate connection, see ImportRunner); the final counts are saved with the run when it ends.
/// </summary>
public sealed class ImportProgress
{
    private readonly ConcurrentDictionary<int, ImportCounts> running = new();

    public void Report(int runId, ImportCounts counts) => running[runId] = counts;

    public ImportCounts? Get(int runId) => running.TryGetValue(runId, out var counts) ? counts : null;

    public void Remove(int runId) => running.TryRemove(runId, out _);
}
