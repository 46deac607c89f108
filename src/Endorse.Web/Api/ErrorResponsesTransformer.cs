using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Endorse.Web.Api;

/// <summary>
/// Documents the error answers every operation can give without saying so itself: 401 and 403 for every operation
/// that requires authorization (all of /api/v1), 404 for every operation with a path parameter (a record that does
/// not exist, or that the caller may not see). Each is an RFC 9457 problem detail, as the app answers them.
/// </summary>
internal sealed class ErrorResponsesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var authorized = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        var hasPathParameter = context.Description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Path);
        if (!authorized && !hasPathParameter)
        {
            return Task.CompletedTask;
        }

        // Every /api/v1 operation already answers 429 with ProblemDetails (ApiSetup), so the component is in the document.
        var problem = new OpenApiSchemaReference(nameof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.Document);
        operation.Responses ??= [];
        void Add(int status, string description)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!operation.Responses.ContainsKey(key))
            {
                operation.Responses[key] = new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
                };
            }
        }

        if (authorized)
        {
            Add(StatusCodes.Status401Unauthorized, "Unauthorized: no valid access token or sign-in.");
            Add(StatusCodes.Status403Forbidden, "Forbidden: the caller's roles may not do this.");
        }

        if (hasPathParameter)
        {
            Add(StatusCodes.Status404NotFound, "Not found: no such record, or the caller may not see it.");
        }

        return Task.CompletedTask;
    }
}
