using System.Net;
using System.Text.Json.Nodes;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.IntegrationTests.Requests;
using Endorse.Users;

namespace Endorse.IntegrationTests.Nominations;

/// <summary>Matching obeys the pool rules: reserved pocket references and a contributors-only pool, counted but never named.</summary>
public sealed class PoolRulesMatchingTests
{
    private static readonly object ReferenceCall = new { criteria = new { activityType = "ReferenceCall" }, top = 50 };

    private static int[] Ranked(JsonNode ranking) => [.. ranking["results"]!.AsArray().Select(r => (int)r!["advocateId"]!).Order()];

    private static Dictionary<string, int> Hidden(JsonNode ranking) =>
        ranking["hidden"]!.AsArray().ToDictionary(h => (string)h!["reason"]!, h => (int)h!["count"]!);

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Matching_shows_each_person_their_pool_and_counts_what_it_hides(string database)
    {
        await using var app = new EndorseApp(database);
        var repA = await app.CreateUserAsync(Roles.SalesRep);
        var a = app.ClientWithToken(await app.CreateTokenAsync(repA.Id));
        var repB = await app.CreateUserAsync(Roles.SalesRep);
        var b = app.ClientWithToken(await app.CreateTokenAsync(repB.Id));
        var manager = await app.ClientForAsync(Roles.ReferenceManager);

        var (own, _, _) = await app.AddAdvocateAsync(repA.Id);      // at rep A's account
        var (others, _, _) = await app.AddAdvocateAsync(repB.Id);   // at rep B's account
        var (unowned, _, _) = await app.AddAdvocateAsync();         // nobody's account

        // Rep B's pocket reference, nominated at his own account and approved: reserved for his deals, and it makes him a contributor.
        var pocketContact = await app.AddContactAsync(await app.AddCustomerAsync("Pocket Corp", repB.Id), "Penny", "Pocket", "penny@pocket.example");
        var nomination = await b.NominateAsync(pocketContact, "PocketReference", reserve: true);
        var pocket = (int)(await manager.StepAsync(nomination, "approve"))["advocateId"]!;
        Assert.Equal(HttpStatusCode.OK, (await manager.PostJsonAsync($"/api/v1/advocates/{pocket}/status", new { status = "Active", reason = "Confirmed" })).StatusCode);

        // Contributors only: one approved nomination in twelve months opens the whole pool.
        var rules = await manager.PutJsonAsync("/api/v1/program-settings/pool-rules", new { mode = "ContributorsOnly", minApprovedNominations = 1, windowMonths = 12, pocketReserveDays = 60 });
        Assert.Equal(HttpStatusCode.OK, rules.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.PutJsonAsync("/api/v1/program-settings/pool-rules", new { mode = "OpenPool" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PutJsonAsync("/api/v1/program-settings/pool-rules", new { mode = "ContributorsOnly", minApprovedNominations = 0, windowMonths = 12, pocketReserveDays = 60 })).StatusCode);

        // Rep A has contributed nothing: his own account's advocate only; the rest counted by reason, never named.
        var forA = await (await a.PostJsonAsync("/api/v1/matching/rank", ReferenceCall)).ReadJsonAsync();
        Assert.Equal([own], Ranked(forA));
        Assert.Equal(3, (int)forA["hiddenCount"]!);
        Assert.Equal(new Dictionary<string, int> { ["ReservedForAnotherRep"] = 1, ["ContributorsOnly"] = 2 }, Hidden(forA));
        var text = forA.ToJsonString();
        Assert.DoesNotContain("Penny", text, StringComparison.Ordinal);
        Assert.DoesNotContain(forA["excluded"]!.AsArray(), e => (int)e!["advocateId"]! is var id && (id == others || id == unowned || id == pocket));
        var standing = await (await a.GetAsync("/api/v1/pool/me")).ReadJsonAsync();
        Assert.True((bool)standing["narrowed"]!);
        Assert.Contains("1 more approved nomination opens the whole pool", (string?)standing["explanation"], StringComparison.Ordinal);

        // Rep B contributes: everything, his pocket reference included.
        var forB = await (await b.PostJsonAsync("/api/v1/matching/rank", ReferenceCall)).ReadJsonAsync();
        Assert.Equal(new[] { own, others, unowned, pocket }.Order(), Ranked(forB));
        Assert.Equal(0, (int)forB["hiddenCount"]!);

        // The reference team sees every advocate.
        Assert.Equal(4, Ranked(await (await manager.PostJsonAsync("/api/v1/matching/rank", ReferenceCall)).ReadJsonAsync()).Length);

        // A request of rep A's is ranked with rep A's pool, whoever looks; a hidden advocate cannot be proposed for it.
        var request = (int)(await (await a.PostJsonAsync("/api/v1/requests", new { prospectName = "Acme", activityType = "ReferenceCall", neededBy = RequestTestData.Today.AddDays(20) })).ReadJsonAsync())["id"]!;
        var matches = await (await manager.GetAsync($"/api/v1/requests/{request}/matches?top=50")).ReadJsonAsync();
        Assert.Equal([own], Ranked(matches));
        Assert.Equal(3, (int)matches["hiddenCount"]!);
        var proposed = await manager.PostJsonAsync($"/api/v1/requests/{request}/participants", new { advocateIds = new[] { others } });
        Assert.Equal(HttpStatusCode.BadRequest, proposed.StatusCode);
        Assert.Contains("not in the requester's pool: open to contributors only", (string?)(await proposed.ReadJsonAsync())["errors"]!["AdvocateIds"]![0], StringComparison.Ordinal);

        // An open pool: only the reserved pocket reference stays hidden from rep A, until rep B opens it to everyone.
        await manager.PutJsonAsync("/api/v1/program-settings/pool-rules", new { mode = "OpenPool", minApprovedNominations = 1, windowMonths = 12, pocketReserveDays = 60 });
        var open = await (await a.PostJsonAsync("/api/v1/matching/rank", ReferenceCall)).ReadJsonAsync();
        Assert.Equal(new[] { own, others, unowned }.Order(), Ranked(open));
        Assert.Equal(new Dictionary<string, int> { ["ReservedForAnotherRep"] = 1 }, Hidden(open));

        await b.StepAsync(nomination, "release");
        var released = await (await a.PostJsonAsync("/api/v1/matching/rank", ReferenceCall)).ReadJsonAsync();
        Assert.Equal(4, Ranked(released).Length);
        Assert.Empty(released["hidden"]!.AsArray());
        Assert.True(await app.WithDbAsync(db => Task.FromResult(db.AuditEntries.Any(e => e.Action == "PoolRulesChanged"))));
    }
}
