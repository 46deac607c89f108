using System.Net;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Requests;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Requests;

/// <summary>
/// Writes fired at the same moment end in success or a 409 that says what changed, never a 500, and lose nothing:
/// proposals, workflow steps, advocate changes and program settings, on both databases.
/// </summary>
public sealed class RequestConcurrencyTests
{
    private static readonly string[] ReferenceCalls = ["ReferenceCall"];

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Simultaneous_proposals_of_different_advocates_fill_the_request_and_the_rest_are_told_it_is_full(string database)
    {
        await using var app = new EndorseApp(database);
        var (token, id) = await RequestNeedingAsync(app, needed: 3);
        var advocates = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            advocates.Add((await app.AddAdvocateAsync()).AdvocateId);
        }

        var responses = await FireAsync(app, token, advocates.Select(a => (Func<HttpClient, Task<HttpResponseMessage>>)(c => c.PostJsonAsync($"/api/v1/requests/{id}/participants", new { advocateIds = new[] { a } }))));

        Assert.Equal(3, responses.Count(r => r.Status == HttpStatusCode.OK));
        Assert.Equal(5, responses.Count(r => r.Status == HttpStatusCode.Conflict));
        Assert.All(responses.Where(r => r.Status == HttpStatusCode.Conflict), r => Assert.Equal("This request already has the 3 advocates it needs.", r.Detail));
        Assert.Equal(3, await app.WithDbAsync(db => db.RequestParticipants.CountAsync(p => p.RequestId == id)));
        Assert.Equal(3, await app.WithDbAsync(db => db.RequestEvents.CountAsync(e => e.RequestId == id && e.From == "Proposed")));
        Assert.Equal(3, await app.WithDbAsync(db => db.OutboundMails.CountAsync(m => m.Subject.StartsWith("Could you help"))));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Simultaneous_proposals_a_request_still_needs_all_succeed(string database)
    {
        await using var app = new EndorseApp(database);
        var (token, id) = await RequestNeedingAsync(app, needed: 6);
        var advocates = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            advocates.Add((await app.AddAdvocateAsync()).AdvocateId);
        }

        var responses = await FireAsync(app, token, advocates.Select(a => (Func<HttpClient, Task<HttpResponseMessage>>)(c => c.PostJsonAsync($"/api/v1/requests/{id}/participants", new { advocateIds = new[] { a } }))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(advocates.Order(), await app.WithDbAsync(db => db.RequestParticipants.Where(p => p.RequestId == id).Select(p => p.AdvocateId).OrderBy(a => a).ToListAsync()));
        var details = await (await app.ClientWithToken(token).GetAsync($"/api/v1/requests/{id}")).ReadJsonAsync();
        Assert.Equal(0, (int)details["stillNeeded"]!);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_same_advocate_proposed_at_the_same_moment_is_added_once(string database)
    {
        await using var app = new EndorseApp(database);
        var (token, id) = await RequestNeedingAsync(app, needed: 2);
        var (advocate, _, _) = await app.AddAdvocateAsync();

        var responses = await FireAsync(app, token, Enumerable.Range(0, 5).Select(_ => (Func<HttpClient, Task<HttpResponseMessage>>)(c => c.PostJsonAsync($"/api/v1/requests/{id}/participants", new { advocateIds = new[] { advocate } }))));

        Assert.Equal(1, responses.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.OK), r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.Status);
            Assert.Equal("Ada Advocate is already on this request.", r.Detail);
        });
        Assert.Equal(1, await app.WithDbAsync(db => db.RequestParticipants.CountAsync(p => p.RequestId == id)));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_step_taken_twice_at_the_same_moment_happens_once_and_other_steps_on_the_request_all_happen(string database)
    {
        await using var app = new EndorseApp(database);
        var owner = await app.CreateUserAsync(Roles.SalesRep);
        var (token, id) = await RequestNeedingAsync(app, needed: 4);
        var manager = app.ClientWithToken(token);
        var advocates = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            advocates.Add((await app.AddAdvocateAsync(owner.Id)).AdvocateId);
        }

        var proposed = await (await manager.PostJsonAsync($"/api/v1/requests/{id}/participants", new { advocateIds = advocates })).ReadJsonAsync();
        var participants = proposed["participants"]!.AsArray().Select(p => (int)p!["id"]!).ToList();
        Assert.All(proposed["participants"]!.AsArray(), p => Assert.Equal("AwaitingOwnerApproval", (string?)p!["status"]));

        // Five people approve the first approach at once: one approval, one ask, four refusals saying it is asked already.
        var same = await FireAsync(app, token, Enumerable.Range(0, 5).Select(_ => (Func<HttpClient, Task<HttpResponseMessage>>)(c => c.PostAsync($"/api/v1/requests/{id}/participants/{participants[0]}/approve", null))));
        Assert.Equal(1, same.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(same.Where(r => r.Status != HttpStatusCode.OK), r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.Status);
            Assert.StartsWith("This approach is asked", r.Detail, StringComparison.Ordinal);
        });
        Assert.Equal(1, await app.WithDbAsync(db => db.RequestEvents.CountAsync(e => e.ParticipantId == participants[0] && e.To == "Asked")));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboundMails.CountAsync(m => m.Subject.StartsWith("Could you help"))));

        // The three other approaches are approved at once, each by its own call: all succeed (they touch the same request).
        var others = await FireAsync(app, token, participants.Skip(1).Select(p => (Func<HttpClient, Task<HttpResponseMessage>>)(c => c.PostAsync($"/api/v1/requests/{id}/participants/{p}/approve", null))));
        Assert.All(others, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(4, await app.WithDbAsync(db => db.RequestParticipants.CountAsync(p => p.RequestId == id && p.Status == ParticipantStatus.Asked)));
        Assert.Equal(RequestStatus.AdvocateAsked, await app.WithDbAsync(db => db.ReferenceRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Simultaneous_changes_to_one_advocate_and_to_the_program_settings_succeed_or_answer_409(string database)
    {
        await using var app = new EndorseApp(database);
        var managerUser = await app.CreateUserAsync(Roles.ReferenceManager);
        var token = await app.CreateTokenAsync(managerUser.Id);
        var (advocate, _, _) = await app.AddAdvocateAsync();
        var today = RequestTestData.Today;

        // Six whole replacements of the profile at once: each is applied whole; the last saved wins, none is merged or lost half-way.
        var updates = await FireAsync(app, token, Enumerable.Range(1, 6).Select(n => (Func<HttpClient, Task<HttpResponseMessage>>)(c => c.PutJsonAsync($"/api/v1/advocates/{advocate}", new
        {
            activityTypes = ReferenceCalls,
            maxActivitiesPerQuarter = n,
            blackouts = Enumerable.Range(0, n).Select(i => new { from = today.AddDays(10 * (i + 1)), to = today.AddDays((10 * (i + 1)) + 2), reason = $"Set {n}" }).ToArray(),
        }))));
        Assert.All(updates, r => Assert.True(r.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{r.Status}: {r.Detail}"));
        Assert.Contains(updates, r => r.Status == HttpStatusCode.OK);
        var (limit, blackouts) = await app.WithDbAsync(async db =>
        {
            var saved = await db.Advocates.AsNoTracking().Include(a => a.Blackouts).SingleAsync(a => a.Id == advocate);
            return (saved.MaxActivitiesPerQuarter, saved.Blackouts.Select(b => b.Reason).ToList());
        });
        Assert.Equal(limit, blackouts.Count);
        Assert.All(blackouts, reason => Assert.Equal($"Set {limit}", reason));

        // Four people rest the advocate at once: one change is recorded; the others are told it is resting already.
        var rests = await FireAsync(app, token, Enumerable.Range(0, 4).Select(n => (Func<HttpClient, Task<HttpResponseMessage>>)(c => c.PostJsonAsync($"/api/v1/advocates/{advocate}/status", new { status = "Resting", untilFurtherNotice = true, reason = $"Rest {n}" }))));
        Assert.Equal(1, rests.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(rests.Where(r => r.Status != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.Status));
        Assert.Equal(1, await app.WithDbAsync(db => db.AdvocateStatusChanges.CountAsync(c => c.AdvocateId == advocate && c.To == Endorse.Advocates.AdvocateStatus.Resting)));

        // The first saves of the program settings race to create its row: every one succeeds, and each setting keeps its value.
        var settings = await FireAsync(app, token,
        [
            c => c.PutJsonAsync("/api/v1/program-settings/match-weights", new { product = 3, sector = 1, region = 1, size = 1, seniority = 1, language = 1, load = 1, feedback = 1, availability = 1 }),
            c => c.PutJsonAsync("/api/v1/program-settings/fulfilment-modes", new Dictionary<string, string> { ["ReferenceCall"] = "SelfServe" }),
            c => c.PutJsonAsync("/api/v1/program-settings/fulfilment-modes", new Dictionary<string, string> { ["ReferenceCall"] = "SelfServe" }),
            c => c.PutJsonAsync("/api/v1/program-settings/match-weights", new { product = 3, sector = 1, region = 1, size = 1, seniority = 1, language = 1, load = 1, feedback = 1, availability = 1 }),
        ]);
        Assert.All(settings, r => Assert.True(r.Status == HttpStatusCode.OK, $"{r.Status}: {r.Detail}"));
        var saved = await (await app.ClientWithToken(token).GetAsync("/api/v1/program-settings")).ReadJsonAsync();
        Assert.Equal("SelfServe", (string?)saved["fulfilmentModes"]!["ReferenceCall"]);
        Assert.Equal(1, await app.WithDbAsync(db => db.ProgramSettings.CountAsync()));
    }

    /// <summary>A reference manager's token and a submitted request needing <paramref name="needed"/> advocates.</summary>
    private static async Task<(string Token, int RequestId)> RequestNeedingAsync(EndorseApp app, int needed)
    {
        var manager = await app.CreateUserAsync(Roles.ReferenceManager);
        var token = await app.CreateTokenAsync(manager.Id);
        var created = await app.ClientWithToken(token).PostJsonAsync("/api/v1/requests", new { prospectName = "Globex", activityType = "ReferenceCall", neededBy = RequestTestData.Today.AddDays(30), advocatesNeeded = needed });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (token, (int)(await created.ReadJsonAsync())["id"]!);
    }

    /// <summary>Sends every call at the same moment, each on a client of its own, and answers each status with its problem's detail.</summary>
    private static async Task<List<(HttpStatusCode Status, string? Detail)>> FireAsync(EndorseApp app, string token, IEnumerable<Func<HttpClient, Task<HttpResponseMessage>>> calls)
    {
        var list = calls.ToList();
        var clients = list.Select(_ => app.ClientWithToken(token)).ToList();
        using var start = new SemaphoreSlim(0);
        var tasks = list.Select(async (call, i) =>
        {
            await start.WaitAsync();
            using var response = await call(clients[i]);
            var body = await response.Content.ReadAsStringAsync();
            var detail = response.IsSuccessStatusCode || body.Length == 0 ? null : (string?)System.Text.Json.Nodes.JsonNode.Parse(body)?["detail"];
            return (response.StatusCode, detail);
        }).ToList();
        start.Release(list.Count);
        var results = (await Task.WhenAll(tasks)).ToList();
        Assert.DoesNotContain(results, r => (int)r.StatusCode >= 500);
        foreach (var client in clients)
        {
            client.Dispose();
        }

        return results;
    }
}
