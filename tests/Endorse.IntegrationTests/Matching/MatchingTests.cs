using System.Net;
using Endorse.Accounts;
using Endorse.Activities;
using Endorse.Advocates;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Matching;
using Endorse.Products;
using Endorse.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Endorse.IntegrationTests.Matching;

public class MatchingTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Ranking_excludes_with_reasons_and_orders_the_rest(string database)
    {
        await using var app = new EndorseApp(database);
        var seed = await SeedAsync(app);
        var client = await app.ClientForAsync(Roles.SalesRep);

        var response = await client.PostJsonAsync("/api/v1/matching/rank", new { criteria = new { activityType = "ReferenceCall", productIds = new[] { seed.Product }, sectorId = seed.Sector }, top = 10 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();

        var ranked = body["results"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ToArray();
        Assert.Equal(["Alice Able", "Bob Best", "Cleo Clear"], ranked);
        Assert.Equal(3, body["eligibleCount"]!.GetValue<int>());
        var alice = body["results"]![0]!;
        Assert.Equal(13, alice["factors"]!.AsArray().Count);
        var product = alice["factors"]!.AsArray().First(f => f!["factor"]!.GetValue<string>() == "Product")!;
        Assert.Equal("Owns 1 of the 1 products asked for.", product["explanation"]!.GetValue<string>());

        var excluded = body["excluded"]!.AsArray().ToDictionary(
            e => e!["name"]!.GetValue<string>(),
            e => e!["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).ToArray());
        Assert.Equal(5, body["excludedCount"]!.GetValue<int>());
        Assert.Equal(["Resting"], excluded["Rita Resting"]);
        Assert.Equal(["AdvocateCapReached"], excluded["Carl Capped"]);
        Assert.Equal(["DoNotContact"], excluded["Dana Never"]);
        Assert.Equal(["OpenEscalation"], excluded["Eve Escalated"]);
        Assert.Equal(["NoPublicity"], excluded["Nora Quiet"]);
        Assert.All(body["excluded"]!.AsArray(), e => Assert.NotEmpty(e!["messages"]!.AsArray()));
        Assert.Equal(
            ["Do-not-contact: 1", "Resting: 1", "Advocate cap reached: 1", "Open escalation: 1", "No-publicity policy: 1"],
            body["excludedByReason"]!.AsArray().Select(c => $"{c!["label"]!.GetValue<string>()}: {c["count"]!.GetValue<int>()}"));

        // A later page of the excluded, in the same order.
        var page = await (await client.PostJsonAsync("/api/v1/matching/rank", new { criteria = new { activityType = "ReferenceCall", productIds = new[] { seed.Product }, sectorId = seed.Sector }, top = 10, excludedOffset = 3 })).ReadJsonAsync();
        Assert.Equal(3, page["excludedOffset"]!.GetValue<int>());
        Assert.Equal(5, page["excludedCount"]!.GetValue<int>());
        Assert.Equal(
            body["excluded"]!.AsArray().Skip(3).Select(e => e!["name"]!.GetValue<string>()),
            page["excluded"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()));
        var firstTwo = await (await client.PostJsonAsync("/api/v1/matching/rank", new { criteria = new { activityType = "ReferenceCall", productIds = new[] { seed.Product }, sectorId = seed.Sector }, excludedLimit = 2 })).ReadJsonAsync();
        Assert.Equal(
            body["excluded"]!.AsArray().Take(2).Select(e => e!["name"]!.GetValue<string>()),
            firstTwo["excluded"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()));
        Assert.Equal(5, firstTwo["excludedCount"]!.GetValue<int>());
        var badOffset = await client.PostJsonAsync("/api/v1/matching/rank", new { criteria = new { activityType = "ReferenceCall" }, excludedOffset = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, badOffset.StatusCode);
        var badLimit = await client.PostJsonAsync("/api/v1/matching/rank", new { criteria = new { activityType = "ReferenceCall" }, excludedLimit = 201 });
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);

        var bad = await client.SendRawJsonAsync(HttpMethod.Post, "/api/v1/matching/rank", """{"criteria":{"activityType":"Juggling"},"top":10}""");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var tooMany = await client.PostJsonAsync("/api/v1/matching/rank", new { criteria = new { activityType = "ReferenceCall" }, top = 5000 });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("top", (await tooMany.ReadJsonAsync())["errors"]!.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        var health = await (await client.GetAsync("/api/v1/program/health")).ReadJsonAsync();
        Assert.Equal(8, health["spread"]!["advocates"]!.GetValue<int>());
        Assert.Equal(3, health["spread"]!["totalActivities"]!.GetValue<int>());
        Assert.Equal(1.0, health["spread"]!["topShare"]!.GetValue<double>());
        Assert.Equal("Carl Capped", health["busiest"]![0]!["name"]!.GetValue<string>());
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_request_is_matched_by_its_own_criteria(string database)
    {
        await using var app = new EndorseApp(database);
        var seed = await SeedAsync(app);
        var rep = await app.CreateUserAsync(Roles.SalesRep);
        var client = app.ClientWithToken(await app.CreateTokenAsync(rep.Id));
        var requestId = await app.WithDbAsync(async db =>
        {
            var request = new Endorse.Requests.ReferenceRequest
            {
                RequesterId = rep.Id,
                ProspectName = "Globex",
                ActivityType = ActivityType.ReferenceCall,
                Products = [new Endorse.Requests.RequestProduct { ProductId = seed.Product }],
                SectorId = seed.Sector,
                NeededBy = Today.AddDays(14),
            };
            db.ReferenceRequests.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });

        var body = await (await client.GetAsync($"/api/v1/requests/{requestId}/matches?top=10")).ReadJsonAsync();

        Assert.Equal(["Alice Able", "Bob Best", "Cleo Clear"], body["results"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ToArray());
        Assert.Equal(5, body["excludedCount"]!.GetValue<int>());
        var page = await (await client.GetAsync($"/api/v1/requests/{requestId}/matches?top=10&excludedOffset=4")).ReadJsonAsync();
        Assert.Equal(["Nora Quiet"], page["excluded"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/requests/999999/matches")).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_index_ranks_like_the_naive_matcher(string database)
    {
        await using var app = new EndorseApp(database);
        var seed = await SeedAsync(app);
        MatchCriteria[] criteria =
        [
            new(ActivityType.ReferenceCall) { ProductIds = [seed.Product], SectorId = seed.Sector },
            new(ActivityType.ReferenceCall),
            new(ActivityType.CaseStudyUse) { RegionId = 12345, Language = "en" },
            new(ActivityType.ReferenceCall) { NeededBy = Today.AddDays(120) },
        ];
        using var scope = app.Services.CreateScope();
        var index = scope.ServiceProvider.GetRequiredService<MatchIndex>();
        var naive = scope.ServiceProvider.GetRequiredService<NaiveMatcher>();
        foreach (var c in criteria)
        {
            var expected = await naive.RankAsync(c, 50);
            var actual = await index.RankAsync(c, 50);
            Assert.Equal(Shape(expected), Shape(actual));
        }
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_index_sees_a_new_activity(string database)
    {
        await using var app = new EndorseApp(database);
        var seed = await SeedAsync(app);
        using var scope = app.Services.CreateScope();
        var index = scope.ServiceProvider.GetRequiredService<MatchIndex>();
        var criteria = new MatchCriteria(ActivityType.ReferenceCall) { ProductIds = [seed.Product], SectorId = seed.Sector };
        var before = await index.RankAsync(criteria, 10);
        Assert.Equal(seed.Alice, before.Results[0].Candidate.AdvocateId);

        await AddActivityAsync(app, seed.Alice, seed.AliceAccount, Today.AddDays(-2));
        await index.RefreshAsync();
        var after = await index.RankAsync(criteria, 10);
        Assert.DoesNotContain(after.Results, r => r.Candidate.AdvocateId == seed.Alice);
        Assert.Contains(after.Excluded, e => e.Candidate.AdvocateId == seed.Alice && e.Reasons.HasFlag(Fatigue.BlockReasons.CoolDown));

        // A write path that changes an activity (cancelled) tells the index; the next ranking sees it.
        await app.WithDbAsync(async db =>
        {
            foreach (var a in db.AdvocacyActivities.Where(a => a.AdvocateId == seed.Alice))
            {
                a.State = AdvocacyActivityState.Cancelled;
            }

            return await db.SaveChangesAsync();
        });
        index.Invalidate(seed.Alice);
        var again = await index.RankAsync(criteria, 10);
        Assert.Equal(seed.Alice, again.Results[0].Candidate.AdvocateId);

        // A write path that changes the advocate's account (an escalation opened) is seen by the next ranking too.
        await app.WithDbAsync(async db =>
        {
            var account = await db.Accounts.FindAsync(seed.AliceAccount);
            account!.OpenEscalations = 1;
            return await db.SaveChangesAsync();
        });
        index.Invalidate(seed.Alice);
        var escalated = await index.RankAsync(criteria, 10);
        Assert.DoesNotContain(escalated.Results, r => r.Candidate.AdvocateId == seed.Alice);
        Assert.Contains(escalated.Excluded, e => e.Candidate.AdvocateId == seed.Alice && e.Reasons == Fatigue.BlockReasons.OpenEscalation);
    }

    internal static string[] Shape(MatchRanking ranking) =>
    [
        .. ranking.Results.Select(r => $"{r.Rank}:{r.Candidate.AdvocateId}:{r.Score:F6}:{r.AvailableFrom}:{string.Join('|', r.Factors.Select(f => f.Explanation))}"),
        $"eligible {ranking.EligibleCount}",
        .. ranking.Excluded.Select(e => $"x{e.Candidate.AdvocateId}:{e.Reasons}:{string.Join('|', e.Describe())}"),
        .. ranking.ExcludedByReason.Select(c => $"{c.Reason}={c.Count}"),
    ];

    internal sealed record Seed(int Product, int Sector, int Alice, int AliceAccount);

    internal static async Task<Seed> SeedAsync(EndorseApp app)
    {
        var sector = await app.AddSectorAsync("Healthcare");
        var other = await app.AddSectorAsync("Banking");
        var product = await app.WithDbAsync(async db =>
        {
            var p = new Product { Name = "Endorse Cloud" };
            db.Products.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });

        async Task<(int Advocate, int Account)> Add(string first, string last, int? sectorId, AdvocateStatus status = AdvocateStatus.Active, Action<Account>? account = null, bool withProduct = false)
        {
            var accountId = await app.AddAccountAsync($"{last} Inc", a =>
            {
                a.SectorId = sectorId;
                a.DisclosurePermission = DisclosurePermission.NamedPublic;
                a.CustomerSince = new DateOnly(2020, 1, 1);
                account?.Invoke(a);
            });
            var contactId = await app.AddContactAsync(accountId, first, last);
            var id = await app.WithDbAsync(async db =>
            {
                var advocate = new Advocate
                {
                    ContactId = contactId,
                    AccountId = accountId,
                    Status = status,
                    ActivityTypes = ActivityTypeSet.Of(ActivityTypes.All),
                    Languages = "en",
                    EnrolledAt = DateTimeOffset.UtcNow,
                };
                if (withProduct)
                {
                    advocate.Products.Add(new AdvocateProduct { ProductId = product });
                }

                db.Advocates.Add(advocate);
                await db.SaveChangesAsync();
                return advocate.Id;
            });
            return (id, accountId);
        }

        var alice = await Add("Alice", "Able", sector, withProduct: true);
        await Add("Bob", "Best", sector);
        await Add("Cleo", "Clear", other);
        await Add("Rita", "Resting", sector, AdvocateStatus.Resting);
        var carl = await Add("Carl", "Capped", sector);
        await Add("Dana", "Never", sector, AdvocateStatus.DoNotContact);
        await Add("Eve", "Escalated", sector, account: a => a.OpenEscalations = 1);
        await Add("Nora", "Quiet", sector, account: a => a.DisclosurePermission = DisclosurePermission.NoPublicity);
        foreach (var days in new[] { 20, 45, 70 })
        {
            await AddActivityAsync(app, carl.Advocate, carl.Account, Today.AddDays(-days), ActivityType.CaseStudyUse);
        }

        return new Seed(product, sector, alice.Advocate, alice.Account);
    }

    private static Task<int> AddActivityAsync(EndorseApp app, int advocate, int account, DateOnly on, ActivityType type = ActivityType.ReferenceCall) =>
        app.WithDbAsync(async db =>
        {
            db.AdvocacyActivities.Add(new AdvocacyActivity
            {
                AdvocateId = advocate,
                AccountId = account,
                ActivityType = type,
                OccurredOn = on,
                State = AdvocacyActivityState.Completed,
                Quality = 4,
                CreatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
}
