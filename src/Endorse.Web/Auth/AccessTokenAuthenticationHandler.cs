using System.Security.Claims;
using System.Text.Encodings.Web;
using Endorse.AccessTokens;
using Endorse.Data;
using Endorse.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Endorse.Web.Auth;

/// <summary>Authenticates <c>Authorization: Bearer edr_…</c> against the stored hashes of personal access tokens.</summary>
public sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    EndorseDbContext db,
    IUserClaimsPrincipalFactory<EndorseUser> principals,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (!AccessTokenSecret.LooksValid(token))
        {
            return AuthenticateResult.Fail("The access token is malformed.");
        }

        var hash = AccessTokenSecret.Hash(token);
        var now = clock.GetUtcNow();
        var stored = await db.AccessTokens.FirstOrDefaultAsync(t => t.TokenHash == hash);
        if (stored is null || !stored.IsUsableAt(now))
        {
            return AuthenticateResult.Fail("The access token is unknown, revoked or expired.");
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == stored.UserId);
        if (user is null || !user.IsActive)
        {
            return AuthenticateResult.Fail("The access token's user is disabled.");
        }

        // Record use at most once a minute so a busy integration does not write on every call.
        if (stored.LastUsedAt is null || now - stored.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await db.AccessTokens.Where(t => t.Id == stored.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now));
        }

        var principal = await principals.CreateAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim("token_id", stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(principal.Claims, SchemeName)), SchemeName));
    }
}
