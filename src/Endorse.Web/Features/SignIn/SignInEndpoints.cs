using Endorse.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Endorse.Web.Features.SignIn;

/// <summary>The sign-in form posts here; cookies must be written outside a Blazor circuit.</summary>
public static class SignInEndpoints
{
    public static void MapSignInEndpoints(this WebApplication app)
    {
        app.MapPost("/signin", SignInAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/signout", SignOutAsync).RequireAuthorization().ExcludeFromDescription();
    }

    private static async Task<IResult> SignInAsync([FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl, SignInManager<EndorseUser> signIn, UserManager<EndorseUser> users)
    {
        var target = IsLocal(returnUrl) ? returnUrl! : "/";
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            return Results.LocalRedirect($"/signin?error=missing&returnUrl={Uri.EscapeDataString(target)}");
        }

        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || !user.IsActive)
        {
            return Results.LocalRedirect($"/signin?error=invalid&returnUrl={Uri.EscapeDataString(target)}");
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: true, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Results.LocalRedirect($"/signin?error=locked&returnUrl={Uri.EscapeDataString(target)}");
        }

        return result.Succeeded
            ? Results.LocalRedirect(target)
            : Results.LocalRedirect($"/signin?error=invalid&returnUrl={Uri.EscapeDataString(target)}");
    }

    private static async Task<IResult> SignOutAsync(SignInManager<EndorseUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.LocalRedirect("/signin");
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
