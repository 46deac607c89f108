using System.Net;
using Endorse.Activities;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Notifications;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Requests;

/// <summary>
/// The rule who may read a request applies wherever request data appears: the request, the advocate page's
/// participations and usage timeline, the inbox, and nothing of it leaks through exports, the ranking or program health.
/// </summary>
public sealed class RequestVisibilityTests
{
    private const string Secret = "Secret Prospect Corp";
    private const string Other = "Other Prospect Ltd";

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Request_data_reaches_only_those_who_may_read_the_request(string database)
    {
        await using var app = new EndorseApp(database);
        var owner = await app.CreateUserAsync(Roles.SalesRep);
        var (advocate, account, _) = await app.AddAdvocateAsync(owner.Id);
        var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var marketingUser = await app.CreateUserAsync(Roles.Marketing);
        var marketing = app.ClientWithToken(await app.CreateTokenAsync(marketingUser.Id));

        // Marketing asks for a reference for Secret Prospect Corp; the manager asks one for Other Prospect Ltd; both propose the owner's advocate.
        var secret = (int)(await (await marketing.PostJsonAsync("/api/v1/requests", new { prospectName = Secret, activityType = "ReferenceCall", neededBy = RequestTestData.Today.AddDays(20) })).ReadJsonAsync())["id"]!;
        var other = (int)(await (await manager.PostJsonAsync("/api/v1/requests", new { prospectName = Other, activityType = "ReferenceCall", neededBy = RequestTestData.Today.AddDays(20) })).ReadJsonAsync())["id"]!;
        foreach (var id in new[] { secret, other })
        {
            Assert.Equal(HttpStatusCode.OK, (await manager.PostJsonAsync($"/api/v1/requests/{id}/participants", new { advocateIds = new[] { advocate } })).StatusCode);
        }

        await app.WithDbAsync(async db =>
        {
            db.AdvocacyActivities.Add(new AdvocacyActivity { AdvocateId = advocate, AccountId = account, ActivityType = Endorse.Advocates.ActivityType.ReferenceCall, OccurredOn = RequestTestData.Today.AddDays(-3), State = AdvocacyActivityState.Completed, RequestId = secret, Quality = 4, CreatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });

        var otherRep = await app.ClientForAsync(Roles.SalesRep);
        var success = await app.ClientForAsync(Roles.CustomerSuccess);
        var ownerClient = app.ClientWithToken(await app.CreateTokenAsync(owner.Id));
        var salesManager = await app.ClientForAsync(Roles.SalesManager);
        var executive = await app.ClientForAsync(Roles.Executive);

        // Who reads which request: the request itself and the advocate page agree.
        var readers = new (string Who, HttpClient Client, int[] Reads)[]
        {
            ("reference manager", manager, [secret, other]),
            ("sales manager", salesManager, [secret, other]),
            ("executive", executive, [secret, other]),
            ("account owner", ownerClient, [secret, other]),
            ("requester", marketing, [secret]),
            ("another sales rep", otherRep, []),
            ("customer success", success, []),
        };
        foreach (var (who, client, reads) in readers)
        {
            foreach (var id in new[] { secret, other })
            {
                var expected = reads.Contains(id) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
                Assert.True((await client.GetAsync($"/api/v1/requests/{id}")).StatusCode == expected, $"{who} reading request {id}");
            }

            var response = await client.GetAsync($"/api/v1/advocates/{advocate}");
            var text = await response.Content.ReadAsStringAsync();
            var page = await response.ReadJsonAsync();
            Assert.Equal(reads.Order(), page["participations"]!.AsArray().Select(p => (int)p!["requestId"]!).Order());
            Assert.Equal(2 - reads.Length, (int)page["otherRequests"]!);
            Assert.Equal(reads.Contains(secret), text.Contains(Secret, StringComparison.Ordinal));
            Assert.Equal(reads.Contains(other), text.Contains(Other, StringComparison.Ordinal));

            // The activity stays in the timeline (it counts against the caps) without its request or rating when unreadable.
            var activity = Assert.Single(page["timeline"]!.AsArray())!;
            Assert.Equal(reads.Contains(secret) ? secret : null, (int?)activity["requestId"]);
            Assert.Equal(reads.Contains(secret) ? 4 : null, (int?)activity["quality"]);
            Assert.Equal(!reads.Contains(secret), (bool)activity["requestHidden"]!);
            Assert.Equal(1, (int)page["gauge"]!["used"]!);
        }

        // Nothing of either request reaches a reader through the lists, exports, ranking or program health.
        foreach (var url in new[] { "/api/v1/advocates/export.csv", "/api/v1/advocates", "/api/v1/program/health", "/api/v1/requests" })
        {
            var body = await otherRep.GetStringAsync(url);
            Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
            Assert.DoesNotContain(Other, body, StringComparison.Ordinal);
        }

        var ranking = await (await otherRep.PostJsonAsync("/api/v1/matching/rank", new { criteria = new { activityType = "ReferenceCall" } })).Content.ReadAsStringAsync();
        Assert.DoesNotContain(Secret, ranking, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherRep.GetAsync($"/api/v1/requests/{secret}/matches")).StatusCode);

        // The owner was asked to approve both approaches, in the inbox. The account changes hands: those notifications
        // keep their place in the former owner's inbox, but no longer say anything about the requests.
        var before = await (await ownerClient.GetAsync("/api/v1/notifications")).ReadJsonAsync();
        Assert.Equal(2, before["items"]!.AsArray().Count(n => ((string?)n!["link"])?.StartsWith("/requests/", StringComparison.Ordinal) == true));
        var newOwner = await app.CreateUserAsync(Roles.SalesRep);
        await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == account).ExecuteUpdateAsync(s => s.SetProperty(a => a.OwnerId, newOwner.Id)));
        var after = await ownerClient.GetAsync("/api/v1/notifications");
        var afterText = await after.Content.ReadAsStringAsync();
        var items = (await after.ReadJsonAsync())["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.All(items, n =>
        {
            Assert.Equal(Inbox.HiddenRequestTitle, (string?)n!["title"]);
            Assert.Null((string?)n["link"]);
            Assert.Null((string?)n["body"]);
        });
        Assert.DoesNotContain($"request #{secret}", afterText, StringComparison.Ordinal);
        var marked = await (await ownerClient.PostAsync($"/api/v1/notifications/{(long)items[0]!["id"]!}/read", null)).ReadJsonAsync();
        Assert.Equal(Inbox.HiddenRequestTitle, (string?)marked["title"]);
        Assert.Equal(HttpStatusCode.NotFound, (await ownerClient.GetAsync($"/api/v1/requests/{secret}")).StatusCode);
        Assert.Equal(0, (int)(await (await ownerClient.GetAsync($"/api/v1/advocates/{advocate}")).ReadJsonAsync())["participations"]!.AsArray().Count);

        // The new owner reads them now, through the request and the advocate page.
        var newOwnerClient = app.ClientWithToken(await app.CreateTokenAsync(newOwner.Id));
        Assert.Equal(HttpStatusCode.OK, (await newOwnerClient.GetAsync($"/api/v1/requests/{secret}")).StatusCode);
        Assert.Equal(2, (await (await newOwnerClient.GetAsync($"/api/v1/advocates/{advocate}")).ReadJsonAsync())["participations"]!.AsArray().Count);
    }
}
