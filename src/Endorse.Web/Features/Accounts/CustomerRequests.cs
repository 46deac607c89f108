using System.Security.Claims;
using Endorse.Accounts;

namespace Endorse.Web.Features.Accounts;

/// <summary>Request plumbing shared by the account and contact endpoints and pages.</summary>
public static class CustomerRequests
{
    /// <summary>The caller as the account rules see them.</summary>
    public static CustomerActor Actor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new CustomerActor(user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Reads a JSON body through the API's one body reader (<see cref="Api.JsonBody"/>).</summary>
    public static Task<(T? Value, IResult? Problem)> ReadBodyAsync<T>(HttpRequest request)
        where T : class => Api.JsonBody.ReadAsync<T>(request);

    public static IResult Invalid(string field, string message) => Api.JsonBody.Invalid(field, message);
}
