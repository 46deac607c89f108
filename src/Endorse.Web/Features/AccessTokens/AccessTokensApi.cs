using System.Security.Claims;
using Endorse.AccessTokens;
using Endorse.Users;
using Endorse.Web.Api;
using Endorse.Web.Features.Users;

namespace Endorse.Web.Features.AccessTokens;

/// <summary>/api/v1/tokens: the caller's own personal access tokens.</summary>
public static class AccessTokensApi
{
    public static RouteGroupBuilder MapAccessTokensApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tokens").WithTags("Access tokens");

        group.MapGet("/", List)
            .WithName("ListAccessTokens")
            .WithSummary("Your access tokens")
            .WithDescription("The caller's own tokens, newest first: name, the first characters of the token, created, expires, last used and status. Never the token itself.")
            .Produces<IReadOnlyList<AccessTokenRow>>();

        group.MapPost("/", Create)
            .WithName("CreateAccessToken")
            .WithSummary("Create an access token")
            .WithDescription("Creates a token for the caller. `expiresInDays` is 30, 90, 365 or null (no expiry). The answer holds the token in `token`: it is shown this once and only its hash is stored. The token acts with the caller's roles.")
            .Produces<CreatedAccessToken>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        group.MapDelete("/{id:int}", Revoke)
            .WithName("RevokeAccessToken")
            .WithSummary("Revoke an access token")
            .WithDescription("Revokes one of the caller's tokens (administrators: anyone's). It stops working at once. Revoking a revoked token changes nothing.")
            .Produces<AccessTokenRow>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    private static async Task<IResult> List(ClaimsPrincipal principal, AccessTokenService tokens, CancellationToken cancellationToken) =>
        TypedResults.Ok(await tokens.ListAsync(UsersApi.ActorId(principal), cancellationToken));

    private static async Task<IResult> Create(CreateAccessTokenInput input, ClaimsPrincipal principal, AccessTokenService tokens, CancellationToken cancellationToken) =>
        ApiResults.From(await tokens.CreateAsync(UsersApi.ActorId(principal), input, cancellationToken), created => TypedResults.Created($"/api/v1/tokens/{created.Details.Id}", created));

    private static async Task<IResult> Revoke(int id, ClaimsPrincipal principal, AccessTokenService tokens, CancellationToken cancellationToken) =>
        ApiResults.From(await tokens.RevokeAsync(id, UsersApi.ActorId(principal), principal.IsInRole(Roles.Administrator), cancellationToken), TypedResults.Ok);
}
