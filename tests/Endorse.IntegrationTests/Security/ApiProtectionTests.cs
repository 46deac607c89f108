using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.IntegrationTests.Users;
using Endorse.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Security;

/// <summary>The API: rate-limited per token; cookie-authenticated writes need the antiforgery header, token writes do not.</summary>
public sealed class ApiProtectionTests
{
    private const string Password = "Test-password-1";

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Each_token_has_its_own_request_budget_and_over_it_gets_429_with_retry_after(string database)
    {
        await using var app = new EndorseApp(database, new Dictionary<string, string?> { ["RateLimits:ApiRequestsPerMinute"] = "5" });
        var first = await app.ClientForAsync(Roles.SalesRep);
        var second = await app.ClientForAsync(Roles.SalesRep);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/accounts")).StatusCode);
        }

        var limited = await first.GetAsync("/api/v1/accounts");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var problem = await limited.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        Assert.Equal("429", problem!["status"].ToString());
        Assert.Contains("5 API requests a minute", problem["detail"].ToString(), StringComparison.Ordinal);

        // A write over the limit changes nothing.
        var sectorsBefore = await app.CountAsync(db => db.Sectors.CountAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.PostAsJsonAsync("/api/v1/sectors", new { name = "Over the limit" })).StatusCode);
        Assert.Equal(sectorsBefore, await app.CountAsync(db => db.Sectors.CountAsync()));

        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/accounts")).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_cookie_write_without_the_antiforgery_header_is_refused_and_changes_nothing(string database)
    {
        await using var app = new EndorseApp(database);
        var manager = await app.CreateUserAsync(Roles.ReferenceManager);
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await browser.SignInAsync(manager.Email!, Password);
        var sectorsBefore = await app.CountAsync(db => db.Sectors.CountAsync());
        var importsBefore = await app.CountAsync(db => db.ImportRuns.CountAsync());

        // What a cross-site page can send with the victim's cookie: JSON, a form, a multipart upload; none has the header.
        var json = await browser.PostAsJsonAsync("/api/v1/sectors", new { name = "Planted by another site" });
        Assert.Equal(HttpStatusCode.Forbidden, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
        Assert.Contains("RequestVerificationToken", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var form = await browser.PostAsync("/api/v1/sectors", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "Planted by a form" }));
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent("Id,Name\n001,Acme\n"u8.ToArray()), "file", "Account.csv" },
            { new StringContent("Salesforce"), "format" },
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.PostAsync("/api/v1/imports", upload)).StatusCode);

        // A made-up token in the header is refused too.
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sectors") { Content = JsonContent.Create(new { name = "Forged" }) };
        forged.Headers.Add("RequestVerificationToken", "forged");
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.SendAsync(forged)).StatusCode);

        Assert.Equal(sectorsBefore, await app.CountAsync(db => db.Sectors.CountAsync()));
        Assert.Equal(importsBefore, await app.CountAsync(db => db.ImportRuns.CountAsync()));

        // Reading with the cookie (the pages' CSV exports) still works.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/sectors/export.csv")).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_token_write_works_and_a_cookie_write_with_the_antiforgery_header_works(string database)
    {
        await using var app = new EndorseApp(database);
        var manager = await app.CreateUserAsync(Roles.ReferenceManager);
        var token = app.ClientWithToken(await app.CreateTokenAsync(manager.Id));

        Assert.Equal(HttpStatusCode.Created, (await token.PostAsJsonAsync("/api/v1/sectors", new { name = "By token" })).StatusCode);

        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await browser.SignInAsync(manager.Email!, Password);
        var antiforgery = await browser.FormTokenAsync("/signout-confirm");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sectors") { Content = JsonContent.Create(new { name = "By page script" }) };
        request.Headers.Add("RequestVerificationToken", antiforgery);
        Assert.Equal(HttpStatusCode.Created, (await browser.SendAsync(request)).StatusCode);

        Assert.Equal(2, await app.CountAsync(db => db.Sectors.CountAsync(s => s.Name == "By token" || s.Name == "By page script")));
    }
}
