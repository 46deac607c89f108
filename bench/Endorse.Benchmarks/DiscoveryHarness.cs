using System.Diagnostics;
using System.Globalization;
using Endorse.Accounts;
using Endorse.Contacts;
using Endorse.Data;
using Endorse.Demo;
using Endorse.Discovery;
using Endorse.WishList;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Endorse.Benchmarks;

/// <summary>
/// Candidate discovery at scale (issue 8: 200,000 accounts, 1,000,000 contacts, a ranking in under 1 s at p95 on both
/// databases). Over a scale database (generated here with <see cref="BulkGenerator"/> when empty), adds a profile when
/// missing (advocates with completed activities, as the matching harness writes them, and wish-list entries), then
/// times rankings through <see cref="DiscoveryService"/> as <c>GET /api/v1/discovery</c> runs them (a scope and a
/// DbContext per ranking, page 1 of 25 with every factor explained): cold (the first ranking of a fresh index: the
/// load from the database and the ranking) and warm (N rankings, unfiltered and filtered to a gap, varied in turn).
/// One database a run.
/// </summary>
public static class DiscoveryHarness
{
    public const string Usage = "Usage: dotnet run -c Release --project bench/Endorse.Benchmarks -- discovery [--sqlite FILE | --postgres CONNECTION] [--runs 120] [--starts 3] [--naive-runs 1] [--accounts 200000] [--contacts 1000000] [--opportunities 2000000] [--advocates 20000] [--activities 400000] [--wishes 300]";

    private sealed record Options(string? Sqlite, string? Postgres, int Runs, int Starts, int NaiveRuns, int Accounts, int Contacts, int Opportunities, int Advocates, int Activities, int Wishes);

    public static async Task<int> RunAsync(string[] args)
    {
        var parts = false;
        var o = new Options("/tmp/endorse-bench/endorse.db", null, 120, 3, 1, 200_000, 1_000_000, 2_000_000, 20_000, 400_000, 300);
        for (var i = 0; i < args.Length; i++)
        {
            int Number() => int.Parse(args[++i], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--sqlite": o = o with { Sqlite = args[++i], Postgres = null }; break;
                case "--postgres": o = o with { Postgres = args[++i], Sqlite = null }; break;
                case "--runs": o = o with { Runs = Math.Max(1, Number()) }; break;
                case "--starts": o = o with { Starts = Math.Max(1, Number()) }; break;
                case "--naive-runs": o = o with { NaiveRuns = Math.Max(0, Number()) }; break;
                case "--accounts": o = o with { Accounts = Number() }; break;
                case "--contacts": o = o with { Contacts = Number() }; break;
                case "--opportunities": o = o with { Opportunities = Number() }; break;
                case "--advocates": o = o with { Advocates = Number() }; break;
                case "--activities": o = o with { Activities = Number() }; break;
                case "--wishes": o = o with { Wishes = Number() }; break;
                case "--parts": parts = true; break;
                default: Console.Error.WriteLine(Usage); return 2;
            }
        }

        var database = o.Postgres is not null
            ? new DatabaseSettings(DatabaseProvider.Postgres, o.Postgres)
            : new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=" + o.Sqlite);
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, load {LoadAverage()}");
        if (!await EnsureDataAsync(database, o))
        {
            return 1;
        }

        if (parts)
        {
            await PartsAsync(database);
            return 0;
        }

        var lines = await MeasureAsync(database, o);
        Console.WriteLine();
        Console.WriteLine($"Load average at the end: {LoadAverage()}");
        Console.WriteLine("| database | rankings | runs | median ms | p95 ms | max ms | CPU a ranking ms |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        lines.ForEach(Console.WriteLine);
        return 0;
    }

    private sealed record Kind(string Name, Func<Catalog, int, DiscoveryCriteria> Criteria);

    private sealed record Catalog(int[] Products, int[] Sectors, int[] Regions);

    /// <summary>What a reference manager asks, in turn: everything, and gaps to fill (product × sector, a region, a seniority, and combinations).</summary>
    private static readonly Kind[] Kinds =
    [
        new("unfiltered", (_, _) => new DiscoveryCriteria()),
        new("gap: product × sector", (c, i) => new DiscoveryCriteria { ProductId = c.Products[i % c.Products.Length], SectorId = c.Sectors[(i / 2) % c.Sectors.Length] }),
        new("gap: region", (c, i) => new DiscoveryCriteria { RegionId = c.Regions[i % c.Regions.Length] }),
        new("gap: seniority (VP and up)", (_, _) => new DiscoveryCriteria { MinimumSeniority = SeniorityTier.VicePresident }),
        new("gap: product × sector, Director and up", (c, i) => new DiscoveryCriteria { ProductId = c.Products[(i + 1) % c.Products.Length], SectorId = c.Sectors[i % c.Sectors.Length], MinimumSeniority = SeniorityTier.Director }),
        new("gap: region, C-level", (c, i) => new DiscoveryCriteria { RegionId = c.Regions[(i + 1) % c.Regions.Length], MinimumSeniority = SeniorityTier.CLevel }),
    ];

    private static ServiceProvider Services(DatabaseSettings database)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<EndorseDbContext>(o => database.Apply(o));
        services.AddSingleton(sp => new DiscoveryIndex(sp.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System) { RefreshInterval = TimeSpan.FromDays(1) });
        services.AddScoped<DiscoveryService>();
        services.AddScoped<NaiveDiscovery>();
        return services.BuildServiceProvider();
    }

    /// <summary>One ranking as the endpoint runs it: a scope, the service, page 1 of 25 explained.</summary>
    private static async Task<(double Ms, double CpuMs, int Candidates)> RankAsync(ServiceProvider provider, DiscoveryCriteria criteria)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await using var scope = provider.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<DiscoveryService>().RankAsync(new DiscoveryRequest(criteria));
        watch.Stop();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        return (watch.Elapsed.TotalMilliseconds, used.TotalMilliseconds, outcome.Value?.CandidateCount ?? -1);
    }

    private static async Task<List<string>> MeasureAsync(DatabaseSettings database, Options o)
    {
        var lines = new List<string>();
        Catalog catalog;
        await using (var provider = Services(database))
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EndorseDbContext>();
            catalog = new Catalog(
                await db.Products.OrderBy(p => p.Id).Select(p => p.Id).ToArrayAsync(),
                await db.Sectors.OrderBy(p => p.Id).Select(p => p.Id).ToArrayAsync(),
                await db.Regions.OrderBy(p => p.Id).Select(p => p.Id).ToArrayAsync());
            Console.WriteLine($"{database.Provider}: {await db.Accounts.CountAsync():N0} accounts ({await db.Accounts.CountAsync(CustomerRule.IsCustomerExpression):N0} customers), {await db.Contacts.CountAsync():N0} contacts, {await db.Advocates.CountAsync():N0} advocates, {await db.WishListEntries.CountAsync():N0} wishes");
        }

        // Cold: a fresh index (a start of the app), its first ranking loads everything. The first start of the process
        // also builds the EF Core model and JIT-compiles, as a real start does.
        var cold = new List<double>();
        var coldCpu = new List<double>();
        for (var s = 0; s < o.Starts; s++)
        {
            await using var provider = Services(database);
            var criteria = Kinds[s % Kinds.Length].Criteria(catalog, s);
            var (ms, cpu, count) = await RankAsync(provider, criteria);
            cold.Add(ms);
            coldCpu.Add(cpu);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{database.Provider}: start {s + 1}: first ranking ({Kinds[s % Kinds.Length].Name}) {ms:F0} ms wall, {cpu:F0} ms CPU, {count:N0} candidates, working set {Environment.WorkingSet / 1048576} MB, load {LoadAverage()}"));
            GC.Collect();
        }

        lines.Add(Row(database.Provider, "cold: first ranking after a start, index not loaded (load + rank)", cold, coldCpu));

        // A start as the app does it: DiscoveryIndexWorker loads the index in the background at start-up; the first
        // ranking after that load is what a user meets (unless they ask during the load, and wait as above).
        var loads = new List<double>();
        var loadsCpu = new List<double>();
        var firsts = new List<double>();
        var firstsCpu = new List<double>();
        for (var s = 0; s < o.Starts; s++)
        {
            await using var provider = Services(database);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await provider.GetRequiredService<DiscoveryIndex>().WarmUpAsync();
            loads.Add(watch.Elapsed.TotalMilliseconds);
            loadsCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
            var (ms, used, _) = await RankAsync(provider, Kinds[s % Kinds.Length].Criteria(catalog, s));
            firsts.Add(ms);
            firstsCpu.Add(used);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{database.Provider}: start {s + 1} with the start-up load: load {loads[^1]:F0} ms, then first ranking ({Kinds[s % Kinds.Length].Name}) {ms:F0} ms, load {LoadAverage()}"));
            GC.Collect();
        }

        lines.Add(Row(database.Provider, "start-up load of the index (DiscoveryIndexWorker, in the background)", loads, loadsCpu));
        lines.Add(Row(database.Provider, "first ranking after a start, index loaded at start-up", firsts, firstsCpu));

        // Warm: one index, the kinds in turn; 6 warm-up rankings first (one of each kind).
        await using (var provider = Services(database))
        {
            var startCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await provider.GetRequiredService<DiscoveryIndex>().RefreshAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{database.Provider}: index loaded in {watch.Elapsed.TotalMilliseconds:F0} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - startCpu).TotalMilliseconds:F0} ms CPU, working set {Environment.WorkingSet / 1048576} MB"));
            for (var i = 0; i < Kinds.Length; i++)
            {
                await RankAsync(provider, Kinds[i].Criteria(catalog, i));
            }

            var byKind = Kinds.ToDictionary(k => k.Name, _ => (Ms: new List<double>(), Cpu: new List<double>()));
            var all = new List<double>();
            var allCpu = new List<double>();
            var gen0 = GC.CollectionCount(0);
            var allocated = GC.GetTotalAllocatedBytes();
            for (var r = 0; r < o.Runs; r++)
            {
                var kind = Kinds[r % Kinds.Length];
                var (ms, cpu, _) = await RankAsync(provider, kind.Criteria(catalog, r / Kinds.Length));
                byKind[kind.Name].Ms.Add(ms);
                byKind[kind.Name].Cpu.Add(cpu);
                all.Add(ms);
                allCpu.Add(cpu);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{database.Provider}: warm: {(GC.GetTotalAllocatedBytes() - allocated) / o.Runs / 1024:N0} KB allocated a ranking, {GC.CollectionCount(0) - gen0} gen-0 collections in {o.Runs} rankings"));
            lines.Add(Row(database.Provider, "warm: all kinds", all, allCpu));
            foreach (var kind in Kinds)
            {
                lines.Add(Row(database.Provider, "warm: " + kind.Name, byKind[kind.Name].Ms, byKind[kind.Name].Cpu));
            }

            // Right after a write: a service invalidates the account it changed (a gate, a wish, a membership), and the next
            // ranking reloads that account and patches the index first (read-your-writes).
            var index = provider.GetRequiredService<DiscoveryIndex>();
            var writes = new List<double>();
            var writesCpu = new List<double>();
            int[] accountIds;
            await using (var scope = provider.CreateAsyncScope())
            {
                accountIds = await scope.ServiceProvider.GetRequiredService<EndorseDbContext>().Accounts.Where(CustomerRule.IsCustomerExpression)
                    .OrderBy(a => a.Id).Select(a => a.Id).Take(2_000).ToArrayAsync();
            }

            for (var r = 0; r < Math.Min(o.Runs, 40); r++)
            {
                index.Invalidate(accountIds[(r * 37) % accountIds.Length]);
                var (ms, cpu, _) = await RankAsync(provider, Kinds[r % Kinds.Length].Criteria(catalog, r));
                writes.Add(ms);
                writesCpu.Add(cpu);
            }

            lines.Add(Row(database.Provider, "warm: right after a write (one account reloaded first)", writes, writesCpu));

            // The same rankings straight from the database (the correctness oracle, loading everything a call).
            var naive = new List<double>();
            var naiveCpu = new List<double>();
            for (var r = 0; r < o.NaiveRuns; r++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                watch.Restart();
                await using var scope = provider.CreateAsyncScope();
                var expected = await scope.ServiceProvider.GetRequiredService<NaiveDiscovery>().RankAsync(Kinds[r % Kinds.Length].Criteria(catalog, r), 25);
                naive.Add(watch.Elapsed.TotalMilliseconds);
                naiveCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
                var actual = (await provider.GetRequiredService<DiscoveryIndex>().RankAsync(Kinds[r % Kinds.Length].Criteria(catalog, r), 25)).Ranking;
                var same = expected.Hits.Select(h => (h.Contact.ContactId, h.Score)).SequenceEqual(actual.Hits.Select(h => (h.Contact.ContactId, h.Score)))
                    && expected.CandidateCount == actual.CandidateCount && expected.ExcludedAccountCount == actual.ExcludedAccountCount;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{database.Provider}: naive ranking {naive[^1]:F0} ms; same top 25 and counts as the index: {same}"));
            }

            if (naive.Count > 0)
            {
                lines.Add(Row(database.Provider, "naive (loads everything a call)", naive, naiveCpu));
            }
        }

        return lines;
    }

    /// <summary>The index load's queries one by one (<c>--parts</c>): where a cold start spends its time.</summary>
    private static async Task PartsAsync(DatabaseSettings database)
    {
        await using var provider = Services(database);
        for (var round = 0; round < 2; round++)
        {
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EndorseDbContext>();
            async Task Time(string name, Func<Task<int>> run)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var n = await run();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{database.Provider} round {round + 1}: {name,-40} {watch.Elapsed.TotalMilliseconds,8:F0} ms wall {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds,8:F0} ms CPU {n,10:N0} rows"));
            }

            await Time("customer accounts", async () => (await db.Accounts.AsNoTracking().Where(CustomerRule.IsCustomerExpression).Select(a => new { a.Id, a.Name, a.NameSearch, a.SectorId, a.RegionId, a.SizeBand, a.CustomerSince, a.SatisfactionKind, a.SatisfactionScore, a.OpenEscalations, a.RenewalOn, a.DisclosurePermission }).ToListAsync()).Count);
            await Time("products owned", async () => (await db.AccountProducts.AsNoTracking().Select(p => new { p.AccountId, p.ProductId }).ToListAsync()).Count);
            await Time("largest open bids", async () => (await Endorse.Readiness.ReadinessQueries.LargestOpenBidsAsync(db, null)).Count);
            await Time("largest open bids >= 500,000", async () => (await Endorse.Readiness.ReadinessQueries.LargestOpenBidsAsync(db, null, 500_000m)).Count);
            await Time("set gates", async () => (await Endorse.Readiness.ReadinessQueries.SetGatesAsync(db, null)).Count);
            await Time("advocates", async () => (await db.Advocates.AsNoTracking().Select(a => a.ContactId).ToListAsync()).Count);
            await Time("contacts", async () => (await db.Contacts.AsNoTracking().Select(c => new { c.Id, c.AccountId, c.SeniorityTier }).ToListAsync()).Count);
            await Time("best-used advocates", async () => (await DiscoveryLoader.BestUsedAsync(db, DateOnly.FromDateTime(DateTime.UtcNow))).Count);
            await Time("whole load, every open bid", async () => (await DiscoveryLoader.AccountsAsync(db, null)).Count);
            await Time("whole load, big bids only (the program's policy)", async () => (await DiscoveryLoader.AccountsAsync(db, null, await new Endorse.Settings.ProgramSettingsService(db, TimeProvider.System).FatiguePolicyAsync())).Count);
        }
    }

    private static string Row(DatabaseProvider database, string name, List<double> times, List<double> cpu)
    {
        var sorted = times.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {database} | {name} | {sorted.Count} | {Percentile(sorted, 0.5):F1} | {Percentile(sorted, 0.95):F1} | {sorted[^1]:F1} | {cpu.Average():F1} |");
    }

    /// <summary>Generates the scale data into an empty database; adds the profile (advocates, activities, wishes) when missing.</summary>
    private static async Task<bool> EnsureDataAsync(DatabaseSettings database, Options o)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await ScaleHarness.CreatePostgresDatabaseAsync(database.ConnectionString);
        }

        var builder = new DbContextOptionsBuilder<EndorseDbContext>();
        database.Apply(builder);
        await using (var db = new EndorseDbContext(builder.Options) { AuditEachChange = false })
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await MatchingHarness.EnsureSchemaAsync(db);
            var accounts = await db.Accounts.CountAsync();
            if (accounts == 0)
            {
                var result = await BulkGenerator.RunAsync(db, new GenerateOptions(o.Accounts, o.Contacts, o.Opportunities), TimeProvider.System, line => Console.WriteLine($"{database.Provider}: {line}"));
                Console.WriteLine($"{database.Provider}: generated in {result.Elapsed.TotalSeconds:N0} s");
            }
            else if (accounts != o.Accounts)
            {
                Console.WriteLine($"{database.Provider}: the database holds {accounts:N0} accounts, not {o.Accounts:N0}; measuring it as it is.");
            }

            await MatchingHarness.EnsureDataAsync(db, database.Provider, o.Advocates, o.Activities);
        }

        await using (var db = new EndorseDbContext(builder.Options) { AuditEachChange = false })
        {
            if (o.Wishes > 0 && !await db.WishListEntries.AnyAsync())
            {
                // Wishes for every 400th customer account without advocates, as sales would add them.
                var ids = await db.Accounts.AsNoTracking().Where(CustomerRule.IsCustomerExpression).Where(a => !db.Advocates.Any(v => v.AccountId == a.Id))
                    .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
                var now = DateTimeOffset.UtcNow;
                var picked = ids.Where((_, i) => i % 400 == 7).Take(o.Wishes).ToList();
                db.WishListEntries.AddRange(picked.Select((id, i) => new WishListEntry
                {
                    AccountId = id,
                    OpenAccountId = id,
                    WisherName = "Bench Rep",
                    DealOrSegment = i % 2 == 0 ? "Hospitals in the north" : "Banks",
                    Stage = WishStage.Wished,
                    CreatedAt = now,
                    UpdatedAt = now,
                }));
                await db.SaveChangesAsync();
                Console.WriteLine($"{database.Provider}: {picked.Count} wish-list entries added");
            }
        }

        return true;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

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
}
