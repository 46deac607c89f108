using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Endorse.Activities;
using Endorse.Advocates;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.IntegrationTests.Matching;
using Endorse.Matching;
using Endorse.Users;
using Endorse.Web.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Endorse.IntegrationTests.Cluster;

/// <summary>
/// Two app instances on one PostgreSQL database, as two nodes behind a proxy: what one node changes reaches the other.
/// (The full cluster with nginx, kill -9 and the scheduler is scripts/cluster-check.sh.)
/// </summary>
public class TwoNodeTests
{
    /// <summary>The token cache's lifetime in these tests (production: 5 s); the other node must follow within it.</summary>
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(2);

    /// <summary>How long a test waits for the other node before failing: the lifetime plus a margin for a loaded machine.</summary>
    private static readonly TimeSpan Patience = CacheLifetime + TimeSpan.FromSeconds(8);

    public static TheoryData<string> Postgres
    {
        get
        {
            _ = TestDatabases.All; // fails in CI when PostgreSQL is missing
            var data = new TheoryData<string>();
            if (TestDatabases.PostgresConnectionString is not null)
            {
                data.Add(TestDatabases.Postgres);
            }

            return data;
        }
    }

    [Theory, MemberData(nameof(Postgres))]
    public async Task A_revoked_token_a_deactivated_user_and_a_changed_role_reach_the_other_node_within_the_cache_lifetime(string database)
    {
        await using var nodeA = new EndorseApp(database, CacheSettings());
        await using var nodeB = SecondNode(nodeA);
        var admin = await nodeA.ClientForAsync(Roles.Administrator);
        var rep = await nodeA.CreateUserAsync(Roles.SalesRep);
        var token = await nodeA.CreateTokenAsync(rep.Id);
        var onA = nodeA.ClientWithToken(token);
        var onB = nodeB.ClientWithToken(token);

        // Both nodes have the token in their caches.
        Assert.Equal(HttpStatusCode.OK, (await onA.GetAsync("/api/v1/users/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/v1/users/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await onB.GetAsync("/api/v1/users")).StatusCode);
        Assert.True(nodeB.Services.GetRequiredService<AccessTokenCache>().Count > 0);

        // A role granted on A: at once on A, within the lifetime on B.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/users/{rep.Id}", new { displayName = "Rep", roles = new[] { Roles.Administrator } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onA.GetAsync("/api/v1/users")).StatusCode);
        await EventuallyAsync(async () => (await onB.GetAsync("/api/v1/users")).StatusCode == HttpStatusCode.OK, "the role granted on A reaches B");

        // Deactivated on A.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/users/{rep.Id}/deactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onA.GetAsync("/api/v1/users/me")).StatusCode);
        await EventuallyAsync(async () => (await onB.GetAsync("/api/v1/users/me")).StatusCode == HttpStatusCode.Unauthorized, "the deactivation on A reaches B");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/users/{rep.Id}/reactivate", null)).StatusCode);
        await EventuallyAsync(async () => (await onB.GetAsync("/api/v1/users/me")).StatusCode == HttpStatusCode.OK, "the reactivation on A reaches B");

        // Revoked on A (by its owner).
        var tokens = await (await onA.GetAsync("/api/v1/tokens")).ReadJsonAsync();
        var tokenId = tokens.AsArray().First()!["id"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.OK, (await onA.DeleteAsync($"/api/v1/tokens/{tokenId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onA.GetAsync("/api/v1/users/me")).StatusCode);
        await EventuallyAsync(async () => (await onB.GetAsync("/api/v1/users/me")).StatusCode == HttpStatusCode.Unauthorized, "the revocation on A reaches B");
    }

    [Theory, MemberData(nameof(Postgres))]
    public async Task A_booking_saved_through_one_node_is_in_the_next_ranking_of_the_other(string database)
    {
        await using var nodeA = new EndorseApp(database);
        await using var nodeB = SecondNode(nodeA);
        var seed = await MatchingTests.SeedAsync(nodeA);
        var criteria = new MatchCriteria(ActivityType.ReferenceCall) { ProductIds = [seed.Product], SectorId = seed.Sector };
        var indexB = nodeB.Services.GetRequiredService<MatchIndex>();
        Assert.Equal(seed.Alice, (await indexB.RankAsync(criteria, 10)).Results[0].Candidate.AdvocateId);

        // Saved on node A (through EF Core, as every write path saves): B does not get an Invalidate, only the change log.
        var activityId = await nodeA.WithDbAsync(async db =>
        {
            var activity = new AdvocacyActivity { AdvocateId = seed.Alice, AccountId = seed.AliceAccount, ActivityType = ActivityType.CaseStudyUse, OccurredOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), State = AdvocacyActivityState.Booked, CreatedAt = DateTimeOffset.UtcNow };
            db.AdvocacyActivities.Add(activity);
            await db.SaveChangesAsync();
            return activity.Id;
        });
        var after = await indexB.RankAsync(criteria, 10);
        Assert.DoesNotContain(after.Results, r => r.Candidate.AdvocateId == seed.Alice);
        Assert.Contains(after.Excluded, e => e.Candidate.AdvocateId == seed.Alice && e.Reasons.HasFlag(Fatigue.BlockReasons.CoolDown));

        // Cancelled on A: free again on B.
        await nodeA.WithDbAsync(async db =>
        {
            var activity = await db.AdvocacyActivities.FindAsync(activityId);
            activity!.State = AdvocacyActivityState.Cancelled;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(seed.Alice, (await indexB.RankAsync(criteria, 10)).Results[0].Candidate.AdvocateId);

        // A new advocate enrolled on A, and one deleted, show on B.
        var nora = await nodeA.WithDbAsync(async db =>
        {
            var advocate = db.Advocates.Single(a => a.Contact!.LastName == "Quiet");
            db.Advocates.Remove(advocate);
            await db.SaveChangesAsync();
            return advocate.Id;
        });
        var ranking = await indexB.RankAsync(criteria, 10);
        Assert.DoesNotContain(ranking.Excluded, e => e.Candidate.AdvocateId == nora);
        Assert.DoesNotContain(ranking.Results, e => e.Candidate.AdvocateId == nora);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task An_index_started_from_the_snapshot_ranks_exactly_as_one_loaded_from_the_database(string database)
    {
        await using var app = new EndorseApp(database, new Dictionary<string, string?> { ["Matching:LoadAtStart"] = "false" });
        var seed = await MatchingTests.SeedAsync(app);
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        using var first = new MatchIndex(scopes, TimeProvider.System) { UseSnapshot = false };
        await first.RankAsync(new MatchCriteria(ActivityType.ReferenceCall), 5);
        Assert.Equal("database", first.Status.LoadedFrom);
        Assert.NotNull(await first.SnapshotSavedAtAsync()); // a load from the database saves one

        // Changes after the snapshot: an activity, an escalation at an account, a new product for an advocate.
        await app.WithDbAsync(async db =>
        {
            db.AdvocacyActivities.Add(new AdvocacyActivity { AdvocateId = seed.Alice, AccountId = seed.AliceAccount, ActivityType = ActivityType.SiteVisit, OccurredOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-20), State = AdvocacyActivityState.Completed, Quality = 4, CreatedAt = DateTimeOffset.UtcNow });
            var bob = db.Advocates.Single(a => a.Contact!.LastName == "Best");
            db.AdvocateProducts.Add(new AdvocateProduct { AdvocateId = bob.Id, ProductId = seed.Product });
            var eve = db.Accounts.Single(a => a.Name == "Escalated Inc");
            eve.OpenEscalations = 0;
            return await db.SaveChangesAsync();
        });

        using var fromSnapshot = new MatchIndex(scopes, TimeProvider.System);
        using var fromDatabase = new MatchIndex(scopes, TimeProvider.System) { UseSnapshot = false, SaveSnapshotAfterLoad = false };
        using var scope = app.Services.CreateScope();
        var naive = scope.ServiceProvider.GetRequiredService<NaiveMatcher>();
        MatchCriteria[] criteria =
        [
            new(ActivityType.ReferenceCall) { ProductIds = [seed.Product], SectorId = seed.Sector },
            new(ActivityType.SiteVisit),
            new(ActivityType.CaseStudyUse) { Language = "en", NeededBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40) },
        ];
        foreach (var c in criteria)
        {
            var expected = MatchingTests.Shape(await naive.RankAsync(c, 50));
            Assert.Equal(expected, MatchingTests.Shape(await fromSnapshot.RankAsync(c, 50)));
            Assert.Equal(expected, MatchingTests.Shape(await fromDatabase.RankAsync(c, 50)));
        }

        Assert.Equal("snapshot", fromSnapshot.Status.LoadedFrom);
        Assert.Equal("database", fromDatabase.Status.LoadedFrom);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Ready_says_when_the_node_cannot_rank_from_memory_yet_and_stays_in_service(string database)
    {
        await using var app = new EndorseApp(database, new Dictionary<string, string?> { ["Matching:LoadAtStart"] = "false" });
        var client = app.CreateClient();

        var before = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        var body = await before.Content.ReadAsStringAsync();
        Assert.Contains("Degraded", body, StringComparison.Ordinal);
        Assert.Contains("match index is not loaded", body, StringComparison.Ordinal);

        var rep = await app.ClientForAsync(Roles.SalesRep);
        Assert.Equal(HttpStatusCode.OK, (await rep.PostJsonAsync("/api/v1/matching/rank", new { criteria = new { activityType = "ReferenceCall" } })).StatusCode);
        var after = await (await client.GetAsync("/health/ready")).Content.ReadAsStringAsync();
        Assert.Contains("Healthy", after, StringComparison.Ordinal);
        Assert.Contains("stalenessSeconds", after, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> CacheSettings() => new() { ["Auth:TokenCacheSeconds"] = CacheLifetime.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>A second app on the first one's database (its own process state: caches, match index, scheduler).</summary>
    private static EndorseApp SecondNode(EndorseApp first)
    {
        var settings = CacheSettings();
        settings["ConnectionStrings:Endorse"] = first.ConnectionString;
        settings["Storage:Folder"] = Path.Combine(first.DataFolder, "files");
        return new EndorseApp(first.Provider, settings);
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < Patience, $"Not seen within {Patience.TotalSeconds:F0} s: {what}.");
            await Task.Delay(200);
        }
    }
}
