using Endorse.Listing;
using Microsoft.AspNetCore.Http.HttpResults;

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
            return result.ConflictReason is { } reason
                ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible now", detail: reason)
                : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Changed by someone else", detail: "Reload the record and apply your change again.");
        }

        if (result.Errors is not null)
        {
            return TypedResults.ValidationProblem(result.Errors.ToDictionary(), title: "The request has invalid fields.");
        }

        return onSuccess(result.Value!);
    }

    /// <summary>
    /// <see cref="From{T}"/> for handlers that declare their answers in their signature (typed results): the success
    /// answer, a validation problem (400), or another problem detail (403, 404, 409; documented with ProducesProblem).
    /// </summary>
    public static Results<TOk, ValidationProblem, ProblemHttpResult> Typed<T, TOk>(CommandResult<T> result, Func<T, TOk> onSuccess)
        where TOk : IResult =>
        result.Succeeded ? onSuccess(result.Value!) : Typed<TOk>(From(result, _ => TypedResults.Ok()));

    /// <summary>A problem answer (<see cref="From{T}"/>, <see cref="JsonBody.ReadAsync{T}"/>) as a typed result.</summary>
    public static Results<TOk, ValidationProblem, ProblemHttpResult> Typed<TOk>(IResult problem)
        where TOk : IResult => problem switch
        {
            ValidationProblem validation => validation,
            ProblemHttpResult other => other,
            _ => throw new InvalidOperationException($"Not a problem answer: {problem.GetType().Name}."),
        };

    /// <summary>
    /// Streams a CSV download of a list's rows, instants in ISO 8601 with the caller's own offset. The query runs and its
    /// first row is read before the answer starts, so a query that fails answers a problem detail instead of a 200 cut
    /// off after the header.
    /// </summary>
    public static IResult Csv<T>(IAsyncEnumerable<T> rows, string fileName) => new CsvResult<T>(rows, fileName);

    private sealed class CsvResult<T>(IAsyncEnumerable<T> rows, string fileName) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var aborted = httpContext.RequestAborted;
            var userId = httpContext.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
            var format = await httpContext.RequestServices.GetRequiredService<Endorse.Users.PreferencesService>().FormatAsync(userId, aborted);
            var enumerator = rows.GetAsyncEnumerator(aborted);
            try
            {
                // Throws here, before any byte is sent, when the query fails; the exception handler answers it.
                var hasFirst = await enumerator.MoveNextAsync();
                await Results.Stream(stream => CsvExport.WriteAsync(stream, Rest(enumerator, hasFirst), format, aborted), "text/csv; charset=utf-8", fileName)
                    .ExecuteAsync(httpContext);
            }
            finally
            {
                await enumerator.DisposeAsync();
            }
        }

        private static async IAsyncEnumerable<T> Rest(IAsyncEnumerator<T> started, bool hasFirst)
        {
            if (!hasFirst)
            {
                yield break;
            }

            yield return started.Current;
            while (await started.MoveNextAsync())
            {
                yield return started.Current;
            }
        }
    }

}
