using System.Net;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.IntegrationTests.Readiness;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Hygiene;

public class HygieneApiTests
{
    private static DateOnly Today => SourcingTestData.Today;

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Answers_build_a_history_of_progress_and_bad_answers_change_nothing(string database)
    {
        await using var app = new EndorseApp(database);
        var manager = await app.ClientForAsync(Roles.ReferenceManager);

        var empty = await (await manager.GetAsync("/api/v1/hygiene")).ReadJsonAsync();
        Assert.Equal(6, empty["questions"]!.AsArray().Count);
        Assert.All(empty["questions"]!.AsArray(), q => Assert.Null(q!["current"]));

        Assert.Equal(HttpStatusCode.Created, (await manager.PostJsonAsync("/api/v1/hygiene/answers", new { question = "ExecutiveSponsorship", answer = "No", evidence = "CEO has not mentioned references this year.", answeredOn = Today.AddDays(-60) })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJsonAsync("/api/v1/hygiene/answers", new { question = "AdvocacyKit", answer = "Partly", evidence = "A draft kit exists.", answeredOn = Today.AddDays(-60) })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJsonAsync("/api/v1/hygiene/answers", new { question = "ExecutiveSponsorship", answer = "Yes", evidence = "CEO opened the sales kick-off with two customer stories." })).StatusCode);

        var overview = await (await manager.GetAsync("/api/v1/hygiene")).ReadJsonAsync();
        var sponsorship = overview["questions"]!.AsArray().Single(q => (string)q!["question"]! == "ExecutiveSponsorship")!;
        Assert.Equal("Yes", (string)sponsorship["current"]!["answer"]!);
        Assert.Equal(1.5, (double)overview["score"]!);
        Assert.Equal([0.5, 1.5], overview["progress"]!.AsArray().Select(p => (double)p!["score"]!));

        // Bad answers are refused and change nothing.
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostJsonAsync("/api/v1/hygiene/answers", new { question = "AdvocacyKit", answer = "Yes" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostJsonAsync("/api/v1/hygiene/answers", new { question = "AdvocacyKit", answer = "Yes", evidence = "x", answeredOn = Today.AddDays(3) })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.SendRawJsonAsync(HttpMethod.Post, "/api/v1/hygiene/answers", """{"question":"Mood","answer":"Yes","evidence":"x"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(Roles.SalesRep)).PostJsonAsync("/api/v1/hygiene/answers", new { question = "AdvocacyKit", answer = "Yes", evidence = "x" })).StatusCode);
        Assert.Equal(3, await app.WithDbAsync(db => db.HygieneAnswers.CountAsync()));
        Assert.Equal(3, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "HygieneAnswer")));

        var history = await (await manager.GetAsync("/api/v1/hygiene/answers?question=ExecutiveSponsorship")).ReadJsonAsync();
        Assert.Equal(["Yes", "No"], history["items"]!.AsArray().Select(a => (string)a!["answer"]!));
        Assert.Contains("CEO opened the sales kick-off", await manager.GetStringAsync("/api/v1/hygiene/answers/export.csv"), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_advocacy_kit_is_edited_and_downloads_as_a_printable_page(string database)
    {
        await using var app = new EndorseApp(database);
        var marketing = await app.ClientForAsync(Roles.Marketing);
        var rep = await app.ClientForAsync(Roles.SalesRep);

        var kit = await (await rep.GetAsync("/api/v1/hygiene/advocacy-kit")).ReadJsonAsync();
        Assert.True((bool)kit["isDefault"]!);
        Assert.Contains("<h2", (string)kit["html"]!, StringComparison.Ordinal);
        Assert.False((bool)kit["mayEdit"]!);

        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PutJsonAsync("/api/v1/hygiene/advocacy-kit", new { title = "Mine", body = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await marketing.PutJsonAsync("/api/v1/hygiene/advocacy-kit", new { title = "Ask well", body = "" })).StatusCode);
        var saved = await marketing.PutJsonAsync("/api/v1/hygiene/advocacy-kit", new { title = "Ask well", body = "## Who to ask\n\n- Happy, longstanding customers\n\n<script>alert(1)</script>" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var savedKit = await saved.ReadJsonAsync();
        Assert.DoesNotContain("<script>", (string)savedKit["html"]!, StringComparison.Ordinal);
        var stale = await marketing.PutJsonAsync("/api/v1/hygiene/advocacy-kit", new { title = "Older", body = "x", updatedAt = DateTimeOffset.UtcNow.AddDays(-1) });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var download = await rep.GetAsync("/api/v1/hygiene/advocacy-kit.html");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/html", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("advocacy-kit.html", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        var page = await download.Content.ReadAsStringAsync();
        Assert.Contains("<title>Ask well</title>", page, StringComparison.Ordinal);
        Assert.Contains("Happy, longstanding customers", page, StringComparison.Ordinal);
        Assert.Contains("@media print", page, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "AdvocacyKit")));
    }
}
