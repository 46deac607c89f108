using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.IntegrationTests.Requests;
using Endorse.Listing;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Api;

/// <summary>
/// Bad input answers a clear 4xx problem detail and changes nothing: the search of every list and export, and the
/// JSON bodies of the participant steps (and through them the one body reader every endpoint shares).
/// </summary>
public sealed class InputRefusalTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Every_list_and_export_refuses_a_search_with_control_characters_or_too_long_before_it_starts(string database)
    {
        await using var app = new EndorseApp(database);
        var admin = await app.ClientForAsync(Roles.Administrator);
        await app.AddAccountAsync("Acme");
        var document = JsonNode.Parse(await admin.GetStringAsync("/openapi/v1.json"))!;

        // Every GET operation with a `search` parameter, found in the OpenAPI document (a new list is covered too).
        var searchable = document["paths"]!.AsObject()
            .Where(p => p.Value!["get"]?["parameters"]?.AsArray().Any(x => string.Equals((string?)x!["name"], "search", StringComparison.OrdinalIgnoreCase)) == true)
            .Select(p => p.Key.Replace("{id}", "1", StringComparison.Ordinal))
            .ToList();
        Assert.Contains("/api/v1/accounts", searchable);
        Assert.Contains("/api/v1/contacts/export.csv", searchable);
        Assert.True(searchable.Count >= 14, string.Join(", ", searchable));

        foreach (var path in searchable)
        {
            foreach (var (search, message) in new[]
            {
                ("a%00b", "The search must not contain a NUL character."),
                ("%01x", "The search must not contain control characters (found U+0001)."),
                ("a%09b", "The search must not contain control characters (found U+0009)."),
                (new string('m', InputText.MaxSearchLength + 1), $"The search must be at most {InputText.MaxSearchLength} characters."),
            })
            {
                var response = await admin.GetAsync($"{path}?search={search}");
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}?search={search[..Math.Min(10, search.Length)]}: {response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                var problem = await response.ReadJsonAsync();
                Assert.Equal(message, (string?)problem["errors"]!["search"]![0]);
            }

            // A plain search still works, accents and case ignored where the list says so.
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"{path}?search=ac")).StatusCode);
        }

        var accounts = await (await admin.GetAsync("/api/v1/accounts?search=ACM")).ReadJsonAsync();
        Assert.Equal(1, (int)accounts["total"]!);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_search_reaches_the_database_as_a_parameter_so_every_search_shares_one_query(string database)
    {
        await using var app = new EndorseApp(database);
        await app.ClientForAsync(Roles.Administrator);
        var (first, second) = await app.WithDbAsync(db => Task.FromResult((
            db.Accounts.WherePrefix(a => a.NameSearch, "acme").ToQueryString(),
            db.Accounts.WherePrefix(a => a.NameSearch, "o'brien").ToQueryString())));

        // The SQL text (after the parameters' declarations) is the same for both searches and holds neither of them.
        static string Sql(string text) => string.Join("\n", text.Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal) && !l.StartsWith("-- @", StringComparison.Ordinal)));
        Assert.Equal(Sql(first), Sql(second));
        Assert.DoesNotContain("acme", Sql(first), StringComparison.Ordinal);
        Assert.DoesNotContain("brien", Sql(second), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Malformed_bodies_on_the_participant_steps_answer_problem_details_and_change_nothing(string database)
    {
        await using var app = new EndorseApp(database);
        var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var owner = await app.CreateUserAsync(Roles.SalesRep);
        var (advocate, _, _) = await app.AddAdvocateAsync(owner.Id);
        var id = (int)(await (await manager.PostJsonAsync("/api/v1/requests", new { prospectName = "Globex", activityType = "ReferenceCall", neededBy = RequestTestData.Today.AddDays(20) })).ReadJsonAsync())["id"]!;
        var pid = (int)(await (await manager.PostJsonAsync($"/api/v1/requests/{id}/participants", new { advocateIds = new[] { advocate } })).ReadJsonAsync())["participants"]![0]!["id"]!;
        var before = await StateAsync(app);

        var bodies = new (string Label, string ContentType, string Body, HttpStatusCode Status, string? Field)[]
        {
            ("null", "application/json", "null", HttpStatusCode.BadRequest, "body"),
            ("an array", "application/json", "[]", HttpStatusCode.BadRequest, "body"),
            ("a string", "application/json", "\"x\"", HttpStatusCode.BadRequest, "body"),
            ("malformed JSON", "application/json", "{\"reason\":", HttpStatusCode.BadRequest, "body"),
            ("an empty body", "application/json", "", HttpStatusCode.BadRequest, "body"),
            ("an unknown enum name", "application/json", "{\"reason\":\"Bored\"}", HttpStatusCode.BadRequest, "reason"),
            ("a number out of range", "application/json", "{\"rating\":99999999999}", HttpStatusCode.BadRequest, "rating"),
            ("an invalid date", "application/json", "{\"slot\":\"2026-13-45T10:00:00Z\"}", HttpStatusCode.BadRequest, "slot"),
            ("a date at the end of the calendar", "application/json", "{\"slot\":\"9999-12-31T23:00:00Z\"}", HttpStatusCode.BadRequest, "slot"),
            ("a NUL in a string", "application/json", "{\"reason\":\"Other\",\"note\":\"a\\u0000b\"}", HttpStatusCode.BadRequest, "note"),
            ("half a surrogate pair", "application/json", "{\"comment\":\"\\ud800\",\"rating\":3}", HttpStatusCode.BadRequest, "comment"),
            ("plain text", "text/plain", "{}", HttpStatusCode.UnsupportedMediaType, null),
        };
        foreach (var action in new[] { "block", "complete", "advocate-feedback", "schedule" })
        {
            foreach (var (label, contentType, body, status, field) in bodies)
            {
                using var content = new StringContent(body, Encoding.UTF8);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
                var response = await manager.PostAsync($"/api/v1/requests/{id}/participants/{pid}/{action}", content);
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == status || (field is not null && field != "body" && response.StatusCode == HttpStatusCode.Conflict && !Named(action, field)),
                    $"{action} with {label}: {response.StatusCode} {text}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                if (response.StatusCode == HttpStatusCode.BadRequest && field is not null && Named(action, field))
                {
                    Assert.True(JsonNode.Parse(text)!["errors"]?[field] is not null, $"{action} with {label} names no field '{field}': {text}");
                }
            }
        }

        Assert.Equal(before, await StateAsync(app));
    }

    /// <summary>Whether the step's body has the field (a field it does not have is ignored, and the step answers on its state).</summary>
    private static bool Named(string action, string field) => (action, field) switch
    {
        ("block", "reason" or "note") => true,
        ("complete", "comment") => true,
        ("advocate-feedback", "rating" or "comment") => true,
        ("schedule", "slot") => true,
        _ => false,
    };

    private static Task<string> StateAsync(EndorseApp app) => app.WithDbAsync(async db =>
    {
        var participants = await db.RequestParticipants.AsNoTracking().OrderBy(p => p.Id).Select(p => $"{p.Id}:{p.Status}:{p.UpdatedAt.ToUnixTimeMilliseconds()}").ToListAsync();
        var requests = await db.ReferenceRequests.AsNoTracking().OrderBy(r => r.Id).Select(r => $"{r.Id}:{r.Status}:{r.UpdatedAt.ToUnixTimeMilliseconds()}").ToListAsync();
        return string.Join(",", participants) + "|" + string.Join(",", requests) + "|" + await db.RequestEvents.CountAsync() + "|" + await db.OutboundMails.CountAsync() + "|" + await db.AdvocacyActivities.CountAsync();
    });
}
