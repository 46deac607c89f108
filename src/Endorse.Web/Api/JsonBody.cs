using System.Text.Json;
using Endorse.Listing;
using Microsoft.Extensions.Options;

namespace Endorse.Web.Api;

/// <summary>
/// The one reader of JSON request bodies for endpoints that read the body themselves. A body that is missing, not JSON,
/// not an object (<c>null</c>, <c>[]</c>, a string), too large, or holds a value of the wrong type, an unknown enum
/// name, a number out of range, an invalid date or unacceptable text answers a 400/413/415 problem detail naming the
/// field, before anything is changed. Endpoints that bind a typed body parameter get the same answers through
/// <see cref="ApiExceptionHandler"/> and <see cref="ApiInputFilter"/>.
/// </summary>
public static class JsonBody
{
    /// <summary>The largest JSON body read: far above any real form, far below what would strain the server.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Send the body as application/json.",
                detail: $"The body was sent as '{InputText.Clean(request.ContentType ?? "nothing")}'."));
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        using var buffer = new MemoryStream();
        try
        {
            await CopyBoundedAsync(request.Body, buffer, request.HttpContext.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return (null, TooLarge());
        }

        if (buffer.Length == 0)
        {
            return (null, Invalid("body", "A JSON object is required; the body is empty."));
        }

        var bytes = new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (RootProblem<T>(bytes.Span) is { } rootProblem)
        {
            return (null, Invalid("body", rootProblem));
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes.Span, options);
            return value is null ? (null, Invalid("body", "A JSON object is required.")) : (value, null);
        }
        catch (JsonException exception)
        {
            var (field, message) = Describe(exception);
            return (null, Invalid(field, message));
        }
    }

    /// <summary>The field a JSON error is about and the sentence a client reads.</summary>
    public static (string Field, string Message) Describe(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var field = FieldName(exception.Path);
        if (exception is InputTextException text)
        {
            return (field, text.Reason);
        }

        return field == "body"
            ? (field, "The body is not valid JSON.")
            : (field, "The value has the wrong type, is out of range or is not one of the allowed values.");
    }

    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request has invalid fields.");

    /// <summary>"$.blackouts[0].from" → "blackouts[0].from"; the root → "body".</summary>
    public static string FieldName(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        var name = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return name.Length == 0 ? "body" : name;
    }

    private static IResult TooLarge() => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The body is too large.",
        detail: $"A JSON body may be at most {MaxBytes / (1024 * 1024)} MB.");

    /// <summary>Why the body's first token cannot become a <typeparamref name="T"/> (an object, or an array for a list), or null.</summary>
    private static string? RootProblem<T>(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read())
            {
                return "A JSON object is required; the body is empty.";
            }
        }
        catch (JsonException)
        {
            return "The body is not valid JSON.";
        }

        var wantsArray = typeof(System.Collections.IEnumerable).IsAssignableFrom(typeof(T))
            && !typeof(System.Collections.IDictionary).IsAssignableFrom(typeof(T))
            && typeof(T) != typeof(string);
        return (reader.TokenType, wantsArray) switch
        {
            (JsonTokenType.StartObject, false) or (JsonTokenType.StartArray, true) => null,
            (JsonTokenType.Null, _) => wantsArray ? "A JSON array is required, not null." : "A JSON object is required, not null.",
            _ => wantsArray ? "A JSON array is required." : "A JSON object is required.",
        };
    }

    private static async Task CopyBoundedAsync(Stream source, Stream target, CancellationToken cancellationToken)
    {
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (target.Length + read > MaxBytes)
            {
                throw new InvalidDataException("The body is too large.");
            }

            await target.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }
    }
}
