using System.Net;
using Endorse.Security;
using Endorse.Users;
using Endorse.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Endorse.Web.Features.SignIn;

/// <summary>The sign-in form posts here; cookies must be written outside a Blazor circuit.</summary>
public static class SignInEndpoints
{
    public static void MapSignInEndpoints(this WebApplication app)
    {
        app.MapPost("/signin", SignInAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/signout", SignOutAsync).RequireAuthorization().ExcludeFromDescription()
            .WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
    }

    private static async Task<IResult> SignInAsync(
        HttpContext http,
        [FromForm] string? email,
        [FromForm] string? password,
        [FromForm] string? returnUrl,
        SignInManager<EndorseUser> signIn,
        UserManager<EndorseUser> users,
        SignInThrottle throttle,
        SignInAudit audit,
        ILogger<SignInThrottle> logger)
    {
        var target = ReturnUrl.Sanitize(returnUrl);
        var address = http.Connection.RemoteIpAddress;
        if (throttle.TakeAttempt(address) is { } addressWait)
        {
            logger.LogWarning("Sign-in refused: too many attempts from {Address}", address);
            return TooManyAttempts(http, addressWait, target);
        }

        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            return Again("missing", target);
        }

        email = email.Trim();
        var user = await users.FindByEmailAsync(email);
        if (throttle.AccountWait(email) is { } accountWait)
        {
            await audit.RecordAsync(SignInAudit.Throttled, user?.Id, email, address?.ToString(), "Too many failed sign-ins for this account", http.RequestAborted);
            return TooManyAttempts(http, accountWait, target);
        }

        if (user is null || !user.IsActive)
        {
            throttle.CountFailure(email);
            await audit.RecordAsync(SignInAudit.Failed, user?.Id, email, address?.ToString(), user is null ? "No user has this e-mail" : "The user is deactivated", http.RequestAborted);
            return Again("invalid", target);
        }

        var wasLockedOut = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in from {Address}", user.Id, address);
            return Results.LocalRedirect(target);
        }

        throttle.CountFailure(email);
        if (result.IsLockedOut)
        {
            if (!wasLockedOut)
            {
                await audit.RecordAsync(SignInAudit.LockedOut, user.Id, email, address?.ToString(), $"Locked for {users.Options.Lockout.DefaultLockoutTimeSpan.TotalMinutes:0} minutes after {users.Options.Lockout.MaxFailedAccessAttempts} failed sign-ins", http.RequestAborted);
            }
            else
            {
                await audit.RecordAsync(SignInAudit.Failed, user.Id, email, address?.ToString(), "The account is locked for a while", http.RequestAborted);
            }

            return Again("locked", target);
        }

        await audit.RecordAsync(SignInAudit.Failed, user.Id, email, address?.ToString(), "Wrong password", http.RequestAborted);
        return Again("invalid", target);
    }

    private static async Task<IResult> SignOutAsync(SignInManager<EndorseUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.LocalRedirect("/signin");
    }

    private static IResult Again(string error, string target) =>
        Results.LocalRedirect($"/signin?error={error}&returnUrl={Uri.EscapeDataString(target)}");

    /// <summary>429 with Retry-After, and a page a person reads (the form posted here without script).</summary>
    private static IResult TooManyAttempts(HttpContext http, TimeSpan wait, string target)
    {
        var seconds = SignInThrottle.Seconds(wait);
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var when = seconds < 90 ? $"{seconds} seconds" : $"{(int)Math.Ceiling(seconds / 60.0)} minutes";
        var back = WebUtility.HtmlEncode("/signin?returnUrl=" + Uri.EscapeDataString(target));
        var html = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>Too many sign-in attempts · Endorse</title>
            <link rel="stylesheet" href="/app.css" />
            </head>
            <body>
            <main class="signin">
            <section class="signin-card" aria-labelledby="signin-title">
            <h1 id="signin-title">Too many sign-in attempts</h1>
            <p class="form-error" role="alert">There were too many sign-in attempts. For your account's safety, try again in {when}.</p>
            <p>If you forgot your password, ask an administrator to set a new one.</p>
            <p><a href="{back}">Back to sign in</a></p>
            </section>
            </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: StatusCodes.Status429TooManyRequests);
    }
}
