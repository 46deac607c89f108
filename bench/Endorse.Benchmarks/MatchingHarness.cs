using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Endorse.Accounts;
using Endorse.Advocates;
using Endorse.Contacts;
using Endorse.Data;
using Endorse.Matching;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Endorse.Benchmarks;

/// <summary>
/// The matching scenario: over an existing scale database (accounts and contacts from <c>scale</c>), adds advocates
/// and activities when missing (SQLite prepared INSERTs in big transactions, PostgreSQL binary COPY), then times
/// rankings with varied criteria through <see cref="MatchIndex"/> and through <see cref="NaiveMatcher"/>: median, p95, p99
/// and max of each, and their ratio. One database a run, so each can be measured on its own.
/// </summary>
public static class MatchingHarness
{
    public const string Usage = "Usage: dotnet run -c Release --project bench/Endorse.Benchmarks -- matching [--sqlite /tmp/endorse-bench/endorse.db | --postgres CONNECTION] [--advocates 100000] [--activities 5000000] [--runs 200] [--naive-runs 3] [--write-runs 200] [--snapshot-only]\n       One database a run: SQLite by default, PostgreSQL with --postgres (or ENDORSE_BENCH_POSTGRES and --no-sqlite).";

    public static async Task<int> RunAsync(string[] args)
    {
        string? sqlite = "/tmp/endorse-bench/endorse.db";
        string? postgres = null;
        var sqliteAsked = false;
        int advocates = 100_000, activities = 5_000_000, runs = 200, naiveRuns = 3, writeRuns = 200;
        var snapshotOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--no-sqlite": sqlite = null; break;
                case "--sqlite": sqlite = args[++i]; sqliteAsked = true; break;
                case "--postgres": postgres = args[++i]; break;
                case "--advocates": advocates = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--activities": activities = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--naive-runs": naiveRuns = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--snapshot-only": snapshotOnly = true; break;
                case "--write-runs": writeRuns = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine(Usage); return 2;
            }
        }

        if (postgres is not null && !sqliteAsked)
        {
            sqlite = null; // --postgres alone: one command per database
        }

        postgres ??= Environment.GetEnvironmentVariable("ENDORSE_BENCH_POSTGRES") is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        var databases = new List<DatabaseSettings>();
        if (sqlite is not null)
        {
            databases.Add(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=" + sqlite));
        }

        if (postgres is not null)
        {
            databases.Add(new DatabaseSettings(DatabaseProvider.Postgres, postgres));
        }

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, load {LoadAverage()}");
        var lines = new List<string>();
        foreach (var database in databases)
        {
            lines.AddRange(await MeasureAsync(database, advocates, activities, runs, naiveRuns, writeRuns, snapshotOnly));
        }

        Console.WriteLine();
        Console.WriteLine($"Load average at the end: {LoadAverage()}");
        Console.WriteLine("| database | matcher | runs | median ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        lines.ForEach(Console.WriteLine);
        return 0;
    }

    private static async Task<List<string>> MeasureAsync(DatabaseSettings database, int advocates, int activities, int runs, int naiveRuns, int writeRuns, bool snapshotOnly)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<EndorseDbContext>(o => database.Apply(o));
        services.AddSingleton<MatchIndex>();
        services.AddScoped<NaiveMatcher>();
        await using var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EndorseDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await EnsureSchemaAsync(db);
            await EnsureDataAsync(db, database.Provider, advocates, activities);
            Console.WriteLine($"{database.Provider}: {await db.Contacts.CountAsync():N0} contacts, {await db.Advocates.CountAsync():N0} advocates, {await db.AdvocacyActivities.CountAsync():N0} activities");
        }

        // Start-up as a node sees it: a load from the database (which saves a snapshot), then a second index that starts
        // from that snapshot, as the next start of any node would. Both rank the same (checked below).
        var fresh = provider.GetRequiredService<MatchIndex>();
        fresh.RefreshInterval = TimeSpan.FromDays(1);
        fresh.UseSnapshot = snapshotOnly; // --snapshot-only: skip the minute-long load from the database when a snapshot exists
        var watch = Stopwatch.StartNew();
        await fresh.RankAsync(Criteria(0, ([], [], [])), 25);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{database.Provider}: load from the database + snapshot saved + first ranking {watch.Elapsed.TotalSeconds:F1} s ({fresh.Status.LoadTime?.TotalSeconds:F1} s of it the load), working set {Environment.WorkingSet / 1048576} MB, load {LoadAverage()}"));
        watch.Restart();
        foreach (var type in ActivityTypes.All)
        {
            await fresh.RankAsync(new MatchCriteria(type), 1);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{database.Provider}: candidates for all 8 activity types {watch.Elapsed.TotalSeconds:F1} s, working set {Environment.WorkingSet / 1048576} MB"));

        var index = new MatchIndex(provider.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System) { RefreshInterval = TimeSpan.FromDays(1) };
        var startCpu = Process.GetCurrentProcess().TotalProcessorTime;
        watch.Restart();
        await index.RankAsync(Criteria(0, ([], [], [])), 25);
        var firstFromSnapshot = watch.Elapsed;
        var firstCpu = Process.GetCurrentProcess().TotalProcessorTime - startCpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{database.Provider}: start from the snapshot: first ranking {firstFromSnapshot.TotalMilliseconds:F0} ms wall, {firstCpu.TotalMilliseconds:F0} ms process CPU ({index.Status.LoadTime?.TotalMilliseconds:F0} ms of the wall time the load, from the {index.Status.LoadedFrom}), load {LoadAverage()}"));
        watch.Restart();
        await index.WarmUpAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{database.Provider}: the other 7 activity types' pools {watch.Elapsed.TotalSeconds:F1} s"));

        int[] products, sectors, regions;
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EndorseDbContext>();
            products = await db.Products.Select(p => p.Id).ToArrayAsync();
            sectors = await db.Sectors.Select(p => p.Id).ToArrayAsync();
            regions = await db.Regions.Select(p => p.Id).ToArrayAsync();
        }

        var same = 0;
        for (var i = 0; i < 40; i++)
        {
            var criteria = Criteria(i, (products, sectors, regions));
            var expected = Shape(await fresh.RankAsync(criteria, 25));
            var actual = Shape(await index.RankAsync(criteria, 25));
            if (expected.SequenceEqual(actual))
            {
                same++;
            }
        }

        Console.WriteLine($"{database.Provider}: rankings identical from the snapshot and from the database: {same} of 40");
        fresh.Dispose();

        // The timed path is what POST /api/v1/matching/rank runs: the ranking and the response (explanations, the
        // first page of exclusions). Ranking and response are also timed apart, with the collections that ran.
        var pool = (products, sectors, regions);
        var indexed = new List<double>();
        var rankOnly = new List<double>();
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        long allocated = 0;
        var pauseBefore = GC.GetTotalPauseDuration();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < runs + 5; i++)
        {
            var criteria = Criteria(i, pool);
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            watch.Restart();
            var ranking = await index.RankAsync(criteria, 25);
            var ranked = watch.Elapsed.TotalMilliseconds;
            var response = MatchService.ToResponse(ranking);
            watch.Stop();
            if (i == 4)
            {
                gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                pauseBefore = GC.GetTotalPauseDuration();
                cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            }
            else if (i > 4)
            {
                indexed.Add(watch.Elapsed.TotalMilliseconds);
                rankOnly.Add(ranked);
                allocated += GC.GetAllocatedBytesForCurrentThread() - bytes;
            }

            GC.KeepAlive(response);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{database.Provider}: {runs} rankings, process CPU {cpu.TotalMilliseconds / runs:F1} ms a ranking, {allocated / Math.Max(1, runs) / 1024} KB allocated a ranking, collections gen0 {GC.CollectionCount(0) - gcBefore.Item1} / gen1 {GC.CollectionCount(1) - gcBefore.Item2} / gen2 {GC.CollectionCount(2) - gcBefore.Item3}, GC pauses {(GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds:F0} ms in all"));

        // A ranking right after a write that changed one advocate: the write saves through EF Core (so the change log gets
        // its row, as every write path's does) and calls Invalidate, as the write paths do; the next ranking reloads
        // that advocate first (read-your-writes). Timed: that ranking and its response.
        int[] written;
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EndorseDbContext>();
            written = await db.Advocates.OrderBy(a => a.Id).Select(a => a.Id).Take(writeRuns).ToArrayAsync();
        }

        var afterWrite = new List<double>();
        for (var i = 0; i < written.Length; i++)
        {
            await using (var scope = provider.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<EndorseDbContext>();
                var advocate = await db.Advocates.FirstAsync(a => a.Id == written[i]);
                advocate.Languages = advocate.Languages == "en,de" ? "en,de,fr" : "en,de";
                await db.SaveChangesAsync();
            }

            index.Invalidate(written[i]);
            watch.Restart();
            _ = MatchService.ToResponse(await index.RankAsync(Criteria(i, pool), 25));
            afterWrite.Add(watch.Elapsed.TotalMilliseconds);
        }

        var naive = new List<double>();
        for (var i = 0; i < naiveRuns; i++)
        {
            await using var scope = provider.CreateAsyncScope();
            var matcher = scope.ServiceProvider.GetRequiredService<NaiveMatcher>();
            watch.Restart();
            var ranking = await matcher.RankAsync(Criteria(i, pool), 25);
            _ = MatchService.ToResponse(ranking);
            watch.Stop();
            naive.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{database.Provider}: naive ranking {i + 1} of {naiveRuns}: {watch.Elapsed.TotalMilliseconds:F0} ms"));
        }

        indexed.Sort();
        rankOnly.Sort();
        afterWrite.Sort();
        naive.Sort();
        var name = database.Provider;
        List<string> lines =
        [
            Row(name, "MatchIndex (ranking + response)", indexed, "F1"),
            Row(name, "of which MatchIndex.RankAsync", rankOnly, "F1"),
            Row(name, "MatchIndex right after a write that changed one advocate", afterWrite, "F1"),
            Row(name, "NaiveMatcher", naive, "F0"),
            string.Create(CultureInfo.InvariantCulture,
                $"| {name} | ratio naive / index | | {Percentile(naive, 0.5) / Percentile(indexed, 0.5):N0}× | {Percentile(naive, 0.95) / Percentile(indexed, 0.95):N0}× | {Percentile(naive, 0.99) / Percentile(indexed, 0.99):N0}× | |"),
        ];
        lines.ForEach(Console.WriteLine);
        return lines;
    }

    private static string[] Shape(MatchRanking ranking) =>
    [
        .. ranking.Results.Select(r => $"{r.Rank}:{r.Candidate.AdvocateId}:{r.Score:R}:{r.AvailableFrom}:{string.Join('|', r.Factors.Select(f => f.Explanation))}"),
        $"eligible {ranking.EligibleCount}",
        .. ranking.Excluded.Take(200).Select(e => $"x{e.Candidate.AdvocateId}:{e.Reasons}:{string.Join('|', e.Describe())}"),
        .. ranking.ExcludedByReason.Select(c => $"{c.Reason}={c.Count}"),
    ];

    private static string Row(DatabaseProvider database, string matcher, List<double> sorted, string format) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {database} | {matcher} | {sorted.Count} | {Percentile(sorted, 0.5).ToString(format, CultureInfo.InvariantCulture)} | {Percentile(sorted, 0.95).ToString(format, CultureInfo.InvariantCulture)} | {Percentile(sorted, 0.99).ToString(format, CultureInfo.InvariantCulture)} | {(sorted.Count > 0 ? sorted[^1] : double.NaN).ToString(format, CultureInfo.InvariantCulture)} |");

    /// <summary>The 1, 5 and 15 minute load averages, as <c>uptime</c> shows them.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static MatchCriteria Criteria(int i, (int[] Products, int[] Sectors, int[] Regions) pool)
    {
        var types = ActivityTypes.All;
        return new MatchCriteria(types[i % 3 == 0 ? 0 : i % types.Count])
        {
            ProductIds = pool.Products.Length > 0 && i % 2 == 0 ? [pool.Products[i % pool.Products.Length]] : [],
            SectorId = pool.Sectors.Length > 0 && i % 3 != 2 ? pool.Sectors[i % pool.Sectors.Length] : null,
            RegionId = pool.Regions.Length > 0 && i % 4 == 1 ? pool.Regions[i % pool.Regions.Length] : null,
            SizeBand = (SizeBand)(i % 5),
            MinimumSeniority = (SeniorityTier)(i % 4),
            Language = i % 5 == 0 ? "en" : null,
            NeededBy = i % 7 == 0 ? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60) : null,
        };
    }

    private static double Percentile(List<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }

    /// <summary>
    /// Migrates; a scale database made from an older initial migration lacks the issue-3 tables, so those are
    /// created from the model's own create script (tables and indexes the database does not have yet).
    /// </summary>
    internal static async Task EnsureSchemaAsync(EndorseDbContext db)
    {
        try
        {
            await DatabaseMigrator.MigrateAsync(db);
        }
        catch (DbException ex)
        {
            Console.WriteLine($"Migration failed ({ex.Message.Split('\n')[0]}); creating the missing tables from the model instead.");
        }

        // A scale database made from an older initial migration lacks the newer tables (MatchChanges, MatchSnapshots…).

        var existing = new HashSet<string>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = db.Database.IsSqlite()
                ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                existing.Add(reader.GetString(0));
            }
        }

        foreach (var statement in db.Database.GenerateCreateScript().Split(";", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var table = TableOf(statement);
            if (table is null || existing.Contains(table))
            {
                continue;
            }

            await db.Database.ExecuteSqlRawAsync(statement);
        }
    }

    private static string? TableOf(string statement)
    {
        var create = statement.IndexOf("CREATE TABLE \"", StringComparison.Ordinal);
        if (create >= 0)
        {
            var start = create + "CREATE TABLE \"".Length;
            return statement[start..statement.IndexOf('"', start)];
        }

        var on = statement.IndexOf(" ON \"", StringComparison.Ordinal);
        if (statement.Contains("CREATE ", StringComparison.Ordinal) && statement.Contains("INDEX", StringComparison.Ordinal) && on >= 0)
        {
            var start = on + " ON \"".Length;
            return statement[start..statement.IndexOf('"', start)];
        }

        return null;
    }

    internal static async Task EnsureDataAsync(EndorseDbContext db, DatabaseProvider provider, int advocates, int activities)
    {
        if (await db.AdvocacyActivities.AnyAsync())
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        var contacts = await db.Contacts.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.AccountId }).Take(advocates * 10).ToListAsync();
        var products = await db.Products.Select(p => p.Id).ToArrayAsync();
        var random = new Random(42);
        var picked = contacts.Where((_, i) => i % 10 == 3).Take(advocates).ToArray();
        var now = DateTimeOffset.UtcNow;
        var haveAdvocates = await db.Advocates.AnyAsync();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var isSqlite = provider == DatabaseProvider.Sqlite;
        object Instant(DateTimeOffset value) => isSqlite ? new DateTimeOffsetToBinaryConverter().ConvertToProvider(value)! : value;
        object Day(DateOnly value) => isSqlite ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : value;
        var nowValue = Instant(now);

        var advocateRows = picked.Select((c, i) =>
        {
            var status = (i % 50) switch { 0 => AdvocateStatus.Resting, 1 => AdvocateStatus.DoNotContact, 2 => AdvocateStatus.Retired, 3 => AdvocateStatus.Candidate, _ => AdvocateStatus.Active };
            var types = 1 | (random.Next(1, 256) & 0xFF);
            return new object?[]
            {
                c.Id, c.AccountId, (int)status, status == AdvocateStatus.Resting && i % 100 == 0 ? Day(today.AddDays(30)) : null, types,
                (i % 4) switch { 0 => "en,de", 1 => "en", 2 => "fr,en", _ => "es" }, i % 10 == 0 ? 2 : null, 0, nowValue, 0, nowValue, nowValue,
            };
        });
        if (!haveAdvocates)
        {
            await WriteAsync(db, provider, "Advocates", ["ContactId", "AccountId", "Status", "RestingUntil", "ActivityTypes", "Languages", "MaxActivitiesPerQuarter", "PreferredChannel", "EnrolledAt", "BookingVersion", "CreatedAt", "UpdatedAt"], advocateRows);
        }

        var ids = await db.Advocates.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.AccountId }).ToArrayAsync();
        Console.WriteLine($"{provider}: {ids.Length:N0} advocates in {watch.Elapsed.TotalSeconds:F0} s");

        if (products.Length > 0 && !haveAdvocates)
        {
            var productRows = ids.SelectMany((a, i) => Enumerable.Range(0, 1 + (i % 3)).Select(k => products[(i + (k * 7)) % products.Length]).Distinct().Select(p => new object?[] { a.Id, p }));
            await WriteAsync(db, provider, "AdvocateProducts", ["AdvocateId", "ProductId"], productRows);
        }

        // Skewed load over ten years ("the same five customers"): 30% of activities go to the busiest 1% of advocates, the rest spread over all.
        var activityRows = Enumerable.Range(0, activities).Select(n =>
        {
            var a = random.NextDouble() < 0.3 ? ids[random.Next(0, ids.Length / 100)] : ids[random.Next(0, ids.Length)];
            var day = today.AddDays(-random.Next(0, 10 * 365) + (n % 50 == 0 ? random.Next(0, 120) : 0));
            var state = day > today ? 0 : (n % 20 == 0 ? 2 : 1);
            return new object?[] { a.Id, a.AccountId, random.Next(0, 8), Day(day), state, state == 1 && n % 3 == 0 ? 1 + random.Next(0, 5) : null, nowValue };
        });
        await WriteAsync(db, provider, "AdvocacyActivities", ["AdvocateId", "AccountId", "ActivityType", "OccurredOn", "State", "Quality", "CreatedAt"], activityRows);
        Console.WriteLine($"{provider}: generated advocates and {activities:N0} activities in {watch.Elapsed.TotalSeconds:F0} s");
    }

    private static async Task WriteAsync(EndorseDbContext db, DatabaseProvider provider, string table, string[] columns, IEnumerable<object?[]> rows)
    {
        var columnList = string.Join(", ", columns.Select(c => $"\"{c}\""));
        if (provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
            await connection.OpenAsync();
            await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{table}\" ({columnList}) FROM STDIN (FORMAT BINARY)");
            importer.Timeout = TimeSpan.Zero;
            foreach (var row in rows)
            {
                await importer.StartRowAsync();
                foreach (var value in row)
                {
                    if (value is null)
                    {
                        await importer.WriteNullAsync();
                    }
                    else
                    {
                        await importer.WriteAsync(value);
                    }
                }
            }

            await importer.CompleteAsync();
            return;
        }

        await using var sqlite = new SqliteConnection(db.Database.GetConnectionString());
        await sqlite.OpenAsync();
        await using var command = sqlite.CreateCommand();
        command.CommandText = $"INSERT INTO \"{table}\" ({columnList}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null))).ToArray();
        var transaction = sqlite.BeginTransaction();
        command.Transaction = transaction;
        command.Prepare();
        long count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
            if (++count % 200_000 == 0)
            {
                transaction.Commit();
                transaction.Dispose();
                transaction = sqlite.BeginTransaction();
                command.Transaction = transaction;
            }
        }

        transaction.Commit();
        transaction.Dispose();
    }
}
