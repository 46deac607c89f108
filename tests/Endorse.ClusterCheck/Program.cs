using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Endorse.AccessTokens;
using Endorse.Accounts;
using Endorse.Activities;
using Endorse.Advocates;
using Endorse.Contacts;
using Endorse.Data;
using Endorse.Notifications;
using Microsoft.EntityFrameworkCore;

// The checks of scripts/cluster-check.sh, run against two Endorse nodes and nginx in front of them (the script starts
// them): cross-node coherence of the match index, fatigue caps under simultaneous bookings on both nodes, the clustered
// scheduler sending each mail once, kill -9 of a node during traffic, and shared data-protection keys and files.
// Prints one line per check and ends with "Cluster check: N passed, N failed".
return await Endorse.ClusterCheck.Checks.RunAsync(args);

namespace Endorse.ClusterCheck
{
    internal static partial class Checks
    {
        private static readonly List<(string Name, bool Passed, string Detail)> Results = [];
        private static Options options = null!;

        public static async Task<int> RunAsync(string[] args)
        {
            options = Options.Parse(args);
            var started = Stopwatch.StartNew();
            await CheckAsync("nodes and proxy are ready", NodesReadyAsync);
            var tokens = await PrepareTokensAsync();
            await CheckAsync("a sign-in cookie made on node A works on node B (shared data-protection keys)", SignInCookieAsync);
            await CheckAsync($"a booking on A excludes the advocate from B's ranking within {options.RefreshSeconds} s; a cancellation on A frees them on B", () => BookingAcrossNodesAsync(tokens));
            await CheckAsync("simultaneous bookings of one advocate, and of one account's advocates, over both nodes never exceed a cap", () => CapsUnderConcurrencyAsync(tokens));
            await CheckAsync("the clustered scheduler sends each queued mail once (no duplicate across nodes)", MailOnceAsync);
            await CheckAsync("files uploaded through one node are read by the other (shared storage)", () => SharedFilesAsync(tokens));
            await CheckAsync("kill -9 of node A during traffic: no committed write lost, the proxy fails over, A's queued mail is sent once by B", () => KillDuringTrafficAsync(tokens));

            var passed = Results.Count(r => r.Passed);
            var failed = Results.Count - passed;
            Console.WriteLine();
            Console.WriteLine($"Cluster check finished in {started.Elapsed.TotalSeconds:F0} s");
            Console.WriteLine($"Cluster check: {passed} passed, {failed} failed");
            return failed == 0 ? 0 : 1;
        }

        private static async Task CheckAsync(string name, Func<Task<string>> check)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                var detail = await check();
                Results.Add((name, true, detail));
                Console.WriteLine($"PASS {name} ({watch.Elapsed.TotalSeconds:F1} s): {detail}");
            }
            catch (Exception ex)
            {
                Results.Add((name, false, ex.Message));
                Console.WriteLine($"FAIL {name} ({watch.Elapsed.TotalSeconds:F1} s): {ex.Message}");
            }
        }

        private static void Require(bool condition, string message)
        {
            if (!condition)
            {
                throw new InvalidOperationException(message);
            }
        }

        // --- the checks ---------------------------------------------------------------------------------------------

        private static async Task<string> NodesReadyAsync()
        {
            using var http = new HttpClient();
            foreach (var url in new[] { options.NodeA, options.NodeB, options.Proxy })
            {
                var response = await http.GetAsync(url + "/health/ready");
                Require(response.StatusCode == HttpStatusCode.OK, $"{url}/health/ready answered {(int)response.StatusCode}");
            }

            return "A, B and nginx answer /health/ready with 200";
        }

        private sealed record Tokens(string Manager, string ManagerId);

        /// <summary>A reference manager's personal access token, made in the shared database (as the Settings page would).</summary>
        private static async Task<Tokens> PrepareTokensAsync()
        {
            await using var db = Db();
            var manager = await db.Users.FirstAsync(u => u.Email == "refmanager@demo.endorse.example");
            var token = AccessTokenSecret.Create();
            db.AccessTokens.Add(new AccessToken { UserId = manager.Id, Name = "cluster check", Prefix = AccessTokenSecret.Shown(token), TokenHash = AccessTokenSecret.Hash(token), CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return new Tokens(token, manager.Id);
        }

        private static async Task<string> SignInCookieAsync()
        {
            var cookies = new CookieContainer();
            using var onA = Browser(options.NodeA, cookies);
            var form = await onA.GetStringAsync("/signin");
            var token = WebUtility.HtmlDecode(AntiforgeryField().Match(form).Groups[1].Value);
            var signIn = await onA.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["email"] = "admin@demo.endorse.example",
                ["password"] = "Endorse-demo-1",
                ["returnUrl"] = "/",
            }));
            Require(signIn.StatusCode == HttpStatusCode.Redirect && signIn.Headers.Location?.OriginalString == "/", $"sign-in on A answered {(int)signIn.StatusCode} {signIn.Headers.Location}");

            // The same cookies, sent to node B.
            using var onB = Browser(options.NodeB, CopyCookies(cookies, options.NodeA, options.NodeB));
            var me = await onB.GetAsync("/api/v1/users/me");
            Require(me.StatusCode == HttpStatusCode.OK, $"B answered {(int)me.StatusCode} to A's cookie");
            var body = await me.Content.ReadAsStringAsync();
            Require(body.Contains("admin@demo.endorse.example", StringComparison.Ordinal), "B did not see the signed-in admin");
            var page = await onB.GetAsync("/");
            Require(page.StatusCode == HttpStatusCode.OK, $"B's home page answered {(int)page.StatusCode} to A's cookie");
            return "signed in on A; B accepted the cookie for the API and the home page";
        }

        private static async Task<string> BookingAcrossNodesAsync(Tokens tokens)
        {
            using var a = Api(options.NodeA, tokens.Manager);
            using var b = Api(options.NodeB, tokens.Manager);
            var (advocateId, _, email) = await AddAdvocateAsync("Crossnode");
            var slot = DateTime.UtcNow.Date.AddDays(7).AddHours(15);
            Require(await RankedAsync(b, advocateId), "the new advocate was not ranked on B before the booking: " + await WhyAsync(b, advocateId));
            var (requestId, _) = await AcceptAsync(a, b, advocateId, email, "ReferenceCall", slot);
            Require(await RankedAsync(b, advocateId), "the advocate was not ranked on B once they accepted");

            var schedule = await ScheduleAsync(a, requestId, await ParticipantAsync(requestId), slot);
            Require(schedule.StatusCode == HttpStatusCode.OK, $"booking on A answered {(int)schedule.StatusCode}: {await schedule.Content.ReadAsStringAsync()}");
            var booked = Stopwatch.StartNew();
            while (await RankedAsync(b, advocateId))
            {
                Require(booked.Elapsed.TotalSeconds < options.RefreshSeconds, $"B still ranked the advocate {options.RefreshSeconds} s after the booking on A");
                await Task.Delay(100);
            }

            var excludedAfter = booked.Elapsed;
            var cancel = await a.PostAsync($"/api/v1/requests/{requestId}/cancel", null);
            Require(cancel.IsSuccessStatusCode, $"cancelling on A answered {(int)cancel.StatusCode}");
            var cancelled = Stopwatch.StartNew();
            while (!await RankedAsync(b, advocateId))
            {
                Require(cancelled.Elapsed.TotalSeconds < options.RefreshSeconds, $"B still excluded the advocate {options.RefreshSeconds} s after the cancellation on A");
                await Task.Delay(100);
            }

            return string.Create(CultureInfo.InvariantCulture, $"excluded on B {excludedAfter.TotalMilliseconds:F0} ms after the booking on A, free again {cancelled.Elapsed.TotalMilliseconds:F0} ms after the cancellation (the portal link opened on A was answered on B)");
        }

        private static async Task<string> CapsUnderConcurrencyAsync(Tokens tokens)
        {
            using var a = Api(options.NodeA, tokens.Manager);
            using var b = Api(options.NodeB, tokens.Manager);
            var before = await (await a.GetAsync("/api/v1/program-settings")).Content.ReadFromJsonAsync<JsonNode>();
            var policy = before!["fatiguePolicy"]!.DeepClone();
            policy["advocateCaps"] = new JsonArray(new JsonObject { ["activityType"] = null, ["limit"] = 1, ["windowDays"] = 365 });
            policy["accountCaps"] = new JsonArray(new JsonObject { ["activityType"] = null, ["limit"] = 2, ["windowDays"] = 365 });
            policy["coolDownDays"] = 0;
            var put = await a.PutAsJsonAsync("/api/v1/program-settings/fatigue-policy", policy);
            Require(put.IsSuccessStatusCode, $"setting the policy answered {(int)put.StatusCode}: {await put.Content.ReadAsStringAsync()}");
            try
            {
                // One advocate, four accepted requests on four days: at most one booking.
                var (solo, soloAccount, soloEmail) = await AddAdvocateAsync("Solo");
                var soloBookings = new List<(int Request, int Participant, DateTime Slot)>();
                for (var i = 0; i < 4; i++)
                {
                    var slot = DateTime.UtcNow.Date.AddDays(20 + i).AddHours(10);
                    var (request, participant) = await AcceptAsync(a, b, solo, soloEmail, "SiteVisit", slot);
                    soloBookings.Add((request, participant, slot));
                }

                // One account with three advocates, two accepted requests each: at most two bookings at the account.
                var shared = await AddAccountAsync("Shared");
                var teamBookings = new List<(int Request, int Participant, DateTime Slot)>();
                for (var k = 0; k < 3; k++)
                {
                    var (advocate, _, email) = await AddAdvocateAsync("Team" + k, shared);
                    for (var i = 0; i < 2; i++)
                    {
                        var slot = DateTime.UtcNow.Date.AddDays(30 + (k * 2) + i).AddHours(11);
                        var (request, participant) = await AcceptAsync(a, b, advocate, email, "SiteVisit", slot);
                        teamBookings.Add((request, participant, slot));
                    }
                }

                var soloResults = await Task.WhenAll(soloBookings.Select((x, i) => ScheduleAsync(i % 2 == 0 ? a : b, x.Request, x.Participant, x.Slot)));
                var teamResults = await Task.WhenAll(teamBookings.Select((x, i) => ScheduleAsync(i % 2 == 0 ? a : b, x.Request, x.Participant, x.Slot)));
                var soloOk = soloResults.Count(r => r.StatusCode == HttpStatusCode.OK);
                var teamOk = teamResults.Count(r => r.StatusCode == HttpStatusCode.OK);
                var errors = soloResults.Concat(teamResults).Count(r => (int)r.StatusCode >= 500);
                await using var db = Db();
                var soloBooked = await db.AdvocacyActivities.CountAsync(x => x.AdvocateId == solo && x.State == AdvocacyActivityState.Booked);
                var teamBooked = await db.AdvocacyActivities.CountAsync(x => x.AccountId == shared && x.State == AdvocacyActivityState.Booked);
                Require(errors == 0, $"{errors} bookings answered 5xx");
                Require(soloOk == 1 && soloBooked == 1, $"one advocate (cap 1): {soloOk} bookings answered OK, {soloBooked} stored");
                Require(teamOk <= 2 && teamBooked <= 2 && teamBooked == teamOk && teamOk >= 1, $"one account (cap 2): {teamOk} bookings answered OK, {teamBooked} stored");
                var refusals = soloResults.Concat(teamResults).Where(r => r.StatusCode != HttpStatusCode.OK).Select(r => (int)r.StatusCode).Distinct();
                return $"one advocate: 4 simultaneous bookings (2 on A, 2 on B) → 1 booked; one account: 6 → {teamBooked} booked (cap 2); the others refused with {string.Join("/", refusals)}";
            }
            finally
            {
                await a.PutAsJsonAsync("/api/v1/program-settings/fatigue-policy", before!["fatiguePolicy"]);
            }
        }

        private static async Task<string> MailOnceAsync()
        {
            var tag = "cluster-check " + Guid.NewGuid().ToString("N")[..8];
            await using (var db = Db())
            {
                for (var i = 0; i < 40; i++)
                {
                    db.OutboundMails.Add(new OutboundMail { To = $"once{i}@cluster.example", Subject = $"{tag} #{i}", TextBody = "Sent once.", Status = MailStatus.Pending, CreatedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow });
                }

                await db.SaveChangesAsync();
            }

            var counts = await WaitForMailAsync(tag, 40, TimeSpan.FromSeconds(90));
            var duplicates = counts.Where(c => c.Value.A + c.Value.B > 1).ToList();
            Require(counts.Count == 40, $"{counts.Count} of 40 mails arrived");
            Require(duplicates.Count == 0, $"{duplicates.Count} mails were sent more than once");
            return $"40 mails queued, 40 sent once: {counts.Values.Sum(c => c.A)} by A, {counts.Values.Sum(c => c.B)} by B";
        }

        private static async Task<string> SharedFilesAsync(Tokens tokens)
        {
            using var a = Api(options.NodeA, tokens.Manager);
            using var b = Api(options.NodeB, tokens.Manager);
            // Uploaded through A; either node's import worker may run an import. Upload in rounds until B has run one
            // (which it can only do by reading the file A stored).
            var runs = new List<int>();
            for (var round = 0; round < 10 && !runs.Any(r => RanOnB(r)); round++)
            {
                foreach (var i in Enumerable.Range(round * 3, 3))
                {
                    runs.Add(await UploadAsync(a, i));
                }

                await WaitImportedAsync(b, runs);
            }

            var onB = runs.Count(RanOnB);
            Require(onB > 0, $"node B ran none of the {runs.Count} imports uploaded through A, so shared storage was not exercised");
            return $"{runs.Count} files uploaded through A, all imported; {onB} of them by node B, which read them from the shared folder";
        }

        private static bool RanOnB(int run) => File.ReadAllText(options.LogB).Contains($"Import run {run} started", StringComparison.Ordinal);

        private static async Task<int> UploadAsync(HttpClient a, int i)
        {
            var csv = "Id,Name,Website,BillingCountry\n" + string.Join('\n', Enumerable.Range(0, 20).Select(n => $"CLU{i:D2}{n:D3}0000000,Cluster Import {i}-{n},https://c{i}-{n}.example,Germany")) + "\n";
            using var content = new MultipartFormDataContent
            {
                { new StringContent("Salesforce"), "format" },
                { new StringContent("Accounts"), "entity" },
                { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "Account.csv" },
            };
            var upload = await a.PostAsync("/api/v1/imports", content);
            Require(upload.StatusCode == HttpStatusCode.Accepted, $"upload on A answered {(int)upload.StatusCode}: {await upload.Content.ReadAsStringAsync()}");
            return (await upload.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<int>();
        }

        private static async Task WaitImportedAsync(HttpClient b, IEnumerable<int> runs)
        {
            var watch = Stopwatch.StartNew();
            foreach (var run in runs)
            {
                while (true)
                {
                    var status = (await (await b.GetAsync($"/api/v1/imports/{run}")).Content.ReadFromJsonAsync<JsonNode>())!["status"]!.GetValue<string>();
                    if (status == "Completed")
                    {
                        break;
                    }

                    Require(status != "Failed", $"import {run} failed");
                    Require(watch.Elapsed < TimeSpan.FromSeconds(120), $"import {run} still {status} after 120 s");
                    await Task.Delay(300);
                }
            }
        }

        private static async Task<string> KillDuringTrafficAsync(Tokens tokens)
        {
            var tag = "cluster-kill-" + Guid.NewGuid().ToString("N")[..6];
            var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
            var outcomes = new System.Collections.Concurrent.ConcurrentBag<(TimeSpan At, bool Ok)>();
            using var cts = new CancellationTokenSource();
            var clock = Stopwatch.StartNew();
            var killedAt = TimeSpan.Zero;
            var writers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
            {
                using var proxy = Api(options.Proxy, tokens.Manager);
                for (var n = 0; !cts.IsCancellationRequested; n++)
                {
                    var name = $"{tag} {w}-{n}";
                    try
                    {
                        var response = await proxy.PostAsJsonAsync("/api/v1/accounts", new { name, country = "DE" });
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged.Add(name);
                        }

                        outcomes.Add((clock.Elapsed, response.StatusCode == HttpStatusCode.Created));
                    }
                    catch (HttpRequestException)
                    {
                        outcomes.Add((clock.Elapsed, false));
                    }
                }
            })).ToList();

            await Task.Delay(3_000);

            // A queues a mail (an advocate asked through A's API), and dies before its scheduler sends it.
            using var a = Api(options.NodeA, tokens.Manager);
            var (advocateId, _, email) = await AddAdvocateAsync("Orphan");
            var created = await (await a.PostAsJsonAsync("/api/v1/requests", new { prospectName = "Kill Prospect", activityType = "CaseStudyUse", neededBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30) })).Content.ReadFromJsonAsync<JsonNode>();
            var proposed = await a.PostAsJsonAsync($"/api/v1/requests/{created!["id"]!.GetValue<int>()}/participants", new { advocateIds = new[] { advocateId } });
            Require(proposed.IsSuccessStatusCode, $"proposing on A answered {(int)proposed.StatusCode}");
            KillNodeA();
            killedAt = clock.Elapsed;
            var sentBeforeKill = CountMails(options.OutboxA, email) > 0;

            await Task.Delay(8_000);
            await cts.CancelAsync();
            await Task.WhenAll(writers);

            await using var db = Db();
            var stored = (await db.Accounts.Where(x => x.Name.StartsWith(tag)).Select(x => x.Name).ToListAsync()).ToHashSet();
            var lost = acknowledged.Where(name => !stored.Contains(name)).ToList();
            var after = outcomes.Where(o => o.At > killedAt + TimeSpan.FromSeconds(2)).ToList();
            var failedAfter = after.Count(o => !o.Ok);
            Require(lost.Count == 0, $"{lost.Count} acknowledged writes are missing from the database");
            Require(after.Count > 20 && failedAfter == 0, $"after the kill (+2 s) {failedAfter} of {after.Count} writes through nginx failed");

            // The mail A queued: sent once, by B.
            var watch = Stopwatch.StartNew();
            (int A, int B) copies;
            while (true)
            {
                copies = (CountMails(options.OutboxA, email), CountMails(options.OutboxB, email));
                if (copies.A + copies.B > 0 || watch.Elapsed > TimeSpan.FromSeconds(120))
                {
                    break;
                }

                await Task.Delay(500);
            }

            await Task.Delay(TimeSpan.FromSeconds(options.MailIntervalSeconds * 3)); // a duplicate would show by now
            copies = (CountMails(options.OutboxA, email), CountMails(options.OutboxB, email));
            Require(copies.A + copies.B == 1, $"the mail A queued arrived {copies.A + copies.B} times");
            var who = sentBeforeKill || copies.A == 1 ? "A had already sent it before it died" : "B sent it";
            var before = outcomes.Count(o => o.At <= killedAt);
            var inFlight = outcomes.Count(o => o.At > killedAt && o.At <= killedAt + TimeSpan.FromSeconds(2) && !o.Ok);
            return $"{acknowledged.Count} writes acknowledged ({before} before the kill), all stored; {inFlight} failed in the 2 s after the kill, none after ({after.Count} through nginx to B); the mail queued on A was sent once ({who})";
        }

        // --- helpers ---------------------------------------------------------------------------------------------------

        private static EndorseDbContext Db()
        {
            var builder = new DbContextOptionsBuilder<EndorseDbContext>();
            new DatabaseSettings(DatabaseProvider.Postgres, options.Postgres).Apply(builder);
            return new EndorseDbContext(builder.Options);
        }

        private static HttpClient Api(string url, string token)
        {
            var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        private static HttpClient Browser(string url, CookieContainer cookies) =>
            new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };

        private static CookieContainer CopyCookies(CookieContainer from, string fromUrl, string toUrl)
        {
            var to = new CookieContainer();
            foreach (Cookie cookie in from.GetCookies(new Uri(fromUrl)))
            {
                to.Add(new Uri(toUrl), new Cookie(cookie.Name, cookie.Value, "/"));
            }

            return to;
        }

        private static async Task<int> AddAccountAsync(string name)
        {
            await using var db = Db();
            var account = new Account { Name = $"{name} {Guid.NewGuid().ToString("N")[..6]}", DisclosurePermission = DisclosurePermission.NamedPublic, SatisfactionKind = SatisfactionKind.Nps, SatisfactionScore = 50 };
            db.Accounts.Add(account);
            await db.SaveChangesAsync();
            return account.Id;
        }

        private static async Task<(int AdvocateId, int AccountId, string Email)> AddAdvocateAsync(string name, int? accountId = null)
        {
            var account = accountId ?? await AddAccountAsync(name + " Inc");
            await using var db = Db();
            var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@customer.example";
            var contact = new Contact { AccountId = account, FirstName = name, LastName = "Advocate", Email = email };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            var advocate = new Advocate { ContactId = contact.Id, AccountId = account, Status = AdvocateStatus.Active, ActivityTypes = ActivityTypeSet.Of(ActivityTypes.All), EnrolledAt = DateTimeOffset.UtcNow };
            db.Advocates.Add(advocate);
            await db.SaveChangesAsync();
            return (advocate.Id, account, email);
        }

        /// <summary>A request on A, the advocate proposed on A, the link's page opened on A and answered on B (accept, offering the slot).</summary>
        private static async Task<(int RequestId, int ParticipantId)> AcceptAsync(HttpClient a, HttpClient b, int advocateId, string email, string activityType, DateTime slot)
        {
            _ = b;
            var created = await a.PostAsJsonAsync("/api/v1/requests", new { prospectName = "Prospect " + Guid.NewGuid().ToString("N")[..4], activityType, neededBy = DateOnly.FromDateTime(slot).AddDays(30) });
            Require(created.StatusCode == HttpStatusCode.Created, $"creating a request answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
            var id = (await created.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<int>();
            var proposed = await a.PostAsJsonAsync($"/api/v1/requests/{id}/participants", new { advocateIds = new[] { advocateId } });
            Require(proposed.IsSuccessStatusCode, $"proposing answered {(int)proposed.StatusCode}: {await proposed.Content.ReadAsStringAsync()}");
            var participant = (await proposed.Content.ReadFromJsonAsync<JsonNode>())!["participants"]!.AsArray().First(p => p!["advocateId"]!.GetValue<int>() == advocateId)!["id"]!.GetValue<int>();
            var link = await LinkTokenAsync(email, id);
            var cookies = new CookieContainer();
            using var portalA = Browser(options.NodeA, cookies);
            var html = await portalA.GetStringAsync("/respond/" + link);
            var antiforgery = WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value);
            using var portalB = Browser(options.NodeB, CopyCookies(cookies, options.NodeA, options.NodeB));
            var answered = await portalB.PostAsync("/respond/" + link, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = antiforgery,
                ["answer"] = "accept",
                ["slot1"] = slot.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            }));
            Require(answered.StatusCode == HttpStatusCode.Redirect, $"answering the link (page from A) on B answered {(int)answered.StatusCode}");
            return (id, participant);
        }

        private static async Task<int> ParticipantAsync(int requestId)
        {
            await using var db = Db();
            return await db.RequestParticipants.Where(p => p.RequestId == requestId).Select(p => p.Id).FirstAsync();
        }

        private static Task<HttpResponseMessage> ScheduleAsync(HttpClient client, int requestId, int participantId, DateTime slot) =>
            client.PostAsJsonAsync($"/api/v1/requests/{requestId}/participants/{participantId}/schedule", new { slot = new DateTimeOffset(slot, TimeSpan.Zero) });

        private static async Task<string> LinkTokenAsync(string email, int requestId)
        {
            _ = requestId;
            await using var db = Db();
            var body = await db.OutboundMails.AsNoTracking().Where(m => m.To == email).OrderByDescending(m => m.Id).Select(m => m.TextBody).FirstAsync();
            var match = LinkPattern().Match(body);
            Require(match.Success, "no /respond/ link in the mail to " + email);
            return match.Groups[1].Value;
        }

        /// <summary>Whether the advocate is among the eligible of a reference-call ranking asked of this node.</summary>
        private static async Task<bool> RankedAsync(HttpClient node, int advocateId)
        {
            var response = await node.PostAsJsonAsync("/api/v1/matching/rank", new { criteria = new { activityType = "ReferenceCall" }, top = 200, excludedLimit = 1 });
            Require(response.IsSuccessStatusCode, $"ranking answered {(int)response.StatusCode}");
            var body = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
            Require(body["eligibleCount"]!.GetValue<int>() <= 200, "more than 200 eligible advocates: the check cannot see them all");
            return body["results"]!.AsArray().Any(r => r!["advocateId"]!.GetValue<int>() == advocateId);
        }

        /// <summary>Where an advocate stands in a node's ranking, for a failure's message.</summary>
        private static async Task<string> WhyAsync(HttpClient node, int advocateId)
        {
            var body = (await (await node.PostAsJsonAsync("/api/v1/matching/rank", new { criteria = new { activityType = "ReferenceCall" }, top = 200, excludedLimit = 200 })).Content.ReadFromJsonAsync<JsonNode>())!;
            var excluded = body["excluded"]!.AsArray().FirstOrDefault(e => e!["advocateId"]!.GetValue<int>() == advocateId);
            var ready = await node.GetStringAsync("/health/ready");
            return (excluded is null
                ? $"not among {body["eligibleCount"]} eligible nor {body["excludedCount"]} excluded"
                : "excluded: " + string.Join(" ", excluded["messages"]!.AsArray().Select(m => m!.GetValue<string>()))) + "; the node's /health/ready: " + ready;
        }

        private static async Task<Dictionary<string, (int A, int B)>> WaitForMailAsync(string tag, int expected, TimeSpan patience)
        {
            var watch = Stopwatch.StartNew();
            while (true)
            {
                var counts = new Dictionary<string, (int A, int B)>();
                foreach (var (folder, isA) in new[] { (options.OutboxA, true), (options.OutboxB, false) })
                {
                    foreach (var file in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.eml") : [])
                    {
                        var match = Regex.Match(File.ReadAllText(file), "^Subject: (" + Regex.Escape(tag) + " #\\d+)", RegexOptions.Multiline);
                        if (match.Success)
                        {
                            var c = counts.GetValueOrDefault(match.Groups[1].Value);
                            counts[match.Groups[1].Value] = isA ? (c.A + 1, c.B) : (c.A, c.B + 1);
                        }
                    }
                }

                if (counts.Count >= expected && watch.Elapsed > TimeSpan.FromSeconds(options.MailIntervalSeconds * 2) || watch.Elapsed > patience)
                {
                    return counts;
                }

                await Task.Delay(500);
            }
        }

        private static int CountMails(string folder, string to) =>
            Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.eml").Count(f => File.ReadAllText(f).Contains("To: " + to, StringComparison.OrdinalIgnoreCase) || File.ReadAllText(f).Contains("<" + to + ">", StringComparison.OrdinalIgnoreCase)) : 0;

        private static void KillNodeA()
        {
            var pid = int.Parse(File.ReadAllText(options.PidA).Trim(), CultureInfo.InvariantCulture);
            using var kill = Process.Start("kill", ["-9", pid.ToString(CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
            Console.WriteLine($"     kill -9 {pid} (node A)");
        }

        [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
        private static partial Regex AntiforgeryField();

        [GeneratedRegex(@"/respond/([A-Za-z0-9_\-]{43})")]
        private static partial Regex LinkPattern();
    }

    internal sealed record Options(string Postgres, string NodeA, string NodeB, string Proxy, string PidA, string LogB, string OutboxA, string OutboxB, double RefreshSeconds, double MailIntervalSeconds)
    {
        public static Options Parse(string[] args)
        {
            var map = new Dictionary<string, string>();
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                map[args[i].TrimStart('-')] = args[i + 1];
            }

            string Get(string key) => map.TryGetValue(key, out var value) ? value : throw new ArgumentException($"--{key} is required");
            return new Options(Get("postgres"), Get("node-a"), Get("node-b"), Get("proxy"), Get("pid-a"), Get("log-b"), Get("outbox-a"), Get("outbox-b"),
                double.Parse(map.GetValueOrDefault("refresh-seconds", "2"), CultureInfo.InvariantCulture),
                double.Parse(map.GetValueOrDefault("mail-interval-seconds", "3"), CultureInfo.InvariantCulture));
        }
    }
}
