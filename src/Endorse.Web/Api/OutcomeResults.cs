using System.Security.Claims;
using Endorse.Outcomes;
using Endorse.Users;

namespace Endorse.Web.Api;

/// <summary>Turns an <see cref="Outcome{T}"/> into HTTP: problem details for every failure, the refusal's sentence in a 409.</summary>
public static class OutcomeResults
{
    public static IResult From<T>(Outcome<T> outcome, Func<T, IResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(onSuccess);
        if (outcome.NotFound)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        if (outcome.Forbidden)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Your role may not do this.");
        }

        if (outcome.Errors is not null)
        {
            return TypedResults.ValidationProblem(outcome.Errors.ToDictionary(), title: "The request has invalid fields.");
        }

        if (outcome.Conflict is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible now", detail: outcome.Conflict);
        }

        return onSuccess(outcome.Value!);
    }

    /// <summary>The caller as the sourcing features see them.</summary>
    public static Actor ActorOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new Actor(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.Name, [.. Roles.All.Where(user.IsInRole)]);
    }

    public static IResult NotFound(string detail) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    /// <summary>The base URL of the request, for absolute links in exports.</summary>
    public static string BaseUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}
