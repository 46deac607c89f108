using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Endorse.AccessTokens;
using Endorse.Data;
using Endorse.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Endorse.Benchmarks;

/// <summary>
/// The API as an integration sees it, over HTTP with <c>wrk</c> (Debian's package): Endorse.Web started as its own
/// process on a scale database, and a bare Kestrel JSON endpoint in this process as the yardstick, both measured in the
/// same run. Per build of Endorse.Web given (so a before and an after build run against the same data in one run):
/// how long after the start the first ranking and the first program-health call answer, then requests per second of
/// an authenticated single-record read, the first page of each list, and the bare endpoint before and after them.
/// </summary>
public static partial class ApiHarness
{
    public const string Usage = "Usage: dotnet run -c Release --project bench/Endorse.Benchmarks -- api (--sqlite FILE | --postgres CONNECTION) [--web path/Endorse.Web.dll[=label]]... [--duration 10] [--connections 16] [--threads 2] [--skip-start]";

    private sealed record Build(string Dll, string Label);

    private sealed record Endpoint(string Name, string Path, string? Script = null, string Method = "GET");

    public static async Task<int> RunAsync(string[] args)
    {
        string? sqlite = null, postgres = null;
        var builds = new List<Build>();
        int duration = 10, connections = 16, threads = 2;
        var skipStart = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--sqlite": sqlite = args[++i]; break;
                case "--postgres": postgres = args[++i]; break;
                case "--web":
                    var parts = args[++i].Split('=', 2);
                    builds.Add(new Build(Path.GetFullPath(parts[0]), parts.Length > 1 ? parts[1] : $"build {builds.Count + 1}"));
                    break;
                case "--duration": duration = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--connections": connections = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--threads": threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--skip-start": skipStart = true; break;
                default: Console.Error.WriteLine(Usage); return 2;
            }
        }

        if ((sqlite is null) == (postgres is null))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (builds.Count == 0)
        {
            builds.Add(new Build(Path.GetFullPath("src/Endorse.Web/bin/Release/net10.0/Endorse.Web.dll"), "this build"));
        }

        var database = sqlite is not null
            ? new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=" + Path.GetFullPath(sqlite))
            : new DatabaseSettings(DatabaseProvider.Postgres, postgres!);
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {database.Provider}; wrk -t{threads} -c{connections} -d{duration}s; load {Load()}");

        var (token, accountCount) = await PrepareAsync(database);
        await using var bare = await StartBareAsync();
        var bareUrl = bare.Urls.First();
        var work = Directory.CreateTempSubdirectory("endorse-api-bench-");
        var script = Path.Combine(work.FullName, "account.lua");
        await File.WriteAllTextAsync(script, $$"""
            math.randomseed(42)
            request = function()
              return wrk.format("GET", "/api/v1/accounts/" .. math.random(1, {{accountCount}}))
            end
            """);

        Endpoint[] endpoints =
        [
            new("GET /api/v1/users/me", "/api/v1/users/me"),
            new("GET /api/v1/accounts/{id} (random of all)", "/api/v1/accounts/1", script),
            new("GET /api/v1/accounts?pageSize=25", "/api/v1/accounts?pageSize=25"),
            new("GET /api/v1/contacts?pageSize=25", "/api/v1/contacts?pageSize=25"),
            new("GET /api/v1/advocates?pageSize=25", "/api/v1/advocates?pageSize=25"),
            new("GET /api/v1/advocates?status=Active&activityType=SiteVisit", "/api/v1/advocates?status=Active&activityType=SiteVisit&pageSize=25"),
            new("GET /api/v1/requests?board=true (requests board)", "/api/v1/requests?board=true&pageSize=25"),
            new("GET /api/v1/requests (my requests)", "/api/v1/requests?pageSize=25"),
        ];

        var table = new List<string>();
        foreach (var build in builds)
        {
            var port = FreePort();
            var baseUrl = $"http://127.0.0.1:{port}";
            using var process = StartEndorse(build, database, port, work.FullName);
            try
            {
                using var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(15) };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var started = Stopwatch.StartNew();
                await WaitLiveAsync(client, process);
                var live = started.Elapsed;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{build.Label}: /health/live answers {live.TotalSeconds:F1} s after the process started (load {Load()})"));
                if (!skipStart)
                {
                    var watch = Stopwatch.StartNew();
                    var rank = await client.PostAsync("/api/v1/matching/rank", new StringContent("""{"criteria":{"activityType":"ReferenceCall"},"top":25}""", Encoding.UTF8, "application/json"));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{build.Label}: first ranking after the start: {(int)rank.StatusCode}, {watch.Elapsed.TotalMilliseconds:F0} ms (sent {live.TotalSeconds:F1} s after the start; load {Load()})"));
                    table.Add(string.Create(CultureInfo.InvariantCulture, $"| {build.Label} | first POST /api/v1/matching/rank after the start | {watch.Elapsed.TotalMilliseconds:F0} ms | | | | {Load()} |"));
                    watch.Restart();
                    var health = await client.GetAsync("/api/v1/program/health");
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{build.Label}: first GET /api/v1/program/health: {(int)health.StatusCode}, {watch.Elapsed.TotalMilliseconds:F0} ms"));
                    table.Add(string.Create(CultureInfo.InvariantCulture, $"| {build.Label} | first GET /api/v1/program/health after the start | {watch.Elapsed.TotalMilliseconds:F0} ms | | | | {Load()} |"));
                    watch.Restart();
                    var ready = await WaitReadyAsync(client);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{build.Label}: /health/ready {ready} {started.Elapsed.TotalSeconds:F1} s after the start"));
                }

                // One request at a time: the advocates list's own latency (the issue's target: under 100 ms).
                var single = new List<double>();
                for (var i = 0; i < 53; i++)
                {
                    var watch = Stopwatch.StartNew();
                    (await client.GetAsync("/api/v1/advocates?pageSize=25")).EnsureSuccessStatusCode();
                    if (i >= 3)
                    {
                        single.Add(watch.Elapsed.TotalMilliseconds);
                    }
                }

                single.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{build.Label}: GET /api/v1/advocates?pageSize=25 one at a time: median {single[single.Count / 2]:F1} ms, p95 {single[(int)(single.Count * 0.95)]:F1} ms"));
                table.Add(string.Create(CultureInfo.InvariantCulture, $"| {build.Label} | GET /api/v1/advocates?pageSize=25, one at a time (median / p95) | {single[single.Count / 2]:F1} / {single[(int)(single.Count * 0.95)]:F1} ms | | | | {Load()} |"));

                var bareBefore = await WrkAsync(bareUrl + "/json", null, null, threads, connections, duration);
                table.Add(Row(build.Label, "bare Kestrel JSON (before)", bareBefore, bareBefore.RequestsPerSecond));
                foreach (var endpoint in endpoints)
                {
                    await WrkAsync(baseUrl + endpoint.Path, token, endpoint.Script, threads, connections, 2); // warm-up
                    var result = await WrkAsync(baseUrl + endpoint.Path, token, endpoint.Script, threads, connections, duration);
                    table.Add(Row(build.Label, endpoint.Name, result, bareBefore.RequestsPerSecond));
                    Console.WriteLine(table[^1]);
                }

                var bareAfter = await WrkAsync(bareUrl + "/json", null, null, threads, connections, duration);
                table.Add(Row(build.Label, "bare Kestrel JSON (after)", bareAfter, bareBefore.RequestsPerSecond));
                Console.WriteLine(table[^1]);
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Load average at the end: {Load()}");
        Console.WriteLine("| build | request | requests/s | % of bare (before) | p50 ms | p99 ms | load |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---|");
        table.ForEach(Console.WriteLine);
        work.Delete(recursive: true);
        return 0;
    }

    private static string Row(string build, string name, WrkResult r, double bare) =>
        string.Create(CultureInfo.InvariantCulture, $"| {build} | {name} | {r.RequestsPerSecond:N0} | {100 * r.RequestsPerSecond / bare:F1} % | {r.P50:F2} | {r.P99:F2} | {r.Load} |{(r.Errors > 0 ? $" {r.Errors} non-2xx/errors" : "")}");

    /// <summary>A reference manager with a personal access token (the board needs the role), and how many accounts there are.</summary>
    private static async Task<(string Token, int Accounts)> PrepareAsync(DatabaseSettings database)
    {
        var options = new DbContextOptionsBuilder<EndorseDbContext>();
        database.Apply(options);
        await using var db = new EndorseDbContext(options.Options);
        await DatabaseMigrator.MigrateAsync(db);
        var role = await db.Roles.FirstOrDefaultAsync(r => r.Name == Roles.ReferenceManager);
        if (role is null)
        {
            role = new IdentityRole(Roles.ReferenceManager) { NormalizedName = Roles.ReferenceManager.ToUpperInvariant() };
            db.Roles.Add(role);
            await db.SaveChangesAsync();
        }

        var email = $"api-bench-{Guid.NewGuid():N}@bench.example";
        var user = new EndorseUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = "API bench",
            EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
        var token = AccessTokenSecret.Create();
        db.AccessTokens.Add(new AccessToken { UserId = user.Id, Name = "api bench", Prefix = AccessTokenSecret.Shown(token), TokenHash = AccessTokenSecret.Hash(token), CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        var accounts = await db.Accounts.MaxAsync(a => (int?)a.Id) ?? 1;
        return (token, accounts);
    }

    private static async Task<WebApplication> StartBareAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{FreePort()}");
        var app = builder.Build();
        app.MapGet("/json", () => Results.Json(new { message = "Hello, World!" }));
        await app.StartAsync();
        return app;
    }

    private static Process StartEndorse(Build build, DatabaseSettings database, int port, string work)
    {
        var info = new ProcessStartInfo("dotnet", [build.Dll])
        {
            WorkingDirectory = Path.GetDirectoryName(build.Dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Database__Provider"] = database.Provider.ToString();
        info.Environment["ConnectionStrings__Endorse"] = database.ConnectionString;
        info.Environment["Demo__Enabled"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Endorse"] = "Information";
        info.Environment["Storage__Folder"] = Path.Combine(work, "files");
        info.Environment["Mail__OutboxFolder"] = Path.Combine(work, "outbox");
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && (line.Contains("Match index", StringComparison.OrdinalIgnoreCase) || line.Contains("fail", StringComparison.OrdinalIgnoreCase)))
            {
                Console.WriteLine($"  [{build.Label}] {line}");
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                Console.WriteLine($"  [{build.Label} stderr] {line}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitLiveAsync(HttpClient client, Process process)
    {
        for (var i = 0; i < 6_000; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Endorse.Web exited with {process.ExitCode}.");
            }

            try
            {
                if ((await client.GetAsync("/health/live")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("Endorse.Web did not answer /health/live.");
    }

    private static async Task<string> WaitReadyAsync(HttpClient client)
    {
        for (var i = 0; i < 3_000; i++)
        {
            var body = await client.GetStringAsync("/health/ready");
            if (!body.Contains("Degraded", StringComparison.Ordinal) && !body.Contains("loading", StringComparison.OrdinalIgnoreCase))
            {
                return body.Length > 200 ? body[..200] : body;
            }

            await Task.Delay(200);
        }

        return "still degraded";
    }

    private sealed record WrkResult(double RequestsPerSecond, double P50, double P99, int Errors, string Load);

    private static async Task<WrkResult> WrkAsync(string url, string? token, string? script, int threads, int connections, int duration)
    {
        var arguments = new List<string> { $"-t{threads}", $"-c{connections}", $"-d{duration}s", "--latency" };
        if (token is not null)
        {
            arguments.AddRange(["-H", $"Authorization: Bearer {token}"]);
        }

        if (script is not null)
        {
            arguments.AddRange(["-s", script]);
        }

        arguments.Add(url);
        var info = new ProcessStartInfo("wrk", arguments) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("wrk is not installed (apt-get install wrk).");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var load = Load();
        double rps = Number(RequestsPerSecond().Match(output)), p50 = Latency(output, "50%"), p99 = Latency(output, "99%");
        var errors = NonSuccess().Match(output) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socketErrors = SocketErrors().Match(output);
        if (socketErrors.Success)
        {
            errors += socketErrors.Groups.Values.Skip(1).Sum(g => int.Parse(g.Value, CultureInfo.InvariantCulture));
        }

        return new WrkResult(rps, p50, p99, errors, load);
    }

    private static double Number(Match match) => match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;

    /// <summary>A latency percentile from wrk's --latency distribution, in milliseconds.</summary>
    private static double Latency(string output, string percentile)
    {
        var match = Regex.Match(output, @"^\s*" + Regex.Escape(percentile) + @"\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            return double.NaN;
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
