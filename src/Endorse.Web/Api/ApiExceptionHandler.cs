using System.Text.Json;
using System.Text.RegularExpressions;
using Endorse.Data;
using Endorse.Listing;
using Microsoft.AspNetCore.Diagnostics;

namespace Endorse.Web.Api;

/// <summary>
/// Turns the exceptions that mean "the request was bad" or "someone else changed it meanwhile" into problem details
/// (RFC 9457) instead of a 500, for every endpoint at once: a body or query value the framework could not bind (400
/// naming the field), a concurrency token that no longer matched (409), a unique key taken or a row deleted at the
/// same moment (409), a value the database cannot hold (400). Each of these happens inside the write's one
/// transaction, so nothing was changed. Anything else stays a 500.
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        var result = exception is BadHttpRequestException bad ? FromBadRequest(bad) : FromDatabase(exception);
        if (result is null)
        {
            return false;
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>The problem detail of a binding failure: which parameter or field, and why, without the code's type names.</summary>
    public static IResult FromBadRequest(BadHttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.InnerException is JsonException json)
        {
            var (field, message) = JsonBody.Describe(json);
            return JsonBody.Invalid(field, message);
        }

        switch (exception.StatusCode)
        {
            case StatusCodes.Status415UnsupportedMediaType:
                return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the body as application/json.");
            case StatusCodes.Status413PayloadTooLarge:
                return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The body is too large.");
            default:
                break;
        }

        var parameter = ParameterName().Match(exception.Message);
        if (parameter.Success)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Groups["name"].Value);
            var message = exception.Message.Contains("request body", StringComparison.Ordinal) || exception.Message.Contains("from body", StringComparison.Ordinal)
                ? "A JSON object is required."
                : exception.Message.StartsWith("Required", StringComparison.Ordinal)
                    ? "A value is required."
                    : "Not a valid value" + (BoundValue().Match(exception.Message) is { Success: true } value ? $": '{Shorten(value.Groups["value"].Value)}'." : ".");
            return JsonBody.Invalid(message == "A JSON object is required." ? "body" : name, message);
        }

        if (exception.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            return JsonBody.Invalid("body", "A JSON object is required.");
        }

        return TypedResults.Problem(statusCode: exception.StatusCode, title: "The request is not valid.");
    }

    private IResult? FromDatabase(Exception exception)
    {
        var kind = DatabaseErrors.Classify(exception);
        if (kind == DatabaseErrorKind.Other)
        {
            return null;
        }

        // Each of these is answered, but a validator or a re-check in the transaction should have caught it first.
        logger.LogWarning(exception, "A write was refused by the database ({Kind})", kind);
        return kind switch
        {
            DatabaseErrorKind.ChangedMeanwhile => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Changed by someone else",
                detail: "Someone else saved a change to the same record at the same moment, so nothing of yours was saved. Reload it and apply your change again."),
            DatabaseErrorKind.Duplicate => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Already exists",
                detail: "The same record was created at the same moment (or already exists), so nothing of yours was saved. Reload to see it."),
            DatabaseErrorKind.MissingReference => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Refers to a record that does not exist",
                detail: "A record this change refers to does not exist (any more); nothing was saved. Reload and choose again."),
            DatabaseErrorKind.Contention => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Busy with another change",
                detail: "Another change to the same records was being saved at the same moment; nothing of yours was saved. Try again."),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "A value cannot be stored",
                detail: "A value is too long, out of range, or holds characters that cannot be stored; nothing was saved."),
        };
    }

    private static string Shorten(string value)
    {
        var clean = InputText.Clean(value);
        return clean.Length <= 50 ? clean : clean[..50] + "…";
    }

    /// <summary>ASP.NET Core's binding messages name the parameter as "Type name" in quotes.</summary>
    [GeneratedRegex("parameter \"(?:[^\"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex ParameterName();

    [GeneratedRegex("from \"(?<value>.*)\"\\.?$", RegexOptions.Singleline)]
    private static partial Regex BoundValue();
}
