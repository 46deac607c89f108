using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Endorse.Web.Api;

/// <summary>
/// Marks the <c>title</c> of the problem-details schemas as the error's message (<c>x-ms-primary-error-message</c>), so a
/// client Kiota generates throws a <c>ProblemDetails</c> / <c>HttpValidationProblemDetails</c> exception whose
/// <c>Message</c> is "Not found" or "The request has invalid fields." rather than "Exception of type … was thrown".
/// Every problem the app answers has a title.
/// </summary>
internal sealed class ProblemMessageTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var name in new[] { "ProblemDetails", "HttpValidationProblemDetails" })
        {
            if (document.Components?.Schemas is { } schemas && schemas.TryGetValue(name, out var schema)
                && schema is OpenApiSchema { Properties: { } properties } && properties.TryGetValue("title", out var property)
                && property is OpenApiSchema title)
            {
                title.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                title.Extensions["x-ms-primary-error-message"] = new JsonNodeExtension(JsonValue.Create(true));
            }
        }

        return Task.CompletedTask;
    }
}
