using System.Security.Claims;
using Endorse.Users;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Endorse.Web.Auth;

/// <summary>
/// Sessions end when access ends. Deactivating, deleting, changing the roles of or resetting the password of a user
/// changes their security stamp; every <see cref="SecuritySettings.SessionCheckInterval"/> (a minute by default) the
/// sign-in cookie and each open interactive page compare the stamp they were issued with, and the user's active state,
/// with the database, and sign the user out when either differs.
/// </summary>
public static class Sessions
{
    public static IServiceCollection AddEndorseSessions(this IServiceCollection services, SecuritySettings settings)
    {
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((options, clock) =>
        {
            options.ValidationInterval = settings.SessionCheckInterval;
            options.TimeProvider = clock;
        });
        services.AddScoped<ISecurityStampValidator, ActiveUserSecurityStampValidator>();
        services.AddScoped<AuthenticationStateProvider, RevalidatingUserStateProvider>();
        return services;
    }

    /// <summary>Whether the principal's user still exists, is active, and carries the user's current security stamp.</summary>
    public static async Task<bool> IsCurrentAsync(UserManager<EndorseUser> users, ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(users);
        var user = await users.GetUserAsync(principal);
        if (user is null || !user.IsActive)
        {
            return false;
        }

        var stamp = principal.FindFirstValue(users.Options.ClaimsIdentity.SecurityStampClaimType);
        return !users.SupportsUserSecurityStamp || string.Equals(stamp, await users.GetSecurityStampAsync(user), StringComparison.Ordinal);
    }
}

/// <summary>Identity's cookie check of the security stamp, which also refuses a deactivated user (as the token path does).</summary>
public sealed class ActiveUserSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options,
    SignInManager<EndorseUser> signInManager,
    ILoggerFactory logger)
    : SecurityStampValidator<EndorseUser>(options, signInManager, logger)
{
    protected override async Task<EndorseUser?> VerifySecurityStamp(ClaimsPrincipal? principal)
    {
        var user = await base.VerifySecurityStamp(principal);
        return user is { IsActive: true } ? user : null;
    }
}

/// <summary>
/// The authentication state of an interactive (Blazor Server) page, re-checked every session-check interval: when the
/// user is deactivated, deleted or their stamp changed, the page's user becomes anonymous and the router sends them to
/// sign in.
/// </summary>
public sealed class RevalidatingUserStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, SecuritySettings settings)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => settings.SessionCheckInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (authenticationState.User.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        return await Sessions.IsCurrentAsync(scope.ServiceProvider.GetRequiredService<UserManager<EndorseUser>>(), authenticationState.User);
    }
}
