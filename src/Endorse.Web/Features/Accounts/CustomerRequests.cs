using System.Security.Claims;
using System.Text.Json;
using Endorse.Accounts;
using Microsoft.Extensions.Options;

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

    /// <summary>
    /// Reads a JSON body, turning a value of the wrong type or an unknown enum name into a field error
    /// (400 problem details naming the field) instead of a bare "bad request".
    /// </summary>
    public static async Task<(T? Value, IResult? Problem)> ReadBodyAsync<T>(HttpRequest request)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the body as application/json."));
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, request.HttpContext.RequestAborted);
            return value is null
                ? (null, Invalid("body", "A JSON object is required."))
                : (value, null);
        }
        catch (JsonException exception)
        {
            var field = FieldName(exception.Path);
            return (null, Invalid(field, field == "body" ? "The body is not valid JSON." : "The value has the wrong type or is not one of the allowed values."));
        }
    }

    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request has invalid fields.");

    private static string FieldName(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        var name = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return name.Length == 0 ? "body" : name;
    }
}
