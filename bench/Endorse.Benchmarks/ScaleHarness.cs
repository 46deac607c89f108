using System.Diagnostics;
using System.Globalization;
using Endorse.Advocates;
using Endorse.Contacts;
using Endorse.Data;
using Endorse.Demo;
using Endorse.Listing;
using Endorse.Requests;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Endorse.Benchmarks;

/// <summary>
/// Generates (or reuses) a database at the given scale on SQLite and, when ENDORSE_BENCH_POSTGRES is set, on
/// PostgreSQL, then times the queries the Accounts and Contacts list pages run: N runs each, median and p95.
/// </summary>
public static class ScaleHarness
{
    public const string Usage = "Usage: dotnet run -c Release --project bench/Endorse.Benchmarks -- scale [--accounts 200000] [--contacts 1000000] [--opportunities 2000000] [--seed 42] [--runs 30] [--sqlite data/bench/endorse.db] [--no-sqlite]\n       PostgreSQL runs too when ENDORSE_BENCH_POSTGRES holds a connection string (the database is created if missing).";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var databases = new List<DatabaseSettings>();
        if (!options.NoSqlite)
        {
            databases.Add(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=" + options.SqliteFile));
        }

        var postgres = Environment.GetEnvironmentVariable("ENDORSE_BENCH_POSTGRES");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            databases.Add(new DatabaseSettings(DatabaseProvider.Postgres, postgres));
        }

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        var results = new List<(string Database, string Query, double Median, double P95, int Rows)>();
        foreach (var database in databases)
        {
            if (!await EnsureDataAsync(database, options))
            {
                return 1;
            }

            await EnsureRequestsAsync(database);
            foreach (var scenario in Scenarios())
            {
                var (median, p95, rows) = await MeasureAsync(database, scenario.Run, options.Runs);
                results.Add((database.Provider.ToString(), scenario.Name, median, p95, rows));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{database.Provider,-8} {scenario.Name,-52} median {median,8:F1} ms   p95 {p95,8:F1} ms   rows {rows}"));
            }

        }

        Console.WriteLine();
        Console.WriteLine("| database | query | median ms | p95 ms | target < 100 ms |");
        Console.WriteLine("|---|---|---:|---:|---|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Database} | {r.Query} | {r.Median:F1} | {r.P95:F1} | {(r.P95 < 100 ? "met" : r.Median < 100 ? "median met, p95 missed" : "**missed**")} |"));
        }

        return 0;
    }

    private sealed record Scenario(string Name, Func<EndorseDbContext, Task<int>> Run);

    private static IEnumerable<Scenario> Scenarios()
    {
        var first = new PageRequest(1, 25);
        var deep = new PageRequest(200, 25);
        yield return new("Accounts: first page, sorted by name", db => ListQueries.AccountsAsync(db, null, null, first));
        yield return new("Accounts: search prefix \"north\"", db => ListQueries.AccountsAsync(db, "north", null, first));
        yield return new("Accounts: search prefix \"b\" (wide)", db => ListQueries.AccountsAsync(db, "b", null, first));
        yield return new("Accounts: filter sector Healthcare", async db => await ListQueries.AccountsAsync(db, null, await SectorAsync(db), first));
        yield return new("Accounts: deep page 200", db => ListQueries.AccountsAsync(db, null, null, deep));
        yield return new("Contacts: first page, sorted by name", db => ListQueries.ContactsAsync(db, null, null, first));
        yield return new("Contacts: search prefix \"garc\"", db => ListQueries.ContactsAsync(db, "garc", null, first));
        yield return new("Contacts: search prefix \"m\" (wide)", db => ListQueries.ContactsAsync(db, "m", null, first));
        yield return new("Contacts: search e-mail \"mary.smith@\"", db => ListQueries.ContactsAsync(db, "mary.smith@", null, first));
        yield return new("Contacts: filter tier Director", db => ListQueries.ContactsAsync(db, null, SeniorityTier.Director, first));
        yield return new("Contacts: filter tier C-level + search \"s\"", db => ListQueries.ContactsAsync(db, "s", SeniorityTier.CLevel, first));
        yield return new("Contacts: deep page 200", db => ListQueries.ContactsAsync(db, null, null, deep));
        yield return new("Bulk enrol: sector Healthcare", async db => await ListQueries.ContactsAsync(db, new ContactFilter(SectorId: await SectorAsync(db)), first));
        yield return new("Bulk enrol: region EMEA North", async db => await ListQueries.ContactsAsync(db, new ContactFilter(RegionId: await RegionAsync(db)), first));
        yield return new("Bulk enrol: sector + region + C-level + not advocates", async db => await ListQueries.ContactsAsync(
            db, new ContactFilter(SeniorityTier: SeniorityTier.CLevel, SectorId: await SectorAsync(db), RegionId: await RegionAsync(db), NotAdvocates: true), first));

        // Issue 3's lists, at 100,000 advocates (the matching harness adds them) and the generated requests.
        yield return new("Advocates: first page, sorted by name", db => ProgramListQueries.AdvocatesAsync(db, new AdvocateFilter(), first));
        yield return new("Advocates: status Active + does site visits", db => ProgramListQueries.AdvocatesAsync(db, new AdvocateFilter(Status: AdvocateStatus.Active, ActivityType: ActivityType.SiteVisit), first));
        yield return new("Advocates: status Retired (2%)", db => ProgramListQueries.AdvocatesAsync(db, new AdvocateFilter(Status: AdvocateStatus.Retired), first));
        yield return new("Advocates: search prefix \"m\"", db => ProgramListQueries.AdvocatesAsync(db, new AdvocateFilter(Search: "m"), first));
        yield return new("Advocates: owns a product", async db => await ProgramListQueries.AdvocatesAsync(db, new AdvocateFilter(ProductId: await db.Products.OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync()), first));
        yield return new("Advocates: deep page 200", db => ProgramListQueries.AdvocatesAsync(db, new AdvocateFilter(), deep));
        yield return new("Requests: board (open, earliest needed-by first)", db => ProgramListQueries.BoardAsync(db, new BoardFilter(null, null), first));
        yield return new("Requests: board, overdue only", db => ProgramListQueries.BoardAsync(db, new BoardFilter(null, true), first));
        yield return new("Requests: board, status Submitted", db => ProgramListQueries.BoardAsync(db, new BoardFilter(RequestStatus.Submitted, null), first));
        yield return new("Requests: my requests (10,000 of them)", async db => await ProgramListQueries.MineAsync(db, await db.ReferenceRequests.OrderBy(r => r.Id).Select(r => r.RequesterId).FirstAsync(), first));
    }

    private static int? healthcare;
    private static int? emeaNorth;

    private static async Task<int?> RegionAsync(EndorseDbContext db) =>
        emeaNorth ??= await db.Regions.Where(r => r.Name == "EMEA North").Select(r => (int?)r.Id).FirstOrDefaultAsync();

    private static async Task<int?> SectorAsync(EndorseDbContext db) =>
        healthcare ??= await db.Sectors.Where(s => s.Name == "Healthcare").Select(s => (int?)s.Id).FirstOrDefaultAsync();

    private static async Task<(double Median, double P95, int Rows)> MeasureAsync(DatabaseSettings database, Func<EndorseDbContext, Task<int>> run, int runs)
    {
        healthcare = null;
        emeaNorth = null;
        var times = new List<double>(runs);
        var rows = 0;
        for (var i = 0; i < runs + 3; i++)
        {
            // A context per run, as a request scope has; the first three runs warm the pool, the plan cache and the page cache.
            await using var db = Open(database);
            var watch = Stopwatch.StartNew();
            rows = await run(db);
            watch.Stop();
            if (i >= 3)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        return (Percentile(times, 0.5), Percentile(times, 0.95), rows);
    }

    private static double Percentile(List<double> sorted, double p)
    {
        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    private static EndorseDbContext Open(DatabaseSettings database)
    {
        var builder = new DbContextOptionsBuilder<EndorseDbContext>();
        database.Apply(builder);
        return new EndorseDbContext(builder.Options) { AuditEachChange = false };
    }

    /// <summary>Reuses the database when it already holds the requested counts; generates into an empty one; refuses a mixed one.</summary>
    private static async Task<bool> EnsureDataAsync(DatabaseSettings database, Options options)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await CreatePostgresDatabaseAsync(database.ConnectionString);
        }

        await using var db = Open(database);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await DatabaseMigrator.MigrateAsync(db);
        var (accounts, contacts, opportunities) = (await db.Accounts.CountAsync(), await db.Contacts.CountAsync(), await db.Opportunities.CountAsync());
        if (accounts == options.Accounts && contacts == options.Contacts && opportunities == options.Opportunities)
        {
            Console.WriteLine($"{database.Provider}: reusing {accounts:N0} accounts, {contacts:N0} contacts, {opportunities:N0} opportunities");
            return true;
        }

        if (accounts + contacts + opportunities > 0)
        {
            Console.Error.WriteLine($"{database.Provider}: the database holds {accounts:N0} accounts, {contacts:N0} contacts, {opportunities:N0} opportunities, not the requested scale. Drop it and run again.");
            return false;
        }

        var result = await BulkGenerator.RunAsync(db, new GenerateOptions(options.Accounts, options.Contacts, options.Opportunities, options.Seed), TimeProvider.System, line => Console.WriteLine($"{database.Provider}: {line}"));
        Console.WriteLine($"{database.Provider}: generated in {result.Elapsed.TotalSeconds:N0} s");
        return true;
    }

    /// <summary>
    /// 200,000 reference requests from 20 requesters over two years, when there are none: 30 % open (the board),
    /// needed-by dates from a year ago to a year ahead, so the board has overdue and due-soon rows.
    /// </summary>
    private static async Task EnsureRequestsAsync(DatabaseSettings database)
    {
        await using var db = Open(database);
        if (await db.ReferenceRequests.AnyAsync() || !await db.Advocates.AnyAsync())
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        var users = Enumerable.Range(1, 20).Select(i => new EndorseUser
        {
            UserName = $"requester{i}@bench.example",
            NormalizedUserName = $"REQUESTER{i}@BENCH.EXAMPLE",
            Email = $"requester{i}@bench.example",
            NormalizedEmail = $"REQUESTER{i}@BENCH.EXAMPLE",
            DisplayName = $"Requester {i}",
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = DateTimeOffset.UtcNow,
        }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        var random = new Random(42);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        RequestStatus[] open = [RequestStatus.Submitted, RequestStatus.Matched, RequestStatus.AwaitingOwnerApproval, RequestStatus.AdvocateAsked, RequestStatus.Accepted, RequestStatus.Scheduled];
        RequestStatus[] closed = [RequestStatus.Completed, RequestStatus.Completed, RequestStatus.Cancelled, RequestStatus.Declined, RequestStatus.NoShow];
        for (var batch = 0; batch < 20; batch++)
        {
            await using var work = Open(database);
            work.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < 10_000; i++)
            {
                var user = users[random.Next(users.Count)];
                var created = DateTimeOffset.UtcNow.AddDays(-random.Next(0, 730)).AddMinutes(-random.Next(0, 1440));
                work.ReferenceRequests.Add(new ReferenceRequest
                {
                    RequesterId = user.Id,
                    RequesterName = user.DisplayName,
                    ProspectName = $"Prospect {random.Next(1, 50_000)}",
                    ActivityType = (ActivityType)random.Next(0, 8),
                    NeededBy = today.AddDays(random.Next(-365, 366)),
                    Status = random.Next(10) < 3 ? open[random.Next(open.Length)] : closed[random.Next(closed.Length)],
                    CreatedAt = created,
                    UpdatedAt = created,
                });
            }

            await work.SaveChangesAsync();
        }

        Console.WriteLine($"{database.Provider}: generated 200,000 reference requests in {watch.Elapsed.TotalSeconds:F0} s");
    }

    internal static async Task CreatePostgresDatabaseAsync(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var server = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", target.Database!);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    private sealed record Options(int Accounts, int Contacts, int Opportunities, int Seed, int Runs, string SqliteFile, bool NoSqlite)
    {
        public static Options? Parse(string[] args)
        {
            var options = new Options(200_000, 1_000_000, 2_000_000, 42, 30, "data/bench/endorse.db", false);
            for (var i = 0; i < args.Length; i++)
            {
                if (args[i] == "--no-sqlite")
                {
                    options = options with { NoSqlite = true };
                    continue;
                }

                if (i + 1 >= args.Length)
                {
                    return null;
                }

                var value = args[++i];
                int Number() => int.Parse(value, CultureInfo.InvariantCulture);
                options = args[i - 1] switch
                {
                    "--accounts" => options with { Accounts = Number() },
                    "--contacts" => options with { Contacts = Number() },
                    "--opportunities" => options with { Opportunities = Number() },
                    "--seed" => options with { Seed = Number() },
                    "--runs" => options with { Runs = Math.Max(1, Number()) },
                    "--sqlite" => options with { SqliteFile = value },
                    _ => null,
                };
                if (options is null)
                {
                    return null;
                }
            }

            return options;
        }
    }
}
