using System.Net;
using System.Net.Http.Json;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.IntegrationTests.Users;
using Endorse.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Security;

/// <summary>Passwords: the policy on every path that sets one, and a user changing their own (page and API).</summary>
public sealed class PasswordTests
{
    private const string Password = "Test-password-1";
    private const string NewPassword = "Three unrelated words";

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Short_and_common_passwords_are_refused_everywhere_a_password_is_set(string database)
    {
        await using var app = new EndorseApp(database);
        var admin = await app.ClientForAsync(Roles.Administrator);
        var rep = await app.CreateUserAsync(Roles.SalesRep);
        var usersBefore = await app.CountAsync(db => db.Users.CountAsync());

        var shortOne = await (await admin.PostAsJsonAsync("/api/v1/users", new { email = "short@test.example", displayName = "S", roles = new[] { Roles.SalesRep }, password = "Sh0rt-pass" })).FieldErrorsAsync();
        Assert.Contains(shortOne["password"], m => m.Contains("at least 12 characters", StringComparison.Ordinal));

        // On the shipped list in lower case; refused whatever the case.
        var common = await (await admin.PostAsJsonAsync("/api/v1/users", new { email = "common@test.example", displayName = "C", roles = new[] { Roles.SalesRep }, password = "1QAZ2WSX3EDC" })).FieldErrorsAsync();
        Assert.Contains(common["password"], m => m.Contains("commonly used", StringComparison.Ordinal));

        var reset = await (await admin.PostAsJsonAsync($"/api/v1/users/{rep.Id}/password", new { password = "Qwerty123456" })).FieldErrorsAsync();
        Assert.Contains(reset["password"], m => m.Contains("commonly used", StringComparison.Ordinal));

        // No composition rules: a long passphrase in lower case with spaces is fine.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/users", new { email = "phrase@test.example", displayName = "P", roles = new[] { Roles.SalesRep }, password = "correct horse battery" })).StatusCode);
        Assert.Equal(usersBefore + 1, await app.CountAsync(db => db.Users.CountAsync()));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_user_changes_their_own_password_on_the_page_keeping_this_session_and_ending_the_others(string database)
    {
        var clock = new MovableClock();
        await using var app = new EndorseApp(database, clock: clock);
        var rep = await app.CreateUserAsync(Roles.SalesRep);
        var here = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var elsewhere = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await here.SignInAsync(rep.Email!, Password);
        await elsewhere.SignInAsync(rep.Email!, Password);

        // A wrong current password changes nothing and says so.
        var wrong = await PostChangeAsync(here, "Not-my-password-1", NewPassword, NewPassword);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var wrongPage = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("The current password is not right.", wrongPage, StringComparison.Ordinal);
        Assert.DoesNotContain(NewPassword, wrongPage, StringComparison.Ordinal);
        Assert.Contains(await app.AuditAsync(rep.Id), a => a.Action == "SignInFailed");

        var mismatch = await (await PostChangeAsync(here, Password, NewPassword, NewPassword + "!")).Content.ReadAsStringAsync();
        Assert.Contains("The two new passwords differ.", mismatch, StringComparison.Ordinal);
        var common = await (await PostChangeAsync(here, Password, "LeaveMeAlone", "LeaveMeAlone")).Content.ReadAsStringAsync();
        Assert.Contains("commonly used", common, StringComparison.Ordinal);
        Assert.DoesNotContain(await app.AuditAsync(rep.Id), a => a.Action == "PasswordChanged");

        var changed = await PostChangeAsync(here, Password, NewPassword, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.EndsWith("/profile/password?changed=true", changed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Your password is changed.", await here.GetStringAsync("/profile/password?changed=true"), StringComparison.Ordinal);
        var entry = Assert.Single(await app.AuditAsync(rep.Id), a => a.Action == "PasswordChanged");
        Assert.Equal(rep.Id, entry.UserId);
        Assert.DoesNotContain(NewPassword, entry.Changes ?? "", StringComparison.Ordinal);

        clock.Shift = TimeSpan.FromSeconds(61);
        Assert.Equal(HttpStatusCode.OK, await here.MeAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await elsewhere.MeAsync());

        using var fresh = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Contains("error=invalid", (await fresh.PostSignInAsync(rep.Email!, Password)).Headers.Location!.OriginalString, StringComparison.Ordinal);
        await fresh.SignInAsync(rep.Email!, NewPassword);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_user_changes_their_own_password_through_the_api_and_wrong_guesses_are_limited(string database)
    {
        await using var app = new EndorseApp(database, new Dictionary<string, string?> { ["RateLimits:SignInFailuresPerAccount"] = "3" });
        var rep = await app.CreateUserAsync(Roles.SalesRep);
        var api = app.ClientWithToken(await app.CreateTokenAsync(rep.Id));

        var invalid = await (await api.PostAsJsonAsync("/api/v1/users/me/password", new { currentPassword = Password, newPassword = "short" })).FieldErrorsAsync();
        Assert.Contains("newPassword", invalid.Keys);
        var same = await (await api.PostAsJsonAsync("/api/v1/users/me/password", new { currentPassword = Password, newPassword = Password })).FieldErrorsAsync();
        Assert.Contains(same["newPassword"], m => m.Contains("differ", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync("/api/v1/users/me/password", new { currentPassword = Password, newPassword = NewPassword })).StatusCode);
        Assert.Single(await app.AuditAsync(rep.Id), a => a.Action == "PasswordChanged");

        // The token keeps working; the old password does not.
        Assert.Equal(HttpStatusCode.OK, await api.MeAsync());
        for (var i = 0; i < 3; i++)
        {
            var wrong = await (await api.PostAsJsonAsync("/api/v1/users/me/password", new { currentPassword = Password, newPassword = "Another long passphrase" })).FieldErrorsAsync();
            Assert.Contains("currentPassword", wrong.Keys);
        }

        var limited = await api.PostAsJsonAsync("/api/v1/users/me/password", new { currentPassword = NewPassword, newPassword = "Another long passphrase" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Single(await app.AuditAsync(rep.Id), a => a.Action == "PasswordChanged");
    }

    private static async Task<HttpResponseMessage> PostChangeAsync(HttpClient client, string current, string next, string confirm)
    {
        var token = await client.FormTokenAsync("/profile/password");
        return await client.PostAsync("/profile/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = token,
            ["Form.CurrentPassword"] = current,
            ["Form.NewPassword"] = next,
            ["Form.ConfirmPassword"] = confirm,
        }));
    }
}
