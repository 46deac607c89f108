using Endorse.Advocates;
using Endorse.Fatigue;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Matching;
using Endorse.Opportunities;
using Endorse.Readiness;
using Microsoft.Extensions.DependencyInjection;

namespace Endorse.IntegrationTests.Matching;

/// <summary>
/// Readiness facts outside the account row (gates set on an account, its open opportunities) reach the match index through
/// the change log written with each save, with no <see cref="MatchIndex.Invalidate"/> and no refresh, and survive its snapshot.
/// </summary>
public class MatchReadinessTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_gate_and_a_big_bid_saved_after_the_load_reach_the_next_ranking_and_the_snapshot(string database)
    {
        await using var app = new EndorseApp(database, new Dictionary<string, string?> { ["Matching:LoadAtStart"] = "false" });
        var seed = await MatchingTests.SeedAsync(app);
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        using var index = new MatchIndex(scopes, TimeProvider.System) { UseSnapshot = false, SaveSnapshotAfterLoad = false };
        var criteria = new MatchCriteria(ActivityType.ReferenceCall) { ProductIds = [seed.Product], SectorId = seed.Sector };
        Assert.Equal(seed.Alice, (await index.RankAsync(criteria, 10)).Results[0].Candidate.AdvocateId);

        // A hold set on Alice's account.
        var now = DateTimeOffset.UtcNow;
        var gateId = await app.WithDbAsync(async db =>
        {
            var gate = new AccountGate { AccountId = seed.AliceAccount, Kind = GateKind.OnHold, StartsOn = Today.AddDays(-1), EndsOn = Today.AddDays(30), Reason = "Merger", CreatedAt = now, UpdatedAt = now };
            db.AccountGates.Add(gate);
            await db.SaveChangesAsync();
            return gate.Id;
        });
        var held = await index.RankAsync(criteria, 10);
        Assert.DoesNotContain(held.Results, r => r.Candidate.AdvocateId == seed.Alice);
        Assert.Contains(held.Excluded, e => e.Candidate.AdvocateId == seed.Alice && e.Reasons.HasFlag(BlockReasons.OnHold));

        // Lifted today: Alice may be approached again.
        await app.WithDbAsync(async db =>
        {
            var gate = await db.AccountGates.FindAsync(gateId);
            gate!.LiftedOn = Today;
            gate.LiftReason = "Merger called off";
            gate.UpdatedAt = DateTimeOffset.UtcNow;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(seed.Alice, (await index.RankAsync(criteria, 10)).Results[0].Candidate.AdvocateId);

        // A big open bid at the account (above the default 500,000).
        await app.WithDbAsync(async db =>
        {
            db.Opportunities.Add(new Opportunity { Name = "Group-wide renewal", AccountId = seed.AliceAccount, Amount = 900_000m, Currency = "EUR", CloseDate = Today.AddDays(60), CreatedAt = now, UpdatedAt = now });
            return await db.SaveChangesAsync();
        });
        var bid = await index.RankAsync(criteria, 10);
        Assert.DoesNotContain(bid.Results, r => r.Candidate.AdvocateId == seed.Alice);
        Assert.Contains(bid.Excluded, e => e.Candidate.AdvocateId == seed.Alice && e.Reasons.HasFlag(BlockReasons.BigBid));

        // Another node starting from the snapshot knows the bid and the lifted gate: it ranks as the naive matcher does.
        Assert.True(await index.SaveSnapshotAsync());
        using var fromSnapshot = new MatchIndex(scopes, TimeProvider.System);
        using var scope = app.Services.CreateScope();
        var naive = scope.ServiceProvider.GetRequiredService<NaiveMatcher>();
        var expected = MatchingTests.Shape(await naive.RankAsync(criteria, 50));
        Assert.Equal(expected, MatchingTests.Shape(await fromSnapshot.RankAsync(criteria, 50)));
        Assert.Equal("snapshot", fromSnapshot.Status.LoadedFrom);
        Assert.Contains(expected, line => line.StartsWith($"x{seed.Alice}:", StringComparison.Ordinal));
    }
}
