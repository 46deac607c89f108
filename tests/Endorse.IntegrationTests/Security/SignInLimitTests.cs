using System.Globalization;
using System.Net;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.IntegrationTests.Users;
using Endorse.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Security;

/// <summary>Sign-in: rate limits per account and per client address (429 + Retry-After), a time-bound lockout, audit, safe return URLs.</summary>
public sealed class SignInLimitTests
{
    private const string Password = "Test-password-1";

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Too_many_failed_sign_ins_for_one_account_answer_429_and_are_audited_while_other_accounts_sign_in(string database)
    {
        await using var app = new EndorseApp(database, new Dictionary<string, string?> { ["RateLimits:SignInFailuresPerAccount"] = "3" });
        var admin = await app.CreateUserAsync(Roles.Administrator);
        var other = await app.CreateUserAsync(Roles.SalesRep);
        using var attacker = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        for (var i = 0; i < 3; i++)
        {
            var wrong = await attacker.PostSignInAsync(admin.Email!, "Wrong-guess-number-" + i);
            Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);
            Assert.Contains("error=invalid", wrong.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        // Now even the right password is not tried: 429 with Retry-After and a page a person can read.
        var limited = await attacker.PostSignInAsync(admin.Email!.ToUpperInvariant(), Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 15 * 60);
        Assert.Equal("text/html", limited.Content.Headers.ContentType?.MediaType);
        var page = await limited.Content.ReadAsStringAsync();
        Assert.Contains("Too many sign-in attempts", page, StringComparison.Ordinal);
        Assert.Contains("try again in", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Set-Cookie", limited.Headers.ToString(), StringComparison.OrdinalIgnoreCase);

        // Another account from the same client is not affected.
        using var colleague = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await colleague.SignInAsync(other.Email!, Password);

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "SignIn" && a.EntityId == admin.Id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["SignInFailed", "SignInFailed", "SignInFailed", "SignInThrottled"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(admin.Email, a.UserName, ignoreCase: true));
        Assert.All(audit, a => Assert.DoesNotContain(Password, a.Changes ?? "", StringComparison.Ordinal));
        Assert.Contains("Wrong password", audit[0].Changes, StringComparison.Ordinal);

        // The account is not locked in the database: the limit lifts by itself as its window slides on.
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == admin.Id).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Unknown_accounts_are_failures_too_and_one_address_is_limited_across_accounts(string database)
    {
        await using var app = new EndorseApp(database, new Dictionary<string, string?> { ["RateLimits:SignInPerAddressPerMinute"] = "4" });
        var rep = await app.CreateUserAsync(Roles.SalesRep);
        using var sprayer = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await sprayer.PostSignInAsync($"nobody{i}@test.example", "Some-guess-1234")).StatusCode);
        }

        var limited = await sprayer.PostSignInAsync(rep.Email!, Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.Contains("Retry-After"));
        var unknown = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().CountAsync(a => a.Action == "SignInFailed" && a.EntityId == "" && a.UserName!.StartsWith("nobody")));
        Assert.Equal(4, unknown);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_stored_lockout_is_time_bound_audited_and_lifted_by_a_password_reset(string database)
    {
        // With the in-memory account limit out of the way, Identity's stored lockout (which holds across nodes) acts.
        await using var app = new EndorseApp(database, new Dictionary<string, string?> { ["RateLimits:SignInFailuresPerAccount"] = "1000", ["RateLimits:SignInPerAddressPerMinute"] = "1000" });
        var admin = await app.ClientForAsync(Roles.Administrator);
        var rep = await app.CreateUserAsync(Roles.SalesRep);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        for (var i = 0; i < 20; i++)
        {
            await client.PostSignInAsync(rep.Email!, "Wrong-guess-number-" + i);
        }

        var locked = await client.PostSignInAsync(rep.Email!, Password);
        Assert.Contains("error=locked", locked.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var lockoutEnd = await app.WithDbAsync(db => db.Users.Where(u => u.Id == rep.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
        Assert.InRange(lockoutEnd!.Value, DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(16));
        Assert.Single(await app.AuditAsync(rep.Id), a => a.Action == "SignInLockedOut");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/users/{rep.Id}/password", System.Net.Http.Json.JsonContent.Create(new { password = "A-fresh-passphrase-7" }))).StatusCode);
        await client.SignInAsync(rep.Email!, "A-fresh-passphrase-7");
    }

    [Theory]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("/\n/evil.example", "/")]
    [InlineData("/accounts\r\nSet-Cookie: x=1", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("/accounts?search=ab%09c", "/accounts?search=ab%09c")]
    [InlineData("/requests/12", "/requests/12")]
    public async Task After_sign_in_any_return_url_is_a_safe_local_redirect(string returnUrl, string expected)
    {
        await using var app = new EndorseApp(TestDatabases.Sqlite);
        var rep = await app.CreateUserAsync(Roles.SalesRep);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.PostSignInAsync(rep.Email!, Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);

        // The form keeps only a safe value too.
        var form = await app.CreateClient().GetStringAsync("/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Contains($"name=\"returnUrl\" value=\"{System.Net.WebUtility.HtmlEncode(expected)}\"", form, StringComparison.Ordinal);
    }
}
