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
    AccessTokenCache tokens)
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

        // Recently authenticated tokens come from this node's cache (see AccessTokenCache for how changes reach it).
        var check = await tokens.AuthenticateAsync(AccessTokenSecret.Hash(token), db, principals, Context.RequestAborted);
        return check.Claims is { } claims
            ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName))
            : AuthenticateResult.Fail(check.Failure!);
    }
}
