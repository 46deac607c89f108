using System.Net;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Matching;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Endorse.IntegrationTests.Readiness;

public class ReadinessApiTests
{
    private static DateOnly Today => SourcingTestData.Today;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task An_account_shows_why_it_may_not_be_approached_and_a_manager_sets_and_lifts_a_gate(string database)
    {
        await using var app = new EndorseApp(database);
        var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var account = await app.AddCustomerAsync("Globex", escalations: 1, renewal: Today.AddDays(10));
        await app.AddOpportunityAsync(account, "Globex expansion", 800_000m, Today.AddDays(60));
        await app.AddOpportunityAsync(account, "Globex small add-on", 20_000m, Today.AddDays(20));

        var readiness = await (await manager.GetAsync($"/api/v1/accounts/{account}/readiness")).ReadJsonAsync();
        Assert.False((bool)readiness["readiness"]!["approachable"]!);
        Assert.Null(readiness["readiness"]!["freeOn"]);
        Assert.Equal(
            [
                "The account has 1 open service escalation.",
                $"A big bid is in progress: “Globex expansion”, 800,000 USD, at or above the program's 500,000, expected to close on {Iso(Today.AddDays(60))}; next free on {Iso(Today.AddDays(61))}.",
                $"The account renews on {Iso(Today.AddDays(10))}, within 30 days; next free on {Iso(Today.AddDays(11))}.",
            ],
            readiness["readiness"]!["gates"]!.AsArray().Select(g => (string)g!["sentence"]!));
        Assert.True((bool)readiness["mayChange"]!);

        var set = await manager.PostJsonAsync($"/api/v1/accounts/{account}/gates", new { kind = "Reorganisation", startsOn = Today.AddDays(-1), endsOn = Today.AddDays(30), reason = "New CIO from January" });
        Assert.Equal(HttpStatusCode.Created, set.StatusCode);
        var gate = await set.ReadJsonAsync();
        Assert.Equal("Active", (string)gate["state"]!);
        var gateId = (int)gate["id"]!;

        var after = await (await manager.GetAsync($"/api/v1/accounts/{account}/readiness")).ReadJsonAsync();
        Assert.Contains(
            $"The account is reorganising (New CIO from January) from {Iso(Today.AddDays(-1))} to {Iso(Today.AddDays(30))}; next free on {Iso(Today.AddDays(31))}.",
            after["readiness"]!["gates"]!.AsArray().Select(g => (string)g!["sentence"]!));
        Assert.Equal(gateId, (int)after["history"]![0]!["id"]!);

        var lifted = await manager.PostAsync($"/api/v1/accounts/{account}/gates/{gateId}/lift", null);
        Assert.Equal(HttpStatusCode.OK, lifted.StatusCode);
        Assert.Equal("Lifted", (string)(await lifted.ReadJsonAsync())["state"]!);
        var again = await manager.PostAsync($"/api/v1/accounts/{account}/gates/{gateId}/lift", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.StartsWith($"This gate was already lifted on {Iso(Today)}", (string)(await again.ReadJsonAsync())["detail"]!, StringComparison.Ordinal);
        var final = await (await manager.GetAsync($"/api/v1/accounts/{account}/readiness")).ReadJsonAsync();
        Assert.DoesNotContain(final["readiness"]!["gates"]!.AsArray(), g => (string)g!["kind"]! == "Reorganisation");

        // Setting and lifting are audited with the person's name.
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "AccountGate" && a.EntityId == gateId.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["Created", "Updated"], audit.Select(a => a.Action));
        Assert.Contains("LiftedOn", audit[1].Changes, StringComparison.Ordinal);
        Assert.All(audit, a => Assert.NotNull(a.UserId));

        // The list of gates finds it by account name and state, and exports it.
        var list = await (await manager.GetAsync("/api/v1/gates?search=glob&state=Lifted")).ReadJsonAsync();
        Assert.Equal(gateId, (int)list["items"]![0]!["id"]!);
        Assert.Equal(0, (int)(await (await manager.GetAsync("/api/v1/gates?state=Active")).ReadJsonAsync())["total"]!);
        var csv = await manager.GetStringAsync("/api/v1/gates/export.csv?kind=Reorganisation");
        Assert.Contains("New CIO from January", csv, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Bad_gates_are_refused_with_a_clear_answer_and_change_nothing(string database)
    {
        await using var app = new EndorseApp(database);
        var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var owner = await app.CreateUserAsync(Roles.SalesRep);
        var account = await app.AddCustomerAsync("Initech", ownerId: owner.Id);

        var backwards = await manager.PostJsonAsync($"/api/v1/accounts/{account}/gates", new { kind = "OnHold", startsOn = Today.AddDays(10), endsOn = Today.AddDays(5), reason = "Merger" });
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(
            $"A gate must end on or after the day it starts: {Iso(Today.AddDays(5))} is before {Iso(Today.AddDays(10))}.",
            (string)(await backwards.ReadJsonAsync())["errors"]!["endsOn"]![0]!);

        var automatic = await manager.PostJsonAsync($"/api/v1/accounts/{account}/gates", new { kind = "BigBid", startsOn = Today, endsOn = Today.AddDays(5), reason = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, automatic.StatusCode);
        Assert.Contains("kind", (await automatic.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        var noReason = await manager.PostJsonAsync($"/api/v1/accounts/{account}/gates", new { kind = "OnHold", startsOn = Today, endsOn = Today.AddDays(5) });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var noEnd = await manager.PostJsonAsync($"/api/v1/accounts/{account}/gates", new { kind = "OnHold", startsOn = Today, reason = "Merger" });
        Assert.Equal(HttpStatusCode.BadRequest, noEnd.StatusCode);
        var unknownKind = await manager.SendRawJsonAsync(HttpMethod.Post, $"/api/v1/accounts/{account}/gates", """{"kind":"Vacation","startsOn":"2030-01-01","endsOn":"2030-01-02","reason":"x"}""");
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);

        // A rep who does not own the account may not set a gate on it; its owner may.
        var otherRep = await app.ClientForAsync(Roles.SalesRep);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherRep.PostJsonAsync($"/api/v1/accounts/{account}/gates", new { kind = "OnHold", startsOn = Today, endsOn = Today.AddDays(5), reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostJsonAsync("/api/v1/accounts/999999/gates", new { kind = "OnHold", startsOn = Today, endsOn = Today.AddDays(5), reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync($"/api/v1/accounts/{account}/gates/999999/lift", null)).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.AccountGates.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "AccountGate")));

        var ownerClient = app.ClientWithToken(await app.CreateTokenAsync(owner.Id));
        Assert.Equal(HttpStatusCode.Created, (await ownerClient.PostJsonAsync($"/api/v1/accounts/{account}/gates", new { kind = "OnHold", startsOn = Today, endsOn = Today.AddDays(5), reason = "Owner asked to wait" })).StatusCode);

        // Many at once: unknown ids are left out; a bad list is refused.
        var many = await (await manager.GetAsync($"/api/v1/readiness?accountIds={account},999999")).ReadJsonAsync();
        Assert.Equal(account, (int)Assert.Single(many.AsArray())!["accountId"]!);
        Assert.Equal("On hold", (string)many[0]!["gates"]![0]!["label"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/v1/readiness?accountIds=1,x")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/v1/readiness")).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Matching_obeys_the_same_gates_with_the_same_sentences(string database)
    {
        await using var app = new EndorseApp(database);
        var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var clear = await app.AddCustomerAsync("Clear Co");
        var bidding = await app.AddCustomerAsync("Bidding Co");
        var held = await app.AddCustomerAsync("Held Co");
        var clearAdvocate = await app.EnrolAsync(await app.AddPersonAsync(clear, "Cleo", "Clear"));
        var biddingAdvocate = await app.EnrolAsync(await app.AddPersonAsync(bidding, "Bea", "Bid"));
        var heldAdvocate = await app.EnrolAsync(await app.AddPersonAsync(held, "Hal", "Held"));
        await app.AddOpportunityAsync(bidding, "Big renewal", 1_200_000m, Today.AddDays(45));
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJsonAsync($"/api/v1/accounts/{held}/gates", new { kind = "OnHold", startsOn = Today, endsOn = Today.AddDays(20), reason = "Board change" })).StatusCode);

        var rank = await (await manager.PostJsonAsync("/api/v1/matching/rank", new { criteria = new { activityType = "ReferenceCall" } })).ReadJsonAsync();
        Assert.Equal([clearAdvocate], rank["results"]!.AsArray().Select(r => (int)r!["advocateId"]!));
        var excluded = rank["excluded"]!.AsArray().ToDictionary(e => (int)e!["advocateId"]!, e => e!);
        Assert.Equal(["BigBid"], excluded[biddingAdvocate]["reasons"]!.AsArray().Select(r => (string)r!));
        Assert.Equal(["OnHold"], excluded[heldAdvocate]["reasons"]!.AsArray().Select(r => (string)r!));
        foreach (var (advocate, account) in new[] { (biddingAdvocate, bidding), (heldAdvocate, held) })
        {
            var sentences = (await (await manager.GetAsync($"/api/v1/accounts/{account}/readiness")).ReadJsonAsync())["readiness"]!["gates"]!.AsArray().Select(g => (string)g!["sentence"]!);
            Assert.Equal(sentences, excluded[advocate]["messages"]!.AsArray().Select(m => (string)m!));
        }

        Assert.Contains(rank["excludedByReason"]!.AsArray(), c => (string)c!["label"]! == "Big bid in progress" && (int)c["count"]! == 1);

        // The advocate page shows the same gate.
        var advocatePage = await (await manager.GetAsync($"/api/v1/advocates/{heldAdvocate}")).ReadJsonAsync();
        Assert.Contains(advocatePage["gates"]!.AsArray(), g => ((string)g!["message"]!).StartsWith("On hold (Board change)", StringComparison.Ordinal));

        // The index ranks like the naive matcher, gates included; and notices a new big bid on its next check.
        using var scope = app.Services.CreateScope();
        var index = scope.ServiceProvider.GetRequiredService<MatchIndex>();
        var naive = scope.ServiceProvider.GetRequiredService<NaiveMatcher>();
        var criteria = new MatchCriteria(Endorse.Advocates.ActivityType.ReferenceCall) { NeededBy = Today.AddDays(60) };
        Assert.Equal(Shape(await naive.RankAsync(criteria, 25)), Shape(await index.RankAsync(criteria, 25)));
        await app.AddOpportunityAsync(clear, "Clear Co platform", 900_000m, Today.AddDays(100));
        await index.RefreshAsync();
        var later = await index.RankAsync(new MatchCriteria(Endorse.Advocates.ActivityType.ReferenceCall), 25);
        Assert.DoesNotContain(later.Results, r => r.Candidate.AdvocateId == clearAdvocate);
        Assert.Equal(Shape(await naive.RankAsync(criteria, 25)), Shape(await index.RankAsync(criteria, 25)));

        // With a needed-by date after the hold ends, the held advocate is ranked, free from the day after.
        var withTime = await index.RankAsync(criteria, 25);
        Assert.Equal(Today.AddDays(21), withTime.Results.Single(r => r.Candidate.AdvocateId == heldAdvocate).AvailableFrom);
    }

    private static string[] Shape(MatchRanking ranking) =>
    [
        .. ranking.Results.Select(r => $"{r.Rank}:{r.Candidate.AdvocateId}:{r.Score:F6}:{r.AvailableFrom}:{string.Join('|', r.Factors.Select(f => f.Explanation))}"),
        $"eligible {ranking.EligibleCount}",
        .. ranking.Excluded.Select(e => $"x{e.Candidate.AdvocateId}:{e.Reasons}:{string.Join('|', e.Describe())}"),
        .. ranking.ExcludedByReason.Select(c => $"{c.Reason}={c.Count}"),
    ];
}
