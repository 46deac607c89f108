using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Endorse.Import;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Storage;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Endorse.IntegrationTests.Import;

/// <summary>
/// An import whose process died: nothing of it is left in the database, and when an app starts (any node) a run whose
/// worker's lease lapsed is marked interrupted with a sentence in its history, its file kept, and it can be run again.
/// A run whose worker still holds its lease (another live node) is left alone.
/// </summary>
public sealed class ImportRecoveryTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_run_whose_worker_is_gone_is_marked_interrupted_at_start_up_and_can_run_again(string database)
    {
        await using var first = new EndorseApp(database);
        await ImportFixture.SeedAsync(first);
        var admin = await first.CreateUserAsync(Roles.Administrator);

        // A worker on another node died an hour into this run (its lease lapsed ten minutes ago); its upload is kept.
        var dead = await AddRunningAsync(first, "node-a/4242/dead0001", DateTimeOffset.UtcNow.AddMinutes(-10));

        // Another node is alive and importing: its lease runs for ten more minutes.
        var alive = await AddRunningAsync(first, "node-b/4343/alive001", DateTimeOffset.UtcNow.AddMinutes(10));

        // The app starts (again): its start-up sweep finds the dead worker's run.
        await using var restarted = first.OnSameDatabase();
        var client = restarted.ClientWithToken(await restarted.CreateTokenAsync(admin.Id));
        var interrupted = await PollAsync(client, dead, run => (string?)run["status"] == "Interrupted");
        Assert.True((bool)interrupted["canRunAgain"]!);
        var sentence = Assert.Single(interrupted["history"]!.AsArray(), e => ((string)e!["text"]!).StartsWith("Interrupted:", StringComparison.Ordinal))!;
        Assert.Contains("node-a/4242/dead0001", (string)sentence["text"]!, StringComparison.Ordinal);
        Assert.Contains("nothing of the file was imported", (string)sentence["text"]!, StringComparison.Ordinal);
        Assert.Equal(0, await restarted.WithDbAsync(db => db.Accounts.CountAsync()));
        Assert.True(await StoredFileExistsAsync(restarted, dead));
        Assert.Equal(1, await restarted.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "ImportInterrupted" && a.EntityId == dead.ToString())));

        // The live node's run is not touched.
        var stillRunning = await restarted.WithDbAsync(db => db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == alive));
        Assert.Equal((ImportStatus.Running, "node-b/4343/alive001"), (stillRunning.Status, stillRunning.WorkerId));

        // Run again: queued, claimed by a worker, completed; the file is then removed.
        var again = await client.PostAsync($"/api/v1/imports/{dead}/run-again", null);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var completed = await PollAsync(client, dead, run => (string?)run["status"] is "Completed" or "Failed");
        Assert.Equal("Completed", (string?)completed["status"]);
        Assert.Equal(3, (int)completed["created"]!);
        Assert.Equal(3, await restarted.WithDbAsync(db => db.Accounts.CountAsync()));
        Assert.False(await StoredFileExistsAsync(restarted, dead));
        var history = completed["history"]!.AsArray().Select(e => (string)e!["text"]!).ToList();
        Assert.Collection(
            history,
            h => Assert.StartsWith("Interrupted:", h, StringComparison.Ordinal),
            h => Assert.StartsWith("Run again by", h, StringComparison.Ordinal),
            h => Assert.StartsWith("Started on", h, StringComparison.Ordinal),
            h => Assert.StartsWith("Completed: 3 rows read, 3 created", h, StringComparison.Ordinal));

        // Only an interrupted import runs again.
        var twice = await client.PostAsync($"/api/v1/imports/{dead}/run-again", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("This import is completed; only an interrupted import can be run again.", (string?)(await twice.ReadJsonAsync())["detail"]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/imports/999999/run-again", null)).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_killed_import_leaves_nothing_behind_and_is_interrupted_when_an_app_starts(string database)
    {
        await using var app = new EndorseApp(database);
        await ImportFixture.SeedAsync(app);

        // 6,000 accounts: three batches are written inside the import's transaction before the process "dies".
        var csv = new StringBuilder("Id,Name,Industry,BillingCountry,NumberOfEmployees,AnnualRevenue,Type,OwnerId,Website,CreatedDate\n");
        for (var i = 0; i < 6_000; i++)
        {
            csv.Append($"001K{i:D6},Killed {i},Healthcare,Germany,100,1000,Customer - Direct,005A01,,2021-03-04\n");
        }

        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        int runId;
        using (var scope = app.Services.CreateScope())
        {
            var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
            var run = new ImportRun { Format = ImportFormat.Salesforce, Entity = ImportEntity.Accounts, FileName = "Account.csv", FileSize = bytes.Length, RequestedByName = "test", CreatedAt = DateTimeOffset.UtcNow };

            // The process dies at 90% of the file: nothing in the process gets to record anything more.
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunNowAsync(run, new DyingStream(bytes, bytes.Length * 9 / 10)));
            runId = run.Id;
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.Accounts.CountAsync()));
        var left = await app.WithDbAsync(db => db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == runId));
        Assert.Equal(ImportStatus.Running, left.Status);
        Assert.NotNull(left.LeaseExpiresAt);

        // Its lease lapses; the app is started again (a new process, a new node id) and marks it.
        await app.WithDbAsync(db => db.ImportRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        await using var restarted = app.OnSameDatabase();
        var admin = await restarted.CreateUserAsync(Roles.Administrator);
        var client = restarted.ClientWithToken(await restarted.CreateTokenAsync(admin.Id));
        var interrupted = await PollAsync(client, runId, run => (string?)run["status"] == "Interrupted");
        Assert.False((bool)interrupted["canRunAgain"]!);
        Assert.Contains(interrupted["history"]!.AsArray(), e => ((string)e!["text"]!).Contains("a command-line import", StringComparison.Ordinal));
        Assert.Equal(0, await restarted.WithDbAsync(db => db.Accounts.CountAsync()));
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/v1/imports/{runId}/run-again", null)).StatusCode);
    }

    private static async Task<int> AddRunningAsync(EndorseApp app, string workerId, DateTimeOffset leaseExpiresAt)
    {
        string stored;
        using (var scope = app.Services.CreateScope())
        {
            await using var file = File.OpenRead(ImportFixture.Sample("Account.csv"));
            stored = await scope.ServiceProvider.GetRequiredService<IFileStorage>().SaveAsync(file, "imports", "csv");
        }

        return await app.WithDbAsync(async db =>
        {
            var run = new ImportRun
            {
                Format = ImportFormat.Salesforce,
                Entity = ImportEntity.Accounts,
                FileName = "Account.csv",
                StoredFile = stored,
                FileSize = new FileInfo(ImportFixture.Sample("Account.csv")).Length,
                Status = ImportStatus.Running,
                RequestedByName = "someone",
                CreatedAt = DateTimeOffset.UtcNow.AddHours(-1),
                StartedAt = DateTimeOffset.UtcNow.AddHours(-1),
                WorkerId = workerId,
                LeaseExpiresAt = leaseExpiresAt,
            };
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });
    }

    private static Task<bool> StoredFileExistsAsync(EndorseApp app, int runId) =>
        app.WithDbAsync(async db =>
        {
            var key = await db.ImportRuns.Where(r => r.Id == runId).Select(r => r.StoredFile).SingleAsync();
            using var scope = app.Services.CreateScope();
            return key is not null && scope.ServiceProvider.GetRequiredService<IFileStorage>().SizeOf(key) is not null;
        });

    private static async Task<JsonNode> PollAsync(HttpClient client, int runId, Func<JsonNode, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var run = await (await client.GetAsync($"/api/v1/imports/{runId}")).ReadJsonAsync();
            if (done(run))
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, "The import never got there: " + run.ToJsonString());
            await Task.Delay(200);
        }
    }

    /// <summary>A file that stops at <paramref name="dieAt"/> bytes as a killed process would: no error the import could handle.</summary>
    private sealed class DyingStream(byte[] content, int dieAt) : MemoryStream(content)
    {
        public override int Read(byte[] buffer, int offset, int count) => Position >= dieAt ? throw new OperationCanceledException("The process was killed.") : base.Read(buffer, offset, Math.Min(count, dieAt - (int)Position));

        public override int Read(Span<byte> buffer) => Position >= dieAt ? throw new OperationCanceledException("The process was killed.") : base.Read(buffer[..Math.Min(buffer.Length, dieAt - (int)Position)]);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));
    }
}
