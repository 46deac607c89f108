using Endorse.Listing;

namespace Endorse.Web.Api;

/// <summary>Turns feature results into HTTP results: problem details for every failure.</summary>
public static class ApiResults
{
    public static IResult From<T>(CommandResult<T> result, Func<T, IResult> onSuccess)
    {
        if (result.NotFound)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        if (result.Forbidden)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "You may not change this record.");
        }

        if (result.Conflict)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Changed by someone else", detail: "Reload the record and apply your change again.");
        }

        if (result.Errors is not null)
        {
            return TypedResults.ValidationProblem(result.Errors.ToDictionary(), title: "The request has invalid fields.");
        }

        return onSuccess(result.Value!);
    }

    /// <summary>Streams a CSV download of a list's rows, instants in ISO 8601 with the caller's own offset.</summary>
    public static IResult Csv<T>(IAsyncEnumerable<T> rows, string fileName) => new CsvResult<T>(rows, fileName);

    private sealed class CsvResult<T>(IAsyncEnumerable<T> rows, string fileName) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var userId = httpContext.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
            var format = await httpContext.RequestServices.GetRequiredService<Endorse.Users.PreferencesService>().FormatAsync(userId, httpContext.RequestAborted);
            await Results.Stream(stream => CsvExport.WriteAsync(stream, rows, format, httpContext.RequestAborted), "text/csv; charset=utf-8", fileName).ExecuteAsync(httpContext);
        }
    }

}
