using System.Security.Claims;
using Endorse.AccessTokens;
using Endorse.Listing;
using Endorse.Users;
using Endorse.Web.Api;
using Endorse.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Endorse.Web.Features.Users;

/// <summary>/api/v1/users: who am I (anyone), and user administration (administrators).</summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users");

        group.MapGet("/me", Me)
            .WithName("GetCurrentUser")
            .WithSummary("The signed-in user")
            .WithDescription("The user the token or cookie belongs to: id, display name, e-mail and roles.")
            .Produces<CurrentUser>();

        group.MapPost("/me/password", ChangeOwnPassword)
            .WithName("ChangeOwnPassword")
            .WithSummary("Change your own password")
            .WithDescription("Any signed-in user. Send `currentPassword` and `newPassword`; the new one needs at least " + PasswordPolicy.MinLength + " characters and must not be a commonly used password. " +
                "Your other sign-in sessions end within a minute (access tokens keep working). Wrong current passwords count as failed sign-ins: too many answer 429 with Retry-After. Audited (without passwords).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapGet("/", List)
            .RequireAuthorization(Policies.Administer)
            .WithName("ListUsers")
            .WithSummary("List users")
            .WithDescription("Administrators only. Pages of users; `search` matches the start of the display name or e-mail, `role` keeps users with that role, `active` their status. Sort: displayName (default), email, createdAt.")
            .Produces<Page<UserRow>>()
            .ProducesValidationProblem();

        group.MapGet("/{id}", Get)
            .RequireAuthorization(Policies.Administer)
            .WithName("GetUser")
            .WithSummary("Get a user")
            .WithDescription("Administrators only.")
            .Produces<UserDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", Create)
            .RequireAuthorization(Policies.Administer)
            .WithName("CreateUser")
            .WithSummary("Create a user")
            .WithDescription("Administrators only. The e-mail is the sign-in name; the initial password must pass the password rules (at least " + PasswordPolicy.MinLength + " characters, not a commonly used password). Roles: " + string.Join(", ", Roles.All) + ".")
            .Produces<UserDetails>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        group.MapPut("/{id}", Update)
            .RequireAuthorization(Policies.Administer)
            .WithName("UpdateUser")
            .WithSummary("Change a user's name, roles, sales area and CRM user id")
            .WithDescription("Administrators only. The roles sent replace the user's roles; each grant and removal is audited. An administrator can't remove their own Administrator role.")
            .Produces<UserDetails>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id}/deactivate", Deactivate)
            .RequireAuthorization(Policies.Administer)
            .WithName("DeactivateUser")
            .WithSummary("Deactivate a user")
            .WithDescription("Administrators only. A deactivated user can't sign in and their access tokens stop working. An administrator can't deactivate themselves.")
            .Produces<UserDetails>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id}/reactivate", Reactivate)
            .RequireAuthorization(Policies.Administer)
            .WithName("ReactivateUser")
            .WithSummary("Reactivate a user")
            .WithDescription("Administrators only.")
            .Produces<UserDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id}/password", ResetPassword)
            .RequireAuthorization(Policies.Administer)
            .WithName("ResetUserPassword")
            .WithSummary("Set a new password for a user")
            .WithDescription("Administrators only. The password must pass the password rules. Audited (without the password).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id}/tokens", Tokens)
            .RequireAuthorization(Policies.Administer)
            .WithName("ListUserTokens")
            .WithSummary("A user's access tokens")
            .WithDescription("Administrators only. Revoke one with DELETE /api/v1/tokens/{id}.")
            .Produces<IReadOnlyList<AccessTokenRow>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }

    /// <summary>The query of the users list.</summary>
    public sealed record UserListQuery(int? Page, int? PageSize, string? Sort, bool? Desc, string? Search, string? Role, bool? Active);

    internal static string ActorId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private static async Task<IResult> Me(ClaimsPrincipal principal, UserAdministration users, CancellationToken cancellationToken)
    {
        var me = await users.GetCurrentAsync(ActorId(principal), cancellationToken);
        return me is null ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found") : TypedResults.Ok(me);
    }

    private static async Task<IResult> ChangeOwnPassword(ChangePasswordInput input, HttpContext http, UserAdministration users, UserManager<EndorseUser> userManager, SignInManager<EndorseUser> signIn, SignInThrottle throttle, SignInAudit audit, CancellationToken cancellationToken)
    {
        var user = await userManager.GetUserAsync(http.User);
        if (user is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        if (throttle.AccountWait(user.Email) is { } wait)
        {
            var seconds = SignInThrottle.Seconds(wait);
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many wrong passwords", detail: $"Try again in {seconds} seconds.");
        }

        var result = await users.ChangeOwnPasswordAsync(user.Id, input, cancellationToken);
        if (result.Errors?.ToDictionary().TryGetValue("currentPassword", out var current) == true && current.Contains(UserAdministration.WrongCurrentPassword))
        {
            throttle.CountFailure(user.Email);
            await audit.RecordAsync(SignInAudit.Failed, user.Id, user.Email, http.Connection.RemoteIpAddress?.ToString(), "Wrong current password when changing the password", cancellationToken);
        }

        if (result.Succeeded && http.User.Identity?.AuthenticationType != AccessTokenAuthenticationHandler.SchemeName)
        {
            // Signed in with the cookie: keep this session, with the new security stamp.
            await signIn.RefreshSignInAsync((await userManager.FindByIdAsync(user.Id))!);
        }

        return ApiResults.From(result, _ => TypedResults.NoContent());
    }

    private static async Task<IResult> List([AsParameters] UserListQuery query, UserAdministration users, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(query.Role) && !Roles.All.Contains(query.Role, StringComparer.Ordinal))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = [$"Unknown role. Roles are: {string.Join(", ", Roles.All)}."] }, title: "The request has invalid fields.");
        }

        var request = new PageRequest(query.Page ?? 1, query.PageSize ?? 25, query.Sort, query.Desc ?? false, query.Search);
        return TypedResults.Ok(await users.ListAsync(request, query.Role, query.Active, cancellationToken));
    }

    private static async Task<IResult> Get(string id, UserAdministration users, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(id, cancellationToken);
        return user is null ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found") : TypedResults.Ok(user);
    }

    private static async Task<IResult> Create(CreateUserInput input, UserAdministration users, CancellationToken cancellationToken) =>
        ApiResults.From(await users.CreateAsync(input, cancellationToken), user => TypedResults.Created($"/api/v1/users/{user.Id}", user));

    private static async Task<IResult> Update(string id, UpdateUserInput input, ClaimsPrincipal principal, UserAdministration users, CancellationToken cancellationToken) =>
        ApiResults.From(await users.UpdateAsync(id, input, ActorId(principal), cancellationToken), TypedResults.Ok);

    private static async Task<IResult> Deactivate(string id, ClaimsPrincipal principal, UserAdministration users, CancellationToken cancellationToken) =>
        ApiResults.From(await users.SetActiveAsync(id, active: false, ActorId(principal), cancellationToken), TypedResults.Ok);

    private static async Task<IResult> Reactivate(string id, ClaimsPrincipal principal, UserAdministration users, CancellationToken cancellationToken) =>
        ApiResults.From(await users.SetActiveAsync(id, active: true, ActorId(principal), cancellationToken), TypedResults.Ok);

    private static async Task<IResult> ResetPassword(string id, ResetPasswordInput input, UserAdministration users, CancellationToken cancellationToken) =>
        ApiResults.From(await users.ResetPasswordAsync(id, input, cancellationToken), _ => TypedResults.NoContent());

    private static async Task<IResult> Tokens(string id, UserAdministration users, AccessTokenService tokens, CancellationToken cancellationToken)
    {
        if (await users.GetAsync(id, cancellationToken) is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        return TypedResults.Ok(await tokens.ListAsync(id, cancellationToken));
    }
}
